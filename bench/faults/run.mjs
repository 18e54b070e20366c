#!/usr/bin/env node
// Issue 16's faults, re-run:
//   node bench/faults/run.mjs [--deals 100000] [--port 8850] [--no-tests] [--profile] [--cpu-slowdown 2]
// 1. The fault and fuzz suites (the test files below, in headless Chromium through wtr), one
//    row each: what was tried, how many cases, whether they held.
// 2. Bounded validation: the worst inputs the limits allow, through the elements (time, the main
//    thread's CPU time from a trace, longest task, did-you-mean searches and keys looked at),
//    each case run once to warm up, then timed. `--profile` builds unminified and writes a CPU profile of each timed case
//    (bench/.out/faults/case-N.cpuprofile, for DevTools) and prints its costliest functions.
// 3. Search at N deals on the board, with its worker and without (this thread, in slices): each
//    keystroke typed into the search box with Playwright, then the owner and stale filters on and
//    off and the search set and cleared at once, every main-thread task from the
//    keystroke to its result shown from a CDP trace (tasks over 16 ms counted), the long tasks
//    (> 50 ms) from PerformanceObserver; and the filter alone on this thread, naive (every deal
//    folded each time) against the index.
// Prints the tables (the README's fault table is this output) and writes bench/.out/faults.md.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPage, launchChromium, markdownTable, quantile, root, serve } from '../lib.mjs';

const { values: args } = parseArgs({
  options: {
    deals: { type: 'string', default: '100000' },
    port: { type: 'string', default: '8850' },
    'no-tests': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    // A slower machine: Chromium's CPU throttling (2 = every task takes twice as long).
    'cpu-slowdown': { type: 'string', default: '1' },
  },
});
const SLOWDOWN = Number(args['cpu-slowdown']);
if (!(SLOWDOWN >= 1)) {
  console.error('--cpu-slowdown takes a number ≥ 1');
  process.exit(2);
}
const DEALS = Number(args.deals);
const outDir = join(root, 'bench/.out/faults');
await mkdir(outDir, { recursive: true });

/**
 * What was tried, the test files that try it, and what holding means. Each area of issue 16
 * adds its rows here.
 */
const SUITES = [
  {
    area: 'hostile inputs',
    tried:
      'revoked Proxy, throwing getter, cycle, read-once getter in every structured property (funnel stages/scenario/compare, simulator scenario/deck, every strings)',
    files: ['test/elements/hostile-properties.test.ts'],
    held: 'message in place in Spanish, one error event, nothing thrown; a good value next, then another, each shown (its stages, change, step or words); bad JSON’s engine message only in the console and the event’s cause',
  },
  {
    area: 'limits',
    tried:
      '1 MB attribute of unknown keys, 200,000-key property, unknown keys in every stage, 400 KB key, 10,000-deep nesting, 1,000,000-entry arrays, 900 KB name, 100-step deck; fuzzed unknown keys',
    files: ['test/model/validate-bounds.test.ts'],
    held: '≤ 100 did-you-mean searches and ≤ 103 keys walked per parse; 100 errors listed, the rest counted exactly; JSON errors in the element language',
  },
  {
    area: 'fuzz',
    tried: 'generated scenarios, counts and JSON texts (fast-check)',
    files: ['test/model/validate.property.test.ts'],
    held: 'valid input accepted and normalized to itself; invalid refused naming the field',
  },
  {
    area: 'search at scale',
    tried:
      'board search against the naive filter: random deals, keystrokes, backspaces, owner/stale filters, feed edits and removals (fast-check), on this thread and in the worker; answers held and handed over late or out of order; a 6,000-deal board typed into with and without workers',
    files: [
      'test/elements/sales-pipeline/model/board-search.test.ts',
      'test/elements/sales-pipeline/worker-search.test.ts',
      'test/elements/sales-pipeline/search-many.test.ts',
    ],
    held: 'same columns, order and totals as the naive filter; an older keystroke’s answer never shown, an answer read after later edits shows the deals it found; at 6,000 deals each keystroke one query to the worker, the page turning only the rows it reads back into deals and an answer shown in the card elements already in view; without workers the same results and one console note',
  },
  {
    area: 'two tabs',
    tried:
      'Ctrl+Z of a move and of a delete the other tab changed, a deal dialog whose deal the other tab changed or deleted, site data cleared, a stage removed elsewhere',
    files: ['test/elements/sales-pipeline/conflicts-tabs.test.ts'],
    held: 'the deal stays where the other tab put it, with a notice naming it and its stage; the dialog says so in words and saves as a new deal; no ids shown',
  },
  {
    area: 'storage opening',
    tried:
      'IndexedDB unavailable or refused, a database at a newer version, an internal error, an open with no event, an upgrade blocked by an old tab, quota exceeded part-way, connection closed or deleted',
    files: [
      'test/elements/sales-pipeline/storage-open.test.ts',
      'test/elements/storage-open-elements.test.ts',
      'test/store/faults.test.ts',
    ],
    held: 'each state said in words in both languages by the board, the forecast, the simulator and the funnel, the browser’s words only in the console and the error event; newer data untouched and writes refused; a timeout after 10 s with Try again; no half-written transaction',
  },
  {
    area: 'value bounds',
    tried:
      'generated amounts and times, a pipeline JSON created at 1e300, CSV rows over 10^15 or before 1970, a synced peer’s out-of-range times, dialog amounts over 10^15',
    files: [
      'test/store/bounds.property.test.ts',
      'test/elements/sales-pipeline/value-bounds.test.ts',
    ],
    held: 'refused where they enter, naming the field, nothing stored; CSV export never throws',
  },
  {
    area: 'formula protection',
    tried:
      'generated cells with a formula after whitespace, newlines, zero-width and other invisible characters, through CSV export and JSON and CSV import (fast-check)',
    files: ['test/store/formula.property.test.ts'],
    held: 'no exported cell a spreadsheet runs; the text reads back as it was',
  },
  {
    area: 'export under CSP',
    tried: "toPNG() and the export menu under default-src 'self', stage names with lone surrogates",
    files: ['test/elements/sales-funnel/export-csp.test.ts'],
    held: 'a PNG with no policy violation; when blocked, the menu says why and offers the SVG',
  },
  {
    area: 'clock ahead',
    tried: 'deals decided while the clock was a year ahead, read after it is put back',
    files: ['test/elements/clock-ahead.test.ts'],
    held: 'the funnel counts them as won and says they were dated later; the simulator calibrates from them',
  },
];

/** Runs a suite's test files in Chromium; their passed and failed counts. */
function runSuite(files) {
  const summary = join(outDir, 'wtr-summary.txt');
  const run = spawnSync('npx', ['wtr', '--port', args.port, '--files', ...files], {
    cwd: root,
    env: { ...process.env, WTR_SUMMARY_FILE: summary },
    encoding: 'utf8',
  });
  return readFile(summary, 'utf8')
    .then((text) => {
      const [, passed, failed] = /(\d+) passed, (\d+) failed/.exec(text) ?? [];
      return { passed: Number(passed ?? 0), failed: Number(failed ?? 0) + (run.status ? 0 : 0) };
    })
    .catch(() => ({ passed: 0, failed: 1 }))
    .finally(() => rm(summary, { force: true }));
}

/** The `n` functions with the most self time in a CDP CPU profile, one a line. */
function costliest(profile, n) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .filter(([name]) => !name.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, t]) => `${t.toFixed(1).padStart(7)} ms  ${name}`)
    .join('\n');
}

const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const out = [];
const print = (title, rows) => {
  const table = markdownTable(rows);
  console.log(`\n${title}\n\n${table}`);
  out.push(`### ${title}\n\n${table}\n`);
};

/** The renderer's main-thread tasks (µs timestamps) and the page's marks, from a CDP trace. */
function mainThreadTasks(trace) {
  const events = trace.traceEvents;
  const marks = new Map();
  let pid;
  for (const e of events) {
    if (e.cat?.includes('blink.user_timing') && e.name.startsWith('keystroke-')) {
      marks.set(e.name, e.ts);
      pid = e.pid;
    }
  }
  const main = events.find(
    (e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const tasks = events
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === main?.tid &&
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask',
    )
    .map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0), thread: (e.tdur ?? e.dur ?? 0) / 1000 }));
  return { marks, tasks };
}

/**
 * The CPU time (ms) the renderer's main thread spent in tasks between the page's `case-start`
 * and `case-end` marks, from a CDP trace (each task's thread time, so other processes' load
 * does not count).
 */
function caseCpu(trace) {
  const events = trace.traceEvents;
  const start = events.find((e) => e.name === 'case-start');
  const end = events.find((e) => e.name === 'case-end');
  if (!start || !end) return undefined;
  const main = events.find(
    (e) => e.pid === start.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  return (
    events
      .filter(
        (e) =>
          e.pid === start.pid &&
          e.tid === main?.tid &&
          e.ph === 'X' &&
          e.name === 'ThreadControllerImpl::RunTask' &&
          e.ts + (e.dur ?? 0) > start.ts &&
          e.ts < end.ts,
      )
      .reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000
  );
}

/**
 * Types "lucia prieto" and deletes it again on a board of `DEALS` deals (with or without a
 * worker), tracing the renderer: every main-thread task from each keystroke to its result
 * shown, and how long they ran.
 */
async function typeOnBoard(page, browser, worker) {
  const { cards, inWorker } = await page.evaluate(
    ([n, w]) => window.bench.showBoard(n, w),
    [DEALS, worker],
  );
  // Found once: Playwright's role query walks the page, which would count in the page's tasks.
  await page.getByRole('searchbox').focus();
  await browser.startTracing(page, {
    categories: ['toplevel', 'blink.user_timing', 'devtools.timeline'],
  });
  const seen = [];
  const typed = [...'lucia prieto', ...Array(12).fill('Backspace')];
  // Then the filters and a search cleared at once, each a step of its own.
  const set = ['owner:Lucía Prieto', 'stale', 'owner:', 'stale', 'search:lucia', 'search:'];
  for (const [i, step] of [...typed, ...set].entries()) {
    await page.evaluate((k) => window.bench.watch(k), i);
    if (i < typed.length) await page.keyboard.press(step);
    else await page.evaluate((what) => window.bench.setFilter(what), step);
    seen.push(await page.evaluate((k) => window.bench.settled(k), i));
  }
  const trace = (await browser.stopTracing()).toString();
  await writeFile(join(outDir, `trace-${worker ? 'worker' : 'thread'}.json`), trace);
  const { marks, tasks } = mainThreadTasks(JSON.parse(trace));
  const keys = seen.map((s, i) => {
    const start = marks.get(`keystroke-${i}-start`);
    const end = marks.get(`keystroke-${i}-end`);
    const tasksIn = tasks.filter((t) => t.end > start && t.start < end);
    const within = tasksIn.map((t) => (t.end - t.start) / 1000);
    return {
      ...s,
      span: (end - start) / 1000,
      longest: Math.max(0, ...within),
      // CPU time of the thread in its longest task: what the load of other processes adds
      // to wall time is left out.
      longestThread: Math.max(0, ...tasksIn.map((t) => t.thread)),
      over16: within.filter((d) => d > 16).length,
    };
  });
  return { cards, inWorker, keys: keys.slice(0, typed.length), filters: keys.slice(typed.length) };
}

if (!args['no-tests']) {
  const rows = [['area', 'what was tried', 'cases', 'what held', 'test']];
  for (const s of SUITES) {
    const { passed, failed } = await runSuite(s.files);
    const held = failed === 0 && passed > 0 ? `held: ${s.held}` : `**${failed} failed**`;
    rows.push([
      s.area,
      s.tried,
      `${passed + failed} tests`,
      held,
      s.files.map((f) => `\`${f}\``).join(', '),
    ]);
  }
  print('Faults tried and what held', rows);
}

await buildPage({
  entry: join(root, 'bench/faults/entry.ts'),
  outDir,
  file: 'bench.js',
  title: 'faults bench',
  minify: !args.profile,
});
const { server, origin } = await serve(outDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  if (SLOWDOWN > 1) {
    const throttle = await page.context().newCDPSession(page);
    await throttle.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    console.log(`CPU throttled ${SLOWDOWN}× (Emulation.setCPUThrottlingRate)`);
  }
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.bench);

  const validation = [];
  const labels = await page.evaluate(() => window.bench.validationCases());
  const cdp = args.profile ? await page.context().newCDPSession(page) : undefined;
  await cdp?.send('Profiler.enable');
  await cdp?.send('Profiler.setSamplingInterval', { interval: 100 });
  for (const [i, label] of labels.entries()) {
    // The first run loads the lazy modules (scenario reader, error texts) and warms the JIT.
    await page.evaluate((n) => window.bench.validationCase(n), i);
    await cdp?.send('Profiler.start');
    // Without a profile, the case is traced: the main thread's CPU time, however loaded the machine.
    if (!cdp) await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    const row = await page.evaluate((n) => window.bench.validationCase(n), i);
    validation.push(row);
    if (!cdp) {
      row.cpu = caseCpu(JSON.parse((await browser.stopTracing()).toString()));
      continue;
    }
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(join(outDir, `case-${i}.cpuprofile`), JSON.stringify(profile));
    console.log(`\nCPU profile of ${label} (self time)\n${costliest(profile, 12)}`);
  }
  print('Bounded validation (headless Chromium, production build)', [
    [
      'input',
      'time',
      'main-thread CPU (trace)',
      'longest task',
      'did-you-mean searches',
      'keys walked',
      'first message',
    ],
    ...validation.map((r) => [
      r.case,
      ms(r.ms),
      r.cpu === undefined ? '' : ms(r.cpu),
      r.longest ? ms(r.longest) : 'none > 50 ms',
      String(r.suggestions),
      String(r.keys),
      r.errors,
    ]),
  ]);

  const filter = await page.evaluate((n) => window.bench.filterOnly(n, 'lucia prieto'), DEALS);
  const inWorker = await typeOnBoard(page, browser, true);
  const onThread = await typeOnBoard(page, browser, false);
  const same = [...inWorker.keys, ...inWorker.filters].every(
    (k, i) => k.counts === [...onThread.keys, ...onThread.filters][i].counts,
  );
  const rows = [['measure', 'worker', 'no worker (this thread, in slices)']];
  const both = (label, f) => rows.push([label, f(inWorker), f(onThread)]);
  both('search ran in a worker', (r) => (r.inWorker ? 'yes' : 'no'));
  both('cards rendered (windowed) before typing', (r) => String(r.cards));
  both('board: keystrokes typed (12 letters, 12 backspaces)', (r) => String(r.keys.length));
  both('board: main-thread tasks over 16 ms, input to board shown (trace)', (r) =>
    String(r.keys.reduce((n, k) => n + k.over16, 0)),
  );
  both('board: keystrokes with any task over 16 ms', (r) =>
    String(r.keys.filter((k) => k.over16 > 0).length),
  );
  /** The median over the keystrokes of one of their measures, in ms. */
  const median = (r, of) => ms(quantile(r.keys.map(of), 0.5));
  both('board: longest main-thread task in a keystroke, median', (r) =>
    median(r, (k) => k.longest),
  );
  both('board: longest main-thread task in any keystroke', (r) =>
    ms(Math.max(...r.keys.map((k) => k.longest))),
  );
  both('board: longest task in a keystroke, thread (CPU) time, median', (r) =>
    median(r, (k) => k.longestThread),
  );
  both('board: longest task in any keystroke, thread (CPU) time', (r) =>
    ms(Math.max(...r.keys.map((k) => k.longestThread))),
  );
  both('board: keystrokes with a task over 16 ms of thread time', (r) =>
    String(r.keys.filter((k) => k.longestThread > 16).length),
  );
  both(
    'filters (owner on, stale on, owner off, stale off) and the search set and cleared at once: longest task each',
    (r) => r.filters.map((k) => `${k.longest.toFixed(0)}`).join(' / ') + ' ms',
  );
  both(
    'the same, thread (CPU) time',
    (r) => r.filters.map((k) => `${k.longestThread.toFixed(0)}`).join(' / ') + ' ms',
  );
  both('board: input to board shown, median', (r) => median(r, (k) => k.span));
  both('board: input to board shown, worst', (r) => ms(Math.max(...r.keys.map((k) => k.span))));
  both('board: long tasks (> 50 ms, PerformanceObserver)', (r) =>
    String(r.keys.reduce((n, k) => n + k.count, 0)),
  );
  rows.push(['board: same column counts, step by step', same ? 'yes' : '**no**', '']);
  rows.push(['index build on this thread (no worker), once', '', ms(filter.build)]);
  rows.push([
    'filter per keystroke on this thread, naive (old code path), median',
    '',
    ms(quantile(filter.naive, 0.5)),
  ]);
  rows.push([
    'filter per keystroke on this thread, indexed, median',
    '',
    ms(quantile(filter.indexed, 0.5)),
  ]);
  rows.push([
    'filter per keystroke on this thread, indexed, worst (a backspace: full pass)',
    '',
    ms(Math.max(...filter.indexed)),
  ]);
  print(
    `Search at ${DEALS.toLocaleString('en')} deals (headless Chromium, production build)`,
    rows,
  );
} finally {
  await browser.close();
  server.close();
}
await writeFile(join(root, 'bench/.out/faults.md'), out.join('\n'));
