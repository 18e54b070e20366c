#!/usr/bin/env node
// Fails (exit 1) when a visitor pays more than the budget for the files `npm run build` made.
// Measured the way a visitor pays: the README's own snippets are loaded in headless Chromium
// from a page on one origin (127.0.0.1), with `dist/` served from another (localhost) under a
// versioned CDN-like path,
// and every response but the page itself is gzipped at level 9 and summed (1 KB = 1,000 B).
// Also measured: what `import 'sales-funnel/funnel'` adds to a page built by a bundler (Vite),
// resolved through package.json's exports and sideEffects as an npm user's build resolves it.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipBytes } from '../bench/funnel/build.mjs';
import { launchChromium, root } from '../bench/lib.mjs';
import { serveDist } from './serve-dist.mjs';

/** 1 KB = 1,000 B, to the byte's tenth of a KB that decides a budget. */
const kb = (bytes) => (bytes / 1000).toFixed(2);

/**
 * Each page a snippet makes, its budget in KB, and what "shown" means for it: 20 KB for a chart of
 * stage counts, 22 KB with a preset or a scenario (their reader and data load beside it), 60 KB
 * for the workspace's first screen (an empty board: its dialogs, import step, file code, sync
 * code, failure and conflict texts and the learned stale thresholds load on first use, the
 * thresholds with the first history, the texts with the first failure).
 */
const PAGES = [
  { name: '<sales-funnel stages>', from: 'funnel', has: 'stages=', budget: 20, shown: 'svg' },
  { name: '<sales-funnel preset>', from: 'funnel', has: 'preset=', budget: 22, shown: 'svg' },
  { name: '<sales-funnel scenario>', from: 'funnel', has: 'scenario=', budget: 22, shown: 'svg' },
  {
    name: '<sales-workspace> first screen (board columns visible)',
    from: 'workspace',
    has: '<sales-workspace',
    budget: 60,
    shown: '[part~="column"]',
  },
];
/** What a bundler adds for one element entry, Lit included. */
const BUNDLED_BUDGET_KB = 25;

/** The README's snippets: its first html block (the funnel's) and the workspace's. */
function snippets() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  const find = (tag) => blocks.find((b) => /<script type="module" src=/.test(b) && b.includes(tag));
  return { funnel: find('<sales-funnel'), workspace: find('<sales-workspace') };
}

/** The snippet's script tag and the one element of it that has `has`, as a page. */
function pageFor(snippet, has, cdn) {
  const script = /<script type="module" src="([^"]+)"><\/script>/.exec(snippet);
  const element = snippet
    .replace(script?.[0] ?? '', '')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .find((part) => part.startsWith('<sales-') && part.includes(has));
  if (!script || !element) return undefined;
  const src = new URL(script[1].replace(/^.*\//, ''), cdn).href;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>size</title>
<script type="module" src="${src}"></script></head><body>${element}</body></html>`;
}

/** Loads `pageUrl` (another origin than dist's) and sums what it fetched once `shown` shows. */
async function measure(browser, pageUrl, shown) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const fetched = new Map();
  const failed = [];
  page.on('response', async (response) => {
    const url = response.url();
    if (url === pageUrl) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    fetched.set(url, gzipBytes(body));
  });
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('pageerror', (error) => failed.push(String(error)));
  await page.goto(pageUrl);
  await page.locator(shown).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  const files = [...fetched].map(([url, gzip]) => ({ file: url.replace(/^.*\//, ''), gzip }));
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0), failed };
}

/** Bundles a one-line consumer of `sales-funnel/funnel` with Vite, as an npm user's app would. */
async function bundledEntry(specifier) {
  const { build } = await import('vite');
  const app = mkdtempSync(join(tmpdir(), 'sales-funnel-consumer-'));
  try {
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(root, join(app, 'node_modules/sales-funnel'), 'dir');
    writeFileSync(join(app, 'main.js'), `import '${specifier}';\n`);
    writeFileSync(
      join(app, 'index.html'),
      '<!doctype html><script type="module" src="./main.js"></script>',
    );
    const result = await build({
      configFile: false,
      root: app,
      logLevel: 'warn',
      build: { write: false, reportCompressedSize: false, modulePreload: false },
    });
    const output = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
    const initial = new Set();
    const visit = (name) => {
      if (initial.has(name)) return;
      initial.add(name);
      chunks.get(name)?.imports.forEach(visit);
    };
    for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
    const css = output.filter((o) => o.fileName.endsWith('.css'));
    const gzip =
      [...initial].reduce((sum, name) => sum + gzipBytes(chunks.get(name).code), 0) +
      css.reduce((sum, o) => sum + gzipBytes(o.source), 0);
    const defines = [...chunks.values()].flatMap((c) =>
      [...c.code.matchAll(/customElements\.define\(\s*[`'"]([a-z-]+)/g)].map((m) => m[1]),
    );
    return { gzip, lazy: chunks.size - initial.size, defines: [...new Set(defines)] };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

const failures = [];
const found = snippets();
const { server, cdn, pageUrl, setPage } = await serveDist();
const browser = await launchChromium();
try {
  for (const page of PAGES) {
    const html = found[page.from] && pageFor(found[page.from], page.has, cdn);
    if (!html) {
      failures.push(`README.md has no ${page.from} snippet with ${page.has}`);
      continue;
    }
    const shown = page.shown === 'svg' ? 'sales-funnel svg' : page.shown;
    setPage(html);
    const { files, gzip, failed } = await measure(browser, pageUrl, shown);
    if (failed.length) failures.push(`${page.name}: ${failed.join(', ')}`);
    if (gzip > page.budget * 1000) failures.push(`${page.name} over ${page.budget} KB`);
    console.log(
      `${page.name}: ${kb(gzip)} KB gzip fetched (budget ${page.budget} KB) — ` +
        files.map((f) => `${f.file} ${kb(f.gzip)}`).join(' + '),
    );
  }
} finally {
  await browser.close();
  server.close();
}

const bundled = await bundledEntry('sales-funnel/funnel');
if (bundled.gzip > BUNDLED_BUDGET_KB * 1000)
  failures.push(`import 'sales-funnel/funnel' over ${BUNDLED_BUDGET_KB} KB`);
if (bundled.defines.join() !== 'sales-funnel')
  failures.push(`import 'sales-funnel/funnel' defines ${bundled.defines.join(', ') || 'nothing'}`);
console.log(
  `import 'sales-funnel/funnel' in a Vite app: ${kb(bundled.gzip)} KB gzip up front ` +
    `(budget ${BUNDLED_BUDGET_KB} KB), ${bundled.lazy} lazy chunks, defines ${bundled.defines.join(', ')}`,
);

if (failures.length) {
  console.log(`Size budget failed: ${failures.join('; ')}.`);
  process.exit(1);
}
