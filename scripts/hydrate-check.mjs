// Server rendering and hydration as a package user does it, on the built package (run after
// `npm run build`, with `node --test`): the README's server snippet renders a page with
// `sales-funnel/server` (dist/lib/server.js), the README's page script (hydration support, then
// `sales-funnel/funnel`) is bundled with Vite, and Chromium loads the page, then the script. The
// templates are the minified build's on both sides, which is what hydration matches.
// (test/ssr/hydrate-funnel.test.ts checks the same from source, in more detail.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { build } from 'vite';
import { launchChromium, root, serve } from '../bench/lib.mjs';

/**
 * An app of its own in a temporary folder: `sales-funnel` is this checkout, Lit and
 * `@lit-labs/*` its installed ones. (Inside a node_modules shared by several checkouts, the
 * package's name could resolve to another checkout's build.)
 */
const app = mkdtempSync(join(tmpdir(), 'sales-funnel-hydrate-'));
const LINKS = {
  'sales-funnel': root,
  lit: join(root, 'node_modules/lit'),
  '@lit-labs': join(root, 'node_modules/@lit-labs'),
};
const SERVER = `import 'sales-funnel/server';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

const stages = JSON.stringify([
  { name: 'Leads', value: 1200 },
  { name: 'Won', value: 61 },
]);
const chart = await collectResult(render(html\`<sales-funnel stages=\${stages}></sales-funnel>\`));
const preset = await collectResult(render(html\`<sales-funnel preset="saas-b2b"></sales-funnel>\`));
process.stdout.write(\`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ssr</title>
<link rel="icon" href="data:,"></head><body><div style="inline-size: 700px">\${chart}</div>
<div style="inline-size: 700px">\${preset}</div></body></html>\`);
`;
const PAGE_SCRIPT = `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
// Loaded after it: Lit looks for the hydration support when it loads.
import('sales-funnel/funnel');
`;

let server;
let origin;
let browser;

before(async () => {
  mkdirSync(join(app, 'node_modules'));
  for (const [name, target] of Object.entries(LINKS)) {
    symlinkSync(target, join(app, 'node_modules', name), 'dir');
  }
  writeFileSync(join(app, 'server.mjs'), SERVER);
  writeFileSync(join(app, 'main.js'), PAGE_SCRIPT);
  const page = execFileSync(process.execPath, [join(app, 'server.mjs')], { encoding: 'utf8' });
  await build({
    configFile: false,
    root: app,
    logLevel: 'warn',
    build: {
      outDir: join(app, 'out'),
      lib: { entry: join(app, 'main.js'), formats: ['es'], fileName: () => 'main.js' },
      rolldownOptions: { output: { chunkFileNames: '[name]-[hash].js' } },
    },
  });
  writeFileSync(join(app, 'out/index.html'), page);
  ({ server, origin } = await serve(join(app, 'out')));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(app, { recursive: true, force: true });
});

test('the built package: a server-rendered funnel shows, then hydrates on its own nodes', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}/index.html`);
  const shown = await page.evaluate(() => {
    const els = [...document.querySelectorAll('sales-funnel')];
    window.bands = els.map((el) => [...el.shadowRoot.querySelectorAll('[part~="stage"]')]);
    window.removed = [];
    for (const el of els) {
      new MutationObserver((records) =>
        records.forEach((r) => window.removed.push(...r.removedNodes)),
      ).observe(el.shadowRoot, { childList: true, subtree: true });
    }
    return {
      defined: customElements.get('sales-funnel') !== undefined,
      bands: window.bands.map((b) => b.length),
      shaded: window.bands.map((b) => new Set(b.map((p) => getComputedStyle(p).fill)).size),
    };
  });
  assert.deepEqual(shown, { defined: false, bands: [2, 5], shaded: [2, 5] });
  await page.addScriptTag({ type: 'module', url: `${origin}/main.js` });
  const hydrated = await page.evaluate(async () => {
    await customElements.whenDefined('sales-funnel');
    const els = [...document.querySelectorAll('sales-funnel')];
    // Hydrated, then laid out for the 700 px box (its first resize observation too).
    for (let i = 0; i < 3; i++) {
      await Promise.all(els.map((el) => el.updateComplete));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    return els.map((el, i) => ({
      sameBands: [...el.shadowRoot.querySelectorAll('[part~="stage"]')].every(
        (b, k) => b === window.bands[i][k],
      ),
      charts: el.shadowRoot.querySelectorAll('svg').length,
      width: el.shadowRoot.querySelector('svg').getAttribute('width'),
      removedElements: window.removed.filter((n) => n.nodeType === 1).length,
    }));
  });
  const laidOut = { sameBands: true, charts: 1, width: '676', removedElements: 0 };
  assert.deepEqual(hydrated, [laidOut, laidOut]);
  assert.deepEqual(problems, []);
  await page.close();
});
