#!/usr/bin/env node
// The forecast engine in headless Chromium against a naive per-deal loop, same run:
//   node bench/forecast/run.mjs [--runs 5] [--naive-trials 2000]
// Each case: six stages with observed counts and observed time in stage, a quarter's horizon of
// four, open deals spread over the stages (bench/forecast/cases.ts). The naive loop draws every
// deal in every trial; it runs `--naive-trials` trials and is scaled to 10,000 (it is linear in
// trials), and its band of won revenue is printed next to the engine's as a check.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPage, launchChromium, markdownTable, root, serve } from '../lib.mjs';

const outDir = join(root, 'bench/.out/forecast');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'naive-trials': { type: 'string', default: '2000' },
  },
});
const RUNS = Number(args.runs);
const NAIVE_TRIALS = Number(args['naive-trials']);
if (![RUNS, NAIVE_TRIALS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node bench/forecast/run.mjs [--runs N] [--naive-trials N]');
  process.exit(2);
}

await mkdir(outDir, { recursive: true });
await buildPage({
  entry: join(root, 'bench/forecast/entry.ts'),
  outDir,
  file: 'bench.js',
  title: 'forecast bench',
});
const { server, origin } = await serve(outDir);
const browser = await launchChromium();
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const money = (xs) => xs.map((x) => `${(x / 1e6).toFixed(2)}M`).join(' / ');
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.bench);
  const rows = [
    [
      'case',
      'forecast()',
      'naive per-deal loop',
      'naive ÷ forecast()',
      'won revenue p10 / p50 / p90 (forecast; naive)',
    ],
  ];
  for (const deals of [100, 1000, 10000]) {
    const e = await page.evaluate(([d, r]) => window.bench.engine(d, r), [deals, RUNS]);
    const n = await page.evaluate(([d, t]) => window.bench.naive(d, t), [deals, NAIVE_TRIALS]);
    const naive10k = (n.ms * 10000) / NAIVE_TRIALS;
    rows.push([
      `${deals.toLocaleString('en')} open deals × 10,000 trials, observed counts + durations`,
      ms(e.ms),
      `${ms(naive10k)}${NAIVE_TRIALS === 10000 ? '' : ` (${NAIVE_TRIALS.toLocaleString('en')} trials × ${10000 / NAIVE_TRIALS})`}`,
      `${(naive10k / e.ms).toFixed(0)}×`,
      `${money(e.band)}; ${money(n.band)}`,
    ]);
  }
  const fixed = await page.evaluate((r) => window.bench.engine(10000, r, true), RUNS);
  rows.push([
    '10,000 open deals, fixed rates + durations (exact counts, sampled revenue)',
    ms(fixed.ms),
    '',
    '',
    money(fixed.band),
  ]);
  const table = markdownTable(rows);
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]);
  const note = `\n${version}, best of ${RUNS} runs; target: 10,000 × 10,000 under 100 ms.`;
  console.log(table + note);
  await writeFile(join(root, 'bench/.out/forecast.md'), `${table}\n${note}\n`);
} finally {
  await browser.close();
  server.close();
}
