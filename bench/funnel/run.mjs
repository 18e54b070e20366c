#!/usr/bin/env node
// <sales-funnel> against its peers, in one headless Chromium run:
//   node bench/funnel/run.mjs [--runs 10] [--updates 3]
// Builds every contender with the same step (bench/funnel/build.mjs), reports the gzip size of
// what its page loads, then times first render and update on the same 8-stage data.
// Writes the table to bench/.out/funnel.md too.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, quantile, root, serve } from '../lib.mjs';
import { bundle, kb } from './build.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    updates: { type: 'string', default: '3' },
  },
});
const RUNS = Number(args.runs); // fresh pages per contender, one first render each
const UPDATES_PER_PAGE = Number(args.updates); // so RUNS × this updates per contender
if (![RUNS, UPDATES_PER_PAGE].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node bench/funnel/run.mjs [--runs N] [--updates N] (N ≥ 1)');
  process.exit(2);
}

const outRoot = join(root, 'bench/.out');
const defineModule = join(root, 'src/elements/sales-funnel/define.ts');

const contenders = [
  // Split as a page loads it: the row counts the initial load (a `stages` chart loads no more);
  // the lazy chunks are printed apart. Its entry starts with V8's compile hint, as the script-tag
  // file does. Peers load everything they have, in one file, with no hint (their packages have none).
  {
    id: 'sales-funnel',
    label: '`<sales-funnel>` (Lit)',
    needs: defineModule,
    split: true,
    compileHints: true,
  },
  { id: 'd3-funnel', label: 'd3-funnel' },
  { id: 'funnel-graph', label: 'FunnelGraph.js (+ CSS)' },
  { id: 'chartjs-funnel', label: 'Chart.js + chartjs-chart-funnel' },
  { id: 'baseline', label: '(empty render: harness floor)', drawsNothing: true },
];

// Eight stages of a sales cycle that goes on after the sale; counts from leads × rates.
const STAGES = [
  'Prospects',
  'Contacted',
  'Qualified',
  'Offer',
  'Negotiation',
  'Won',
  'Delivered',
  'Retained',
];
const LEADS = 12000;
const RATES = [0.6, 0.5, 0.7, 0.55, 0.6, 0.45, 0.8];

function stagesFor(rates) {
  let entering = LEADS;
  return STAGES.map((name, i) => {
    const stage = { name, value: Math.round(entering) };
    entering *= rates[i] ?? 1;
    return stage;
  });
}

/** Update k changes one rate by ±5 points (rotating over the stages), so each is a real change. */
function updatedStages(k) {
  const rates = [...RATES];
  const i = k % rates.length;
  rates[i] += k % 2 === 0 ? 0.05 : -0.05;
  return stagesFor(rates);
}

function pageHtml(id, files) {
  const css = files.filter((f) => f.file.endsWith('.css'));
  const js = files.filter((f) => f.file.endsWith('.js'));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${id}</title>
${css.map((f) => `<link rel="stylesheet" href="${f.file}">`).join('\n')}
<style>body { margin: 0; } #chart { width: 640px; height: 480px; }</style>
${js.map((f) => `<script type="module" src="${f.file}"></script>`).join('\n')}
</head>
<body><div id="chart"></div></body>
</html>
`;
}

/**
 * Runs `window.bench[op]` once in the page, starting just after a painted frame, and returns
 * the main-thread time the change costs, in two parts:
 * - `script`: the call itself (for Lit, until its updates settle);
 * - `frame`: in the frame that shows it, requestAnimationFrame callbacks, ResizeObserver
 *   callbacks, style, layout and paint (up to a message posted from requestAnimationFrame,
 *   which runs right after that frame's rendering); plus the same in the frame after it, where
 *   work deferred from that frame runs (a resize observer's callback that asks for another
 *   render in the next frame): a chart that draws twice pays for both.
 * The idle wait for the frames is left out, so `script + frame` compares with the 16.7 ms a
 * 60 Hz frame allows.
 */
async function timeStep(page, op, data) {
  return page.evaluate(
    async ({ op, data }) => {
      /**
       * A callback at the top of the next frame (registered before anything the step
       * registers for that frame, so it runs first), resolving with when it ran and when the
       * frame was painted (a message posted from it runs after the frame's rendering); with
       * `then`, the same for the frame after it, registered as early.
       */
      const probe = (then = false) =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const started = performance.now();
            const after = then ? probe() : undefined;
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ started, painted: performance.now(), after });
            channel.port2.postMessage(null);
          }),
        );
      await probe(); // start from an idle, painted page, at the top of a frame
      const next = probe(true);
      const start = performance.now();
      if (op === 'render') await window.bench.render(document.getElementById('chart'), data);
      else await window.bench.update(data);
      const scriptEnd = performance.now();
      const first = await next;
      const second = await first.after;
      performance.measure('bench-step', { start, end: second.painted });
      const showing = first.painted - Math.max(scriptEnd, first.started);
      const deferred = second.painted - second.started;
      return { script: scriptEnd - start, frame: showing + deferred };
    },
    { op, data },
  );
}

/**
 * `timeStep`, also returning `cpu`: the main thread's CPU time over the same span (the call to
 * the second frame's paint), from a trace: the thread time of every task that ran in it, so
 * waiting for a core on a loaded machine, which the wall times include, is left out.
 */
async function traceStep(page, cdp, op, data) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] },
    transferMode: 'ReportEvents',
  });
  const step = await timeStep(page, op, data);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  const marks = events.filter((e) => e.name === 'bench-step');
  const begin = marks.find((e) => e.ph === 'b');
  const end = marks.find((e) => e.ph === 'e');
  if (!begin || !end) throw new Error("the trace lost the step's marks");
  // Tasks of the page's main thread; nested ones are inside their parent's thread time.
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.pid === begin.pid &&
      e.tid === begin.tid &&
      e.ts + e.dur > begin.ts &&
      e.ts < end.ts,
  );
  const outer = tasks.filter(
    (e) => !tasks.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur),
  );
  return { ...step, cpu: outer.reduce((sum, e) => sum + (e.tdur ?? e.dur), 0) / 1000 };
}

/** Events of the work that loads a page's own scripts and style sheets, on its main thread. */
const LOADING = new Set([
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceModuleCache',
  'v8.compile',
  'EvaluateScript',
  'ParseAuthorStyleSheet',
]);

/**
 * Loads the contender's page and returns the main thread's CPU time (thread time) of the tasks
 * that compile and run its scripts and parse its style sheets: what moves out of the timed first
 * render when code is compiled or run earlier (a compile hint, work done at module evaluation)
 * is counted here. Compiling on the background thread that streams a script is not main-thread
 * work and is left out; the page's own setup (the same for every contender) too.
 */
async function traceLoad(page, cdp, url) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['toplevel', 'v8', 'devtools.timeline', 'blink.user_timing'],
    },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate(() => performance.mark('bench-ready'));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  const ready = events.find((e) => e.name === 'bench-ready');
  if (!ready) throw new Error("the trace lost the page's ready mark");
  const main = events.filter((e) => e.ph === 'X' && e.pid === ready.pid && e.tid === ready.tid);
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const outer = tasks.filter(
    (e) => !tasks.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur),
  );
  const loading = main.filter((e) => LOADING.has(e.name));
  const loads = outer.filter((t) =>
    loading.some((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur),
  );
  return loads.reduce((sum, e) => sum + (e.tdur ?? e.dur), 0) / 1000;
}

async function main() {
  await mkdir(outRoot, { recursive: true });

  console.log('Building every contender with the same Vite library build…');
  const ready = [];
  for (const c of contenders) {
    if (c.needs && !existsSync(c.needs)) {
      console.log(`  ${c.id}: skipped, ${c.needs.slice(root.length + 1)} does not exist yet`);
      ready.push({ ...c, missing: true, reason: 'not built yet' });
      continue;
    }
    const outDir = join(outRoot, c.id);
    let built;
    try {
      built = await bundle({
        entry: join(root, 'bench/funnel/entries', `${c.id}.js`),
        name: c.id,
        outDir,
        split: c.split,
        compileHints: c.compileHints,
      });
    } catch (error) {
      // Still measure the others, but the run fails at the end.
      console.error(`  ${c.id}: build failed\n${error.message}`);
      process.exitCode = 1;
      ready.push({ ...c, missing: true, reason: 'build failed' });
      continue;
    }
    const { files, initial, lazy } = built;
    // The page links only the initial files; the lazy ones load when (if) it imports them.
    const loaded = files.filter((f) => initial.files.includes(f.file));
    await writeFile(join(outDir, 'index.html'), pageHtml(c.id, loaded));
    console.log(`  ${c.id}: ${loaded.map((f) => `${f.file} ${kb(f.gzip)} KB`).join(', ')}`);
    for (const chunk of lazy) {
      console.log(`    lazy, not loaded here: ${chunk.module} +${kb(chunk.gzip)} KB`);
    }
    ready.push({ ...c, files: loaded, gzip: initial.gzip, load: [], firstRender: [], update: [] });
  }

  const { server, origin } = await serve(outRoot);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 800, height: 600 },
      // Every contender gets the same "no animation" preference.
      reducedMotion: 'reduce',
    });
    // The page loads only what we built: third-party requests (FunnelGraph's theme imports a
    // web font from Google) are refused, so no contender waits on the network.
    await context.route(
      (url) => !url.href.startsWith(origin),
      (route) => route.abort(),
    );
    const measured = ready.filter((c) => !c.missing);
    console.log(
      `Timing in ${browser.version()}: ${RUNS} fresh pages per contender, ` +
        `1 first render + ${UPDATES_PER_PAGE} updates each…`,
    );
    for (let run = 0; run < RUNS; run += 1) {
      // Rotate the order each round so no contender always runs first (or right after another).
      const order = measured.map((_, i) => measured[(i + run) % measured.length]);
      for (const c of order) {
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const cdp = await context.newCDPSession(page);
        c.load.push(await traceLoad(page, cdp, `${origin}/${c.id}/`));
        c.firstRender.push(await traceStep(page, cdp, 'render', stagesFor(RATES)));
        const drawn = await page.evaluate(() => {
          const chart = document.getElementById('chart');
          return chart.querySelector(':not(:defined)') === null && chart.childElementCount > 0;
        });
        if (!drawn && !c.drawsNothing) throw new Error(`${c.id} drew nothing`);
        for (let u = 0; u < UPDATES_PER_PAGE; u += 1) {
          const stages = updatedStages(run * UPDATES_PER_PAGE + u);
          c.update.push(await traceStep(page, cdp, 'update', stages));
        }
        if (errors.length) throw new Error(`${c.id}: ${errors.join('; ')}`);
        if (run === 0) {
          await page.screenshot({ path: join(outRoot, `${c.id}.png`) });
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }

  const FRAME_MS = 1000 / 60;
  const work = (steps) => steps.map((s) => s.script + s.frame);
  const median = (v) => quantile(v, 0.5).toFixed(1);
  const spread = (v) => `${median(v)} / ${quantile(v, 0.9).toFixed(1)}`;
  const header = [
    'contender',
    'gzip KB (JS + CSS)',
    'first render ms (median / p90)',
    'update ms (median / p90)',
    'update: script + frame ms (medians)',
    'main-thread CPU ms: script load / first render / update (medians)',
    'CPU ms: load + first render (median)',
    'updates under 16.7 ms',
  ];
  const rows = ready.map((c) =>
    c.missing
      ? [c.label, c.reason, '–', '–', '–', '–', '–', '–']
      : [
          c.label,
          kb(c.gzip),
          spread(work(c.firstRender)),
          spread(work(c.update)),
          `${median(c.update.map((s) => s.script))} + ${median(c.update.map((s) => s.frame))}`,
          [c.load, c.firstRender.map((s) => s.cpu), c.update.map((s) => s.cpu)]
            .map(median)
            .join(' / '),
          median(c.load.map((ms, i) => ms + c.firstRender[i].cpu)),
          `${work(c.update).filter((ms) => ms < FRAME_MS).length} / ${c.update.length}`,
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((s, i) => s.padEnd(widths[i])).join(' | ')} |`;
  const table = [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
  const note =
    `8 stages, 640 × 480 px, headless Chromium, animations off (reduced motion). ` +
    `${RUNS} first renders (each in a fresh page) and ${RUNS * UPDATES_PER_PAGE} updates ` +
    `(one conversion rate changed by 5 points) per contender. Times are main-thread work: the call (script; for Lit, until ` +
    `\`updateComplete\` settles) plus the frame that shows it (animation-frame and resize callbacks, ` +
    `style, layout, paint) and the frame after it (work deferred to it, such as a second render a resize ` +
    `observer asks for), without the idle waits for those frames; a 60 Hz frame allows 16.7 ms. ` +
    `CPU: the main thread's thread time over the same span, from a trace of each step (waiting for a core, ` +
    `which a loaded machine adds to the wall times, left out). Script load: the main thread's thread time of the ` +
    `tasks that compile and run the page's scripts and parse its style sheets (background compiling while a script ` +
    `streams in is not main-thread work); load + first render is what a visitor's main thread spends from the ` +
    `script's arrival to the chart on screen, so work moved out of the first render into loading still counts. Sizes: everything the page loads, each file gzipped ` +
    `(level 9) after the same minified Vite library build; 1 KB = 1000 bytes. \`<sales-funnel>\` is built with code ` +
    `splitting, chunked as a page's build chunks it: its row is the initial load (entry and static imports); ` +
    `\`preset\`, \`scenario\`, \`pipeline\` and bad input load lazy chunks on top (\`npm run size\` lists them).`;
  console.log(`\n${table}\n\n${note}`);
  await writeFile(join(outRoot, 'funnel.md'), `${table}\n\n${note}\n`);
  const samples = ready
    .filter((c) => !c.missing)
    .map(({ id, files, load, firstRender, update }) => ({ id, files, load, firstRender, update }));
  await writeFile(join(outRoot, 'funnel.json'), `${JSON.stringify(samples, null, 2)}\n`);
  console.log(
    `\nWritten to bench/.out/funnel.md (raw samples: funnel.json; screenshots: <contender>.png)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
