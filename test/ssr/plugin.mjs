// Server-rendered HTML for browser tests: the `ssr-render` command renders plain markup with
// the `sales-funnel/server` entry under @lit-labs/ssr, as a server would, and answers with the
// HTML (declarative shadow DOM included), which the test page then parses. The entry is bundled
// from source once per run (scripts/ssr-bundle.mjs); each render runs in a Node process of its
// own, so Lit's DOM shim never reaches the test runner's globals.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleServer } from '../../scripts/ssr-bundle.mjs';

const RENDERER = fileURLToPath(new URL('./render-markup.mjs', import.meta.url));

/** Resolves to the HTML, or rejects with what the renderer printed on failure. */
function renderMarkup(bundle, markup) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RENDERER, bundle], { stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`server render failed (${code}): ${err}`)),
    );
    child.stdin.end(markup);
  });
}

export function ssrPlugin() {
  let bundle;
  return {
    name: 'ssr-render-command',
    async executeCommand({ command, payload }) {
      if (command !== 'ssr-render') return undefined;
      bundle ??= bundleServer();
      return { html: await renderMarkup(await bundle, payload.markup) };
    },
  };
}
