import { dayStart, type PeriodRange, type PeriodUnit } from '../model/calendar.js';
import {
  cellOfDay,
  cellsFor,
  convolve,
  cumulative,
  DAY_MS,
  landing,
  remainingPmf,
  stagePmf,
  type Cells,
  type StageTiming,
} from './forecast-timing.js';
import { countAtLeast, countQuantile, poissonBinomial, type CountPmf } from './poisson-binomial.js';
import { runTrials, type Trials } from './forecast-trials.js';
import type { ForecastDeal, ForecastOptions, ForecastStage, Landings } from './forecast-types.js';
import { ceilTolerant } from './won-needed.js';

export type { ForecastDeal, ForecastOptions, ForecastStage, Landings };

/**
 * What the open deals will bring, and when. A deal in stage i wins with Π rate_j for
 * j = i … wonStage, independently of the others given the rates; its win lands after the time
 * left in its stage plus the time of each stage still ahead. With fixed rates every count is
 * Poisson-binomial and computed exactly; rates given as observed counts are drawn per trial from
 * their Beta posteriors, shared by every deal of that trial, so those bands come from trials.
 *
 * How the trials go is in forecast-trials.ts.
 */

/** A figure's expected value and quantiles (the smallest value with P(X ≤ v) ≥ q). */
export interface Band {
  expected: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface ForecastPeriod {
  period: PeriodRange;
  won: Band;
  revenue: Band;
  /**
   * The chance that at least one deal is won in the period: where wins are rare, the expected
   * revenue can lie above p90 (even when p90 is 0), and this says how rare.
   */
  chanceOfAnyWin: number;
}

export interface ForecastDealResult {
  id: string;
  /** Π of the rates from its stage to `wonStage` (posterior means for observed rates). */
  winProbability: number;
  /** amount × winProbability. */
  expectedValue: number;
  /** The chance it is won within the horizon. */
  chanceInHorizon: number;
  /** Label of the period its win more likely than not has landed by; `null`: later. */
  expectedPeriod: string | null;
}

export interface Forecast {
  /** Won by the open deals within the horizon (`achieved` not included). */
  total: { won: Band; revenue: Band };
  /** The periods listed: the horizon's, or two years' worth without one. */
  periods: ForecastPeriod[];
  /** Expected wins past the listed periods (within the total only when there is no horizon). */
  later: { won: number; revenue: number };
  /** The chance that achieved + total reaches the goal, and whether it is exact (not sampled). */
  goal?: { chance: number; exact: boolean };
  deals: ForecastDealResult[];
  /** Σ amount × winProbability ÷ what the goal still asks for; `null` without a goal or when it is reached. */
  coverage: number | null;
  /** Which bands are exact; the others come from `trials` trials. */
  exact: { won: boolean; revenue: boolean };
  trials: number;
}

/** The most days in stage a deal may have (10 × the longest stage): class keys stay distinct below it. */
const MAX_KEY_DAYS = 36500;
/** Periods listed without a horizon: two years. */
const OPEN_ENDED: Record<PeriodUnit, number> = { month: 24, quarter: 8 };
const QUANTILES = [0.1, 0.5, 0.9] as const;

function timingOf(stage: ForecastStage): StageTiming {
  const d = stage.durations;
  if (d && d.length > 0) {
    const sorted = Float64Array.from(d).sort();
    let sum = 0;
    for (const x of sorted) sum += x;
    return { kind: 'observed', sorted, fallback: stage.days ?? sum / sorted.length };
  }
  if (stage.days !== undefined) return { kind: 'exponential', mean: stage.days };
  return { kind: 'none' };
}

/** Deals of a stage share their landing when their days in stage make no difference to it. */
function landings(o: ForecastOptions, cells: Cells): Landings {
  const last = o.wonStage;
  const timings = o.stages.map(timingOf);
  const grid = cells.days;
  // tails[s]: CDF of the time of the stages after s up to wonStage.
  const tails: Float64Array[] = new Array<Float64Array>(last + 1);
  const timed: boolean[] = new Array<boolean>(last + 1);
  let tail = stagePmf(grid, { kind: 'none' });
  let anyAhead = false;
  for (let s = last; s >= 0; s--) {
    tails[s] = cumulative(tail);
    anyAhead ||= timings[s].kind !== 'none';
    timed[s] = anyAhead;
    if (s > 0) tail = convolve(stagePmf(grid, timings[s]), tail);
  }
  const index = new Map<number, number>();
  const q: Float64Array[] = [];
  const classOf = new Int32Array(o.deals.length);
  // Keys: stage × (days spent + 1, or 0 past every visit) when timed; else −(stage × cell).
  const width = Math.max(grid, MAX_KEY_DAYS) + 2;
  for (let d = 0; d < o.deals.length; d++) {
    const deal = o.deals[d];
    const s = deal.stageIndex;
    const t = timings[s];
    // Only observed visits depend on the days spent, and not past the longest one.
    const spent = timed[s] ? Math.floor(deal.daysInStage ?? 0) : 0;
    const state = t.kind === 'observed' && spent < t.sorted[t.sorted.length - 1] ? spent : -1;
    const cell = timed[s] ? -1 : closeCell(o, cells, deal);
    const key = timed[s] ? s * width + state + 1 : -(s * width + cell + 1);
    let found = index.get(key);
    if (found === undefined) {
      found = q.length;
      index.set(key, found);
      if (timed[s]) {
        q.push(landing(cells, remainingPmf(grid, t, state < 0 ? Infinity : state), tails[s]));
      } else {
        const point = new Float64Array(cells.endDay.length + 1);
        point[cell] = 1;
        q.push(point);
      }
    }
    classOf[d] = found;
  }
  return { q, classOf };
}

/** Without durations, a win lands in the period of the deal's expected close (today without one). */
function closeCell(o: ForecastOptions, cells: Cells, deal: ForecastDeal): number {
  const close = deal.expectedClose ? dayStart(deal.expectedClose, o.utc) : NaN;
  const day = Number.isNaN(close) ? 0 : Math.max(0, Math.floor((close - o.now) / DAY_MS));
  return cellOfDay(cells, day);
}

function exactBand(count: CountPmf, expected: number, scale = 1): Band {
  const [p10, p50, p90] = QUANTILES.map((x) => countQuantile(count, x) * scale);
  return { expected, p10, p50, p90 };
}

/**
 * Smallest sample value with empirical CDF ≥ q: the order statistics a sort would give, found by
 * selection (linear, not n log n: a forecast takes a dozen bands of 10,000 trials). Reorders
 * `values` in place.
 */
function sampleBand(values: Float64Array, expected: number): Band {
  const n = values.length;
  const [k10, k50, k90] = QUANTILES.map((x) => Math.max(0, Math.ceil(x * n) - 1));
  const p50 = select(values, k50, 0, n - 1);
  // The lower values are left before k50, the higher after it: each side is searched alone.
  const p10 = k10 < k50 ? select(values, k10, 0, k50 - 1) : p50;
  const p90 = k90 > k50 ? select(values, k90, k50 + 1, n - 1) : p50;
  return { expected, p10, p50, p90 };
}

/**
 * The value that would be at index `k` if `xs[lo..hi]` were sorted ascending (Hoare's selection
 * with a median-of-three pivot); afterwards no value before `k` is larger and none after smaller.
 */
function select(xs: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const a = xs[lo];
    const b = xs[mid];
    const c = xs[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i++] = xs[j];
        xs[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k];
  }
  return xs[k];
}

/** The forecast. Unchecked: the input must be normalized (`forecast` in checked.ts checks it). */
export function forecastUnchecked(o: ForecastOptions): Forecast {
  const finite = Number.isFinite(o.horizon);
  const listed = finite ? o.horizon : OPEN_ENDED[o.period];
  const cells = cellsFor(o.now, o.period, listed, o.utc);
  const cellCount = listed + 1;
  const inTotal = finite ? listed : cellCount;

  const winFrom = new Float64Array(o.wonStage + 1);
  let product = 1;
  for (let s = o.wonStage; s >= 0; s--) winFrom[s] = product *= o.stages[s].rate;

  const land = landings(o, cells);
  const q = land.q;
  const classOf = land.classOf;
  const wonExpected = new Float64Array(cellCount);
  const revenueExpected = new Float64Array(cellCount);
  let pipelineValue = 0;
  let pipelineWins = 0;
  const amounts = new Set<number>();
  const deals: ForecastDealResult[] = o.deals.map((deal, d) => {
    const p = winFrom[deal.stageIndex];
    const qd = q[classOf[d]];
    let inHorizon = 0;
    let cumulativeQ = 0;
    let median: string | null = null;
    for (let h = 0; h < cellCount; h++) {
      wonExpected[h] += p * qd[h];
      revenueExpected[h] += deal.amount * p * qd[h];
      if (h < inTotal) inHorizon += qd[h];
      cumulativeQ += qd[h];
      if (median === null && h < listed && cumulativeQ >= 0.5) median = cells.periods[h].label;
    }
    pipelineValue += deal.amount * p;
    pipelineWins += p;
    if (p > 0) amounts.add(deal.amount);
    return {
      id: deal.id,
      winProbability: p,
      expectedValue: deal.amount * p,
      chanceInHorizon: p * Math.min(1, inHorizon),
      expectedPeriod: median,
    };
  });
  const sum = (xs: Float64Array, end: number) => xs.subarray(0, end).reduce((a, b) => a + b, 0);
  const expectedWon = sum(wonExpected, inTotal);
  const expectedRevenue = sum(revenueExpected, inTotal);

  const fixed = !o.stages.slice(0, o.wonStage + 1).some((s) => s.observed);
  const equalAmount = amounts.size <= 1 ? ([...amounts][0] ?? 0) : undefined;
  const exact = { won: fixed, revenue: fixed && equalAmount !== undefined };

  // With fixed rates, each count is a Poisson-binomial of the deals' chances to land there.
  const exactCounts = fixed
    ? {
        cells: Array.from({ length: cellCount }, (_, h) =>
          poissonBinomial(deals.map((r, d) => r.winProbability * q[classOf[d]][h])),
        ),
        total: poissonBinomial(deals.map((r) => r.chanceInHorizon)),
      }
    : undefined;
  const sampled = exact.won && exact.revenue ? undefined : runTrials(o, land, cellCount, inTotal);

  const wonBand = (h: number | 'total', expected: number): Band => {
    if (exactCounts)
      return exactBand(h === 'total' ? exactCounts.total : exactCounts.cells[h], expected);
    return sampleBand(h === 'total' ? sampled!.wonTotal : sampled!.won[h], expected);
  };
  const revenueBand = (h: number | 'total', expected: number): Band => {
    if (exactCounts && equalAmount !== undefined) {
      const count = h === 'total' ? exactCounts.total : exactCounts.cells[h];
      return exactBand(count, expected, equalAmount);
    }
    // Sorting in place is fine: the goal below reads the totals before their band is made.
    return sampleBand(h === 'total' ? sampled!.revenueTotal : sampled!.revenue[h], expected);
  };

  const chanceOfAnyWin = (h: number): number => {
    if (exactCounts) return countAtLeast(exactCounts.cells[h], 1);
    let hits = 0;
    for (const won of sampled!.won[h]) if (won > 0) hits++;
    return hits / o.trials;
  };

  const goal = o.goal ? goalChance(o, exactCounts?.total, equalAmount, sampled) : undefined;
  const periods = cells.periods.map((period, h) => ({
    period,
    chanceOfAnyWin: chanceOfAnyWin(h),
    won: wonBand(h, wonExpected[h]),
    revenue: revenueBand(h, revenueExpected[h]),
  }));
  return {
    total: { won: wonBand('total', expectedWon), revenue: revenueBand('total', expectedRevenue) },
    periods,
    later: { won: wonExpected[listed], revenue: revenueExpected[listed] },
    goal,
    deals,
    coverage: coverage(o, pipelineWins, pipelineValue),
    exact,
    trials: sampled ? o.trials : 0,
  };
}

function goalChance(
  o: ForecastOptions,
  exactTotal: CountPmf | undefined,
  equalAmount: number | undefined,
  sampled: Trials | undefined,
): { chance: number; exact: boolean } {
  const goal = o.goal!;
  const byWon = 'won' in goal;
  const need = byWon ? goal.won - o.achieved.won : goal.revenue - o.achieved.revenue;
  if (!(need > 0)) return { chance: 1, exact: true };
  if (exactTotal && (byWon || equalAmount !== undefined)) {
    if (byWon) return { chance: countAtLeast(exactTotal, ceilTolerant(need)), exact: true };
    if (!(equalAmount! > 0)) return { chance: 0, exact: true };
    return { chance: countAtLeast(exactTotal, ceilTolerant(need / equalAmount!)), exact: true };
  }
  const values = byWon ? sampled!.wonTotal : sampled!.revenueTotal;
  const bar = need * (1 - 1e-12);
  let hits = 0;
  for (const v of values) if (v >= bar) hits++;
  return { chance: hits / values.length, exact: false };
}

function coverage(o: ForecastOptions, wins: number, value: number): number | null {
  if (!o.goal) return null;
  const rest = 'won' in o.goal ? o.goal.won - o.achieved.won : o.goal.revenue - o.achieved.revenue;
  if (!(rest > 0)) return null;
  return ('won' in o.goal ? wins : value) / rest;
}
