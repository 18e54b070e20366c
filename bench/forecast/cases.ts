/**
 * The forecast benchmark's case and its naive reference: `input(deals)` is a pipeline of six
 * stages with observed counts and observed time in stage (a few hundred finished visits each),
 * open deals spread over the stages with days in stage from 0 to 120 and amounts from 1,000 to
 * 50,000; `naive` runs the same model deal by deal and trial by trial, with the same PRNG.
 */
import type { ForecastInput } from '../../src/sim/index.js';
import { createRng, type Rng } from '../../src/sim/index.js';
import { cellsFor } from '../../src/sim/forecast-timing.js';

const NOW = new Date(2026, 10, 20).getTime();
const STAGES = [
  { name: 'Prospect', won: 600, of: 1000, median: 9 },
  { name: 'Contact', won: 450, of: 600, median: 12 },
  { name: 'Qualified', won: 300, of: 450, median: 15 },
  { name: 'Proposal', won: 200, of: 300, median: 21 },
  { name: 'Negotiation', won: 150, of: 200, median: 14 },
  { name: 'Close', won: 120, of: 150, median: 7 },
];

export function input(deals: number, trials = 10000): ForecastInput {
  const rng = createRng(7);
  const stages = STAGES.map((s) => ({
    name: s.name,
    rate: { won: s.won, of: s.of },
    // Log-normal visits around the median: most short, a long tail.
    durations: Array.from({ length: 400 }, () => s.median * Math.exp(0.8 * rng.normal())),
  }));
  return {
    now: NOW,
    period: 'quarter',
    horizon: 4,
    trials,
    seed: 1,
    goal: { revenue: deals * 2500 },
    stages,
    deals: Array.from({ length: deals }, (_, i) => ({
      id: `d${i}`,
      stageIndex: i % STAGES.length,
      amount: 1000 + Math.floor(rng.next() * 49) * 1000,
      daysInStage: Math.floor(rng.next() * 121),
    })),
  };
}

/** Total won revenue within the horizon per trial, one deal at a time. */
export function naive(o: ForecastInput): Float64Array {
  const rng: Rng = createRng(o.seed ?? 1);
  const cells = cellsFor(o.now, o.period ?? 'quarter', o.horizon ?? 4, false);
  const sorted = o.stages.map((s) => Float64Array.from(s.durations ?? []).sort());
  const counts = o.stages.map((s) => s.rate as { won: number; of: number });
  const last = o.stages.length - 1;
  // Where each deal's still-possible visits start (visits longer than its days in stage).
  const first = o.deals.map((d) => {
    const xs = sorted[d.stageIndex];
    let i = 0;
    while (i < xs.length && !(xs[i] > Math.floor(d.daysInStage ?? 0))) i++;
    return i;
  });
  const out = new Float64Array(o.trials ?? 10000);
  const rates = new Float64Array(o.stages.length);
  const winFrom = new Float64Array(o.stages.length);
  for (let t = 0; t < out.length; t++) {
    for (let s = 0; s <= last; s++) {
      const c = counts[s];
      rates[s] = rng.beta(c.won + 1, c.of - c.won + 1);
    }
    let product = 1;
    for (let s = last; s >= 0; s--) winFrom[s] = product *= rates[s];
    let revenue = 0;
    o.deals.forEach((d, i) => {
      if (!(rng.next32() < winFrom[d.stageIndex])) return;
      const xs = sorted[d.stageIndex];
      const spent = Math.floor(d.daysInStage ?? 0);
      let day =
        first[i] < xs.length
          ? Math.floor(xs[first[i] + Math.floor(rng.next32() * (xs.length - first[i]))] - spent)
          : 0;
      for (let s = d.stageIndex + 1; s <= last; s++) {
        day += Math.floor(sorted[s][Math.floor(rng.next32() * sorted[s].length)]);
      }
      if (day < cells.days) revenue += d.amount;
    });
    out[t] = revenue;
  }
  return out;
}
