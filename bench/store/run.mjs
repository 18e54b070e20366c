#!/usr/bin/env node
// The store and <sales-pipeline> in headless Chromium:
//   node bench/store/run.mjs [--deals 100000] [--board 10000] [--runs 5] [--drops 10]
// - import of N deals through the repository (validation, records, history events, one
//   transaction) next to plain `idb` puts of the very same records in one transaction, same run;
// - first screen of the board with 10,000 deals: open the database, read them, paint;
// - a real pointer drag (Playwright mouse) from pointerup to `deal-moved`, which fires after the
//   transaction has committed.
// Writes the table to bench/.out/store.md too.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPage, launchChromium, markdownTable, quantile, root, serve } from '../lib.mjs';

const outDir = join(root, 'bench/.out/store');

const { values: args } = parseArgs({
  options: {
    deals: { type: 'string', default: '100000' },
    board: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    drops: { type: 'string', default: '10' },
  },
});
const DEALS = Number(args.deals);
const BOARD = Number(args.board);
const RUNS = Number(args.runs);
const DROPS = Number(args.drops);
if (![DEALS, BOARD, RUNS, DROPS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node bench/store/run.mjs [--deals N] [--board N] [--runs N] [--drops N]');
  process.exit(2);
}

/** The board page: one minified file, as a site would ship it. */
const bundle = () =>
  buildPage({
    entry: join(root, 'bench/store/entry.ts'),
    outDir,
    file: 'bench.js',
    title: 'store bench',
    body: '<div id="board"></div>',
  });

const median = (xs) => quantile(xs, 0.5);
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const int = (x) => Math.round(x).toLocaleString('en');

await mkdir(outDir, { recursive: true });
await bundle();
const { server, origin } = await serve(outDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.bench);

  // Import vs raw: one warm-up at a tenth of the size, then the measured run.
  await page.evaluate((n) => window.bench.importVsRaw(n), Math.max(1, Math.floor(DEALS / 10)));
  const imp = await page.evaluate((n) => window.bench.importVsRaw(n), DEALS);

  // First screen with BOARD deals, RUNS times on the same database.
  const db = await page.evaluate((n) => window.bench.prepare(n), BOARD);
  const screens = [];
  let cards = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const r = await page.evaluate((name) => window.bench.firstScreen(name), db);
    screens.push(r.ms);
    cards = r.cards;
  }

  // Drop to commit: real mouse drags back and forth between the first two stages.
  const [a, b] = await page.evaluate(() => window.bench.stageIds());
  const drops = [];
  for (let i = 0; i < DROPS; i += 1) {
    const [from, to] = i % 2 ? [b, a] : [a, b];
    const p = await page.evaluate(([f, t]) => window.bench.dragPoints(f, t), [from, to]);
    await page.evaluate(() => window.bench.armDrop());
    await page.mouse.move(p.from[0], p.from[1]);
    await page.mouse.down();
    await page.mouse.move(p.from[0] + 15, p.from[1] + 5);
    await page.mouse.move(p.to[0], p.to[1], { steps: 4 });
    await page.mouse.up();
    drops.push(await page.evaluate(() => window.dropResult));
  }
  // Reorder to commit: the top card of the first column dragged between its third and fourth
  // (a rank between two neighbours: one deal written).
  const reorders = [];
  for (let i = 0; i < DROPS; i += 1) {
    const p = await page.evaluate((k) => window.bench.reorderPoints(k), a);
    await page.evaluate(() => window.bench.armDrop());
    await page.mouse.move(p.from[0], p.from[1]);
    await page.mouse.down();
    await page.mouse.move(p.from[0] + 5, p.from[1] + 15);
    await page.mouse.move(p.to[0], p.to[1], { steps: 4 });
    await page.mouse.up();
    reorders.push(await page.evaluate(() => window.dropResult));
  }
  await page.evaluate((name) => window.bench.cleanup(name), db);

  const ratio = imp.repoMs / imp.rawMs;
  const rows = [
    ['what', 'result', 'note'],
    [
      `import ${int(imp.deals)} deals through the repository`,
      `${ms(imp.repoMs)} (${int(imp.deals / (imp.repoMs / 1000))} deals/s)`,
      `validation + ${int(imp.deals)} deals + ${int(imp.events)} history events, one transaction`,
    ],
    [
      'raw idb put of the same records, one transaction',
      `${ms(imp.rawMs)} (${int(imp.deals / (imp.rawMs / 1000))} deals/s)`,
      'same stores and indexes',
    ],
    [
      'repository / raw',
      `${ratio.toFixed(2)}×`,
      ratio <= 2 ? 'within the 2× target' : 'OVER the 2× target',
    ],
    [
      `first screen, ${int(BOARD)} deals (median of ${RUNS})`,
      ms(median(screens)),
      `open db + read all + paint; ${cards} cards rendered; max ${ms(Math.max(...screens))}`,
    ],
    [
      `drop → committed (median of ${DROPS})`,
      ms(median(drops)),
      `pointerup to deal-moved (after commit); max ${ms(Math.max(...drops))}`,
    ],
    [
      `reorder in a column → committed (median of ${DROPS})`,
      ms(median(reorders)),
      `pointerup to deal-moved, ${int(BOARD)} deals on the board; max ${ms(Math.max(...reorders))}`,
    ],
  ];
  const table = markdownTable(rows);
  console.log(table);
  await writeFile(join(root, 'bench/.out/store.md'), `${table}\n`);
} finally {
  await browser.close();
  server.close();
}
