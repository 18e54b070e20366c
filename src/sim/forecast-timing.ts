import { periodOf, type PeriodRange, type PeriodUnit } from '../model/calendar.js';

/**
 * When an open deal's win lands, on a grid of whole days from `now`: each stage's time as a
 * probability mass function over days (the last cell holds "the grid's end or later"), the
 * stages still ahead convolved once, and the result binned into calendar periods. A deal's days
 * are counted in whole days (floored), so a remaining time of 2.7 days lands on day 2.
 */

export const DAY_MS = 86_400_000;

/** How long a stage takes, as the input knows it. */
export type StageTiming =
  | { kind: 'none' }
  | { kind: 'exponential'; mean: number }
  /** Finished visits, in days, ascending; `fallback` is the mean used past the longest one. */
  | { kind: 'observed'; sorted: Float64Array; fallback: number };

/** The listed periods and where each ends on the day grid. */
export interface Cells {
  periods: PeriodRange[];
  /** Per listed period, the first whole day (counted from `now`) at or past its end. */
  endDay: Int32Array;
  /** Days on the grid (the last period's `endDay`); a win on a later day is "later". */
  days: number;
}

export function cellsFor(now: number, unit: PeriodUnit, count: number, utc: boolean): Cells {
  const periods: PeriodRange[] = [];
  const endDay = new Int32Array(count);
  for (let h = 0; h < count; h++) {
    const p = periodOf(now, unit, -h, utc);
    periods.push(p);
    endDay[h] = Math.max(0, Math.ceil((p.end - now) / DAY_MS));
  }
  return { periods, endDay, days: count > 0 ? endDay[count - 1] : 0 };
}

/** The cell of day `d`: the first listed period that ends after it, else `periods.length`. */
export function cellOfDay(cells: Cells, d: number): number {
  const { endDay } = cells;
  for (let h = 0; h < endDay.length; h++) if (d < endDay[h]) return h;
  return endDay.length;
}

/** A point mass at day `d` (the last cell for `d` past the grid). */
function pointMass(days: number, d: number): Float64Array {
  const pmf = new Float64Array(days + 1);
  pmf[Math.min(days, Math.max(0, d))] = 1;
  return pmf;
}

/** ⌊X⌋ for X exponential with this mean: P(k) = e^(−k/μ) − e^(−(k+1)/μ). */
function exponentialPmf(days: number, mean: number): Float64Array {
  if (!(mean > 0)) return pointMass(days, 0);
  const pmf = new Float64Array(days + 1);
  let survive = 1;
  for (let k = 0; k < days; k++) {
    const next = Math.exp(-(k + 1) / mean);
    pmf[k] = survive - next;
    survive = next;
  }
  pmf[days] = survive;
  return pmf;
}

/** ⌊x − spent⌋ over the observed visits longer than `spent`, equally likely. */
function observedPmf(days: number, sorted: Float64Array, spent: number): Float64Array | null {
  let first = 0;
  while (first < sorted.length && !(sorted[first] > spent)) first++;
  const m = sorted.length - first;
  if (m === 0) return null;
  const pmf = new Float64Array(days + 1);
  for (let i = first; i < sorted.length; i++) {
    pmf[Math.min(days, Math.floor(sorted[i] - spent))] += 1 / m;
  }
  return pmf;
}

/** A stage's time from entering it. */
export function stagePmf(days: number, timing: StageTiming): Float64Array {
  return remainingPmf(days, timing, 0);
}

/**
 * A stage's time still to run after `spent` whole days in it: the observed visits that lasted
 * longer, shifted (a stale deal past every one of them falls back to an exponential with the
 * stage's mean); an exponential is memoryless, so the days spent do not change it.
 */
export function remainingPmf(days: number, timing: StageTiming, spent: number): Float64Array {
  switch (timing.kind) {
    case 'none':
      return pointMass(days, 0);
    case 'exponential':
      return exponentialPmf(days, timing.mean);
    case 'observed':
      return observedPmf(days, timing.sorted, spent) ?? exponentialPmf(days, timing.fallback);
  }
}

/** The sum of two times on the grid; anything at or past its end stays in the last cell. */
export function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const days = a.length - 1;
  const out = new Float64Array(days + 1);
  for (let i = 0; i <= days; i++) {
    const ai = a[i];
    if (ai === 0) continue;
    if (i === days) {
      out[days] += ai;
      continue;
    }
    let inside = 0;
    for (let j = 0; j + i < days; j++) {
      out[i + j] += ai * b[j];
      inside += b[j];
    }
    out[days] += ai * Math.max(0, 1 - inside);
  }
  return out;
}

/** Cumulative sums: `cdf[t]` = P(T ≤ t). */
export function cumulative(pmf: Float64Array): Float64Array {
  const cdf = new Float64Array(pmf.length);
  let sum = 0;
  for (let i = 0; i < pmf.length; i++) {
    sum += pmf[i];
    cdf[i] = sum;
  }
  return cdf;
}

/**
 * Where a win lands, by cell (the listed periods, then "later"), for a deal whose current stage
 * has `remaining` still to run and whose later stages take `tailCdf` (the CDF of their sum).
 */
export function landing(
  cells: Cells,
  remaining: Float64Array,
  tailCdf: Float64Array,
): Float64Array {
  const count = cells.endDay.length;
  const q = new Float64Array(count + 1);
  const days = cells.days;
  for (let r = 0; r <= days; r++) {
    const w = remaining[r];
    if (w === 0) continue;
    if (r === days) {
      q[count] += w;
      continue;
    }
    let before = 0;
    for (let h = 0; h < count; h++) {
      // endDay ≤ days, so `last` never reaches the grid's overflow cell.
      const last = cells.endDay[h] - r - 1;
      const reached = last < 0 ? 0 : tailCdf[last];
      q[h] += w * Math.max(0, reached - before);
      before = Math.max(before, reached);
    }
    q[count] += w * Math.max(0, 1 - before);
  }
  return q;
}
