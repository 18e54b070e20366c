#!/usr/bin/env node
// The import step in headless Chromium: node bench/import/long-tasks.mjs [--rows 100000] [--notes 1]
// Reads, maps and writes a generated HubSpot-layout export (worker + IndexedDB) and reports,
// per phase, the time and the long tasks (> 50 ms) of the page's thread. `--notes 8` makes the
// 100,000-row file ~50 MB.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPage, launchChromium, root, serve } from '../lib.mjs';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, notes: { type: 'string', default: '1' } },
});
const outDir = join(root, 'bench/.out/import-page');
await buildPage({
  entry: join(root, 'bench/import/entry.ts'),
  outDir,
  file: 'bench.js',
  title: 'import bench',
});
const { server, origin } = await serve(outDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error(m.text()));
  page.on('response', (r) => r.status() >= 400 && console.error(`${r.status()} ${r.url()}`));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.bench);
  const r = await page.evaluate(
    ([rows, notes]) => window.bench.run(rows, notes),
    [Number(args.rows), Number(args.notes)],
  );
  const line = (name, p) =>
    `${name.padEnd(8)} ${p.ms.toFixed(0).padStart(6)} ms   long tasks: ${p.longTasks}, longest ${p.longestMs.toFixed(0)} ms`;
  console.log(
    `${r.rows.toLocaleString('en')} rows, ${r.megabytes.toFixed(1)} MB; page heap growth after mapping ${r.heapGrowthMb.toFixed(0)} MB; worker: ${r.inWorker}`,
  );
  console.log(line('read', r.reading));
  console.log(line('map', r.mapping));
  console.log(line('write', r.writing));
} finally {
  await browser.close();
  server.close();
}
