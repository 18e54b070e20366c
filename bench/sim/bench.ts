/**
 * The engine's benchmark: projections per second, checked (the public `project`, which
 * validates and normalizes its input first) and unchecked (`projectUnchecked`, what the elements
 * call on a scenario they validated once), and Monte Carlo trials per second at 1e2, 1e6 and 1e9
 * leads against the naive Monte Carlo (one random draw per lead and stage, same PRNG).
 * Run with `node bench/sim/run.mjs`, which bundles this file with esbuild and runs it in node.
 */
import type { Scenario, ScenarioInput } from '../../src/model/types.js';
import { createRng, project, simulate, type Rng } from '../../src/sim/index.js';
import { projectUnchecked } from '../../src/sim/project.js';

const RATES = [0.6, 0.5, 0.7, 0.8, 0.4, 0.9, 0.95, 0.85];

function eightStages(leads: number): Scenario {
  return {
    leads,
    dealValue: 2500,
    currency: 'EUR',
    wonStage: RATES.length - 1,
    stages: RATES.map((rate, i) => ({ name: `Stage ${i + 1}`, rate })),
  };
}

/** Best of `runs` timings of `fn`, in ms (the best run is the one least disturbed by the machine). */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** The naive trial: every deal at every stage is one uniform draw. Returns won. */
function naiveTrial(rng: Rng, leads: number): number {
  let n = leads;
  for (const rate of RATES) {
    let passed = 0;
    for (let d = 0; d < n; d++) if (rng.next32() < rate) passed++;
    n = passed;
  }
  return n;
}

/** Expected draws of one naive trial: Σ expected deals entering each stage. */
function naiveDraws(leads: number): number {
  return project(eightStages(leads)).stages.reduce((sum, s) => sum + s.entering, 0);
}

const rows: string[][] = [];
let sink = 0;

// Projections per second, and what the check costs on top.
{
  const s = eightStages(1e6);
  // As people write it: no wonStage, no currency, one rate as counts.
  const raw: ScenarioInput = {
    leads: s.leads,
    dealValue: s.dealValue,
    stages: s.stages.map((stage, i) =>
      i === 2 ? { ...stage, rate: { won: 70, of: 100 } } : stage,
    ),
  };
  const perSecond = (count: number, fn: () => number) => {
    const ms = best(5, () => {
      for (let i = 0; i < count; i++) sink += fn();
    });
    return (count / ms) * 1000;
  };
  const unchecked = perSecond(200000, () => projectUnchecked(s).won);
  const row = (name: string, rate: number, note: string) =>
    rows.push([
      name,
      `${fmt(rate)} projections/s`,
      '',
      '',
      '',
      `${fmt(1e6 / rate)} µs a call${note}`,
    ]);
  row('projectUnchecked(), 8 stages', unchecked, '');
  const checked: [string, number][] = [
    ['project(), 8 stages, normalized input', perSecond(50000, () => project(s).won)],
    ['project(), 8 stages, raw input', perSecond(50000, () => project(raw).won)],
  ];
  for (const [name, rate] of checked) row(name, rate, `, ${fmt(unchecked / rate)}× unchecked`);
}

for (const leads of [1e2, 1e6, 1e9]) {
  const s = eightStages(leads);
  simulate(s, { trials: 2000 }); // warm-up: let the JIT compile the hot loop
  const ms10k = best(5, () => {
    sink += simulate(s, { trials: 10000 }).won.mean;
  });
  const engine = (10000 / ms10k) * 1000;
  let naive: number;
  let note: string;
  const draws = naiveDraws(leads);
  if (draws * 20 <= 2e8) {
    const trials = Math.max(1, Math.floor(2e8 / 4 / draws));
    const rng = createRng(1);
    const ms = best(3, () => {
      for (let t = 0; t < trials; t++) sink += naiveTrial(rng, leads);
    });
    naive = (trials / ms) * 1000;
    note = `measured, ${fmt(trials)} trials`;
  } else {
    // A billion-lead trial takes seconds: time 5e7 draws and scale to the trial's draws.
    const rng = createRng(1);
    const sample = 5e7;
    const ms = best(3, () => {
      let passed = 0;
      for (let d = 0; d < sample; d++) if (rng.next32() < 0.6) passed++;
      sink += passed;
    });
    naive = 1000 / ((ms / sample) * draws);
    note = `extrapolated from ${fmt(sample)} draws (${fmt(draws)} draws/trial)`;
  }
  rows.push([
    `simulate(), 8 stages, ${fmt(leads)} leads`,
    `${fmt(engine)} trials/s`,
    `${ms10k.toFixed(1)} ms`,
    `${fmt(naive)} trials/s`,
    `${fmt(engine / naive)}×`,
    note,
  ]);
}

function fmt(x: number): string {
  if (x >= 1e9) return `${(x / 1e9).toPrecision(3)}e9`;
  if (x >= 1e6) return `${(x / 1e6).toPrecision(3)}M`;
  if (x >= 1e4) return `${(x / 1e3).toPrecision(3)}k`;
  return x >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

const header = ['case', 'engine', '10,000 trials', 'naive (1 draw/lead)', 'engine ÷ naive', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(
  `\nnode ${process.version}, target: 10,000 trials of 8 stages < 20 ms. (checksum ${sink > 0 ? 'ok' : '0'})`,
);
