// The page side of bench/forecast/run.mjs: the engine's forecast against the naive per-deal loop,
// in the browser, on the same case and the same PRNG. Exposes `window.bench`.
import { forecast, type ForecastInput } from '../../src/sim/index.js';
import { input, naive } from './cases.js';

/** Best of `runs` timings, in ms, and the last result. */
function best<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let ms = Infinity;
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

/** p10, p50, p90 as the engine takes them: the smallest value with empirical CDF ≥ q. */
function quantiles(values: Float64Array): number[] {
  const sorted = Float64Array.from(values).sort();
  return [0.1, 0.5, 0.9].map((q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]);
}

function fixedRates(i: ForecastInput): ForecastInput {
  return {
    ...i,
    stages: i.stages.map((s) => {
      const c = s.rate as { won: number; of: number };
      return { ...s, rate: c.won / c.of };
    }),
  };
}

const bench = {
  /** The engine on `deals` deals, 10,000 trials: observed counts and durations, or fixed rates. */
  engine(deals: number, runs: number, fixed = false) {
    const i = fixed ? fixedRates(input(deals)) : input(deals);
    forecast(input(Math.min(deals, 500), 1000)); // warm-up: let the JIT compile the hot loops
    const { ms, result } = best(runs, () => forecast(i));
    const r = result.total.revenue;
    return { ms, band: [r.p10, r.p50, r.p90], exact: result.exact.won };
  },
  /** The naive loop on `deals` deals over `trials` trials (one draw per deal and trial). */
  naive(deals: number, trials: number) {
    const i = input(deals, trials);
    naive(input(Math.min(deals, 500), 200));
    const { ms, result } = best(1, () => naive(i));
    return { ms, band: quantiles(result) };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
