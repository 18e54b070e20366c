import { reachesLevel } from './exact.js';

/** Entries below this are dropped from the ends of the support (their total stays below 1e-12). */
const NEGLIGIBLE = 1e-17;

/** The pmf of a count on `[offset, offset + pmf.length)`. */
export interface CountPmf {
  offset: number;
  pmf: Float64Array;
}

/**
 * The number of successes of independent trials with the given probabilities (a
 * Poisson-binomial), by the textbook recurrence f_i(k) = f_{i−1}(k)·(1 − p_i) + f_{i−1}(k−1)·p_i.
 * Tails below 1e-17 are cut as the support grows, so n trials cost O(n · spread) rather than
 * O(n²): 10,000 deals take a few million steps.
 */
export function poissonBinomial(probabilities: ArrayLike<number>): CountPmf {
  const n = probabilities.length;
  let sure = 0;
  const pmf = new Float64Array(n + 1);
  pmf[0] = 1;
  let lo = 0;
  let hi = 0; // pmf is 0 outside [lo, hi]
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    if (!(p > 0)) continue;
    if (p >= 1) {
      sure++;
      continue;
    }
    const q = 1 - p;
    pmf[hi + 1] = pmf[hi] * p;
    for (let k = hi; k > lo; k--) pmf[k] = pmf[k] * q + pmf[k - 1] * p;
    pmf[lo] *= q;
    hi++;
    while (lo < hi && pmf[lo] < NEGLIGIBLE) pmf[lo++] = 0;
    while (hi > lo && pmf[hi] < NEGLIGIBLE) pmf[hi--] = 0;
  }
  return { offset: lo + sure, pmf: pmf.slice(lo, hi + 1) };
}

/** Smallest k with P(X ≤ k) ≥ q (ties within 1e-12: `reachesLevel`). */
export function countQuantile(count: CountPmf, q: number): number {
  let cdf = 0;
  const { pmf, offset } = count;
  for (let k = 0; k < pmf.length; k++) {
    cdf += pmf[k];
    if (reachesLevel(cdf, q)) return offset + k;
  }
  return offset + pmf.length - 1;
}

/** P(X ≥ k). */
export function countAtLeast(count: CountPmf, k: number): number {
  const { pmf, offset } = count;
  let sum = 0;
  for (let j = Math.max(0, Math.ceil(k) - offset); j < pmf.length; j++) sum += pmf[j];
  return Math.min(1, sum);
}
