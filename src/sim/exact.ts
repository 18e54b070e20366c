import type { Scenario } from '../model/types.js';
import { conversionTo } from './project.js';
import { wonForTarget, type Target } from './won-needed.js';

/**
 * Exact binomial distribution functions for any n a funnel can have (up to about 1e12 leads),
 * without summing n terms: the CDF goes through the regularized incomplete beta function, and
 * the probability mass through Loader's saddle-point form, which stays accurate where the naive
 * `exp(logC(n, k) + k log p + …)` loses digits to cancellation of huge logarithms. A lower tail
 * with a tiny p and a huge n is summed from k down instead (see `binomialCdf` for the bound).
 */

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const LN_2PI = Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0: Stirling's series from x ≥ 10, shifted up by the recurrence below it. */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x === Infinity) return Infinity;
  if (x === 1 || x === 2) return 0; // exact zeros, which the series would miss by ~1e-15
  let shift = 0;
  if (x < 10) {
    // ln Γ(x) = ln Γ(x + k) − ln(x (x+1) … (x+k−1)); the product stays far from overflow.
    let prod = 1;
    while (x < 10) {
      prod *= x;
      x += 1;
    }
    shift = -Math.log(prod);
  }
  const z2 = 1 / (x * x);
  // Bernoulli-number terms B₂ₖ / (2k (2k−1) x^(2k−1)), k = 1..7: error below 1e-16 for x ≥ 10.
  const series =
    (1 / 12 -
      z2 *
        (1 / 360 -
          z2 * (1 / 1260 - z2 * (1 / 1680 - z2 * (1 / 1188 - z2 * (691 / 360360 - z2 / 156)))))) /
    x;
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + series + shift;
}

// stirlerr at the integers 0..15, where the direct formula is used (computed once).
const STIRLERR_TABLE = Array.from({ length: 16 }, (_, z) =>
  z === 0 ? Infinity : logGamma(z + 1) - (z + 0.5) * Math.log(z) + z - LN_SQRT_2PI,
);

/**
 * The error of Stirling's formula: ln Γ(z+1) − [(z + ½) ln z − z + ½ ln 2π]. Small (1/(12z))
 * and computed without cancellation for large z, which is what keeps huge-n probabilities exact.
 */
export function stirlerr(z: number): number {
  if (z <= 15) {
    if (Number.isInteger(z)) return STIRLERR_TABLE[z];
    return logGamma(z + 1) - (z + 0.5) * Math.log(z) + z - LN_SQRT_2PI;
  }
  const z2 = 1 / (z * z);
  return (1 / 12 - z2 * (1 / 360 - z2 * (1 / 1260 - z2 * (1 / 1680 - z2 / 1188)))) / z;
}

/** x ln(x/m) + m − x, the deviance term, accurate when x ≈ m (series in (x−m)/(x+m)). */
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    const v2 = v * v;
    let s = (x - m) * v;
    let ej = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** Binomial mass at a real x in [0, n], given p and q = 1 − p separately (no rounding of q). */
function binomialMassRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) return Math.exp(n * (p < 0.1 ? Math.log1p(-p) : Math.log(q)));
  if (x === n) return Math.exp(n * (q < 0.1 ? Math.log1p(-q) : Math.log(p)));
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(lc - 0.5 * lf);
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return binomialMassRaw(k, n, p, 1 - p);
}

const FPMIN = 1e-300;
const EPS = 1e-15;

/** The continued fraction of I_x(a, b), by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  // Converges in O(√max(a, b)) steps in the worst case (x right at the mean).
  const maxIterations = 1000 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  return h;
}

/**
 * [I_x(a, b), 1 − I_x(a, b)], the regularized incomplete beta function and its complement, each
 * accurate even when tiny: the smaller tail is computed directly, the other as 1 − it.
 */
export function incompleteBetaPair(x: number, a: number, b: number): [number, number] {
  if (x <= 0) return [0, 1];
  if (x >= 1) return [1, 0];
  // The prefactor x^a (1−x)^b / (a·B(a, b)) is b/(a+b) · P(Binomial(a+b, x) = a); going through
  // the saddle-point mass keeps it accurate when a and b are huge.
  const mass = binomialMassRaw(a, a + b, x, 1 - x);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (b / (a + b)) * mass * betaContinuedFraction(x, a, b);
    return [lower, 1 - lower];
  }
  const upper = (a / (a + b)) * mass * betaContinuedFraction(1 - x, b, a);
  return [1 - upper, upper];
}

/** The regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  return incompleteBetaPair(x, a, b)[0];
}

/** Most pmf terms `lowerTailSum` adds (about a millisecond) before leaving it to the fraction. */
const MAX_SUM_TERMS = 200_000;

/**
 * P(X ≤ k) by adding the pmf from k down, for k below the mean, where the terms shrink at
 * least geometrically (ratio k·q / ((n − k + 1)·p) < 1). Needed where p is tiny and n huge:
 * the continued fraction for that tail runs in 1 − p, which keeps only the leading digits of p,
 * and its terms then cancel (at n = 1e12, p = 1e-9 the tail 3 sd below the mean came out near
 * 1). `undefined` when more than MAX_SUM_TERMS terms would be needed.
 */
function lowerTailSum(k: number, n: number, p: number): number | undefined {
  const odds = (1 - p) / p;
  // The first ratio is the largest: r^m ≤ 1e-17 within m ≈ 39 / −ln r terms.
  if (k > 0 && 39 / -Math.log((k / (n - k + 1)) * odds) > MAX_SUM_TERMS) return undefined;
  let term = binomialPmf(k, n, p);
  let sum = 0;
  for (let j = k, i = 0; i < MAX_SUM_TERMS; j--, i++) {
    sum += term;
    if (j === 0 || term <= sum * 1e-17) return Math.min(1, sum);
    term *= (j / (n - j + 1)) * odds;
  }
  return undefined;
}

/**
 * Whether the continued fraction in 1 − p is unreliable for the lower tail: its terms cancel
 * to about √(n/p)·1e-16 relative near the mean (8e-6 at n = 1e12, p = 1e-9), far worse in the
 * tail; below 1e-12 it is trusted.
 */
const fractionLosesDigits = (n: number, p: number) => p < 0.5 && n / p > 1e8;

/**
 * P(X ≤ k) for X ~ Binomial(n, p). Relative error about 1e-13 or better wherever the result is
 * above 1e-300, except with a huge n and a tiny p (n/p > 1e8): the lower tail there is summed
 * term by term (as exact as the pmf) when that takes at most MAX_SUM_TERMS terms, i.e. for
 * every k at least 39·√(np) / MAX_SUM_TERMS standard deviations below the mean (0.06 at
 * np = 1e5); closer to the mean, where the result is no small tail, the fraction's error is
 * about 2·√(n/p)·1e-16 relative (measured 7e-7 at n = 1e12, p = 1e-7; 1e-8 at p = 1e-4).
 */
export function binomialCdf(k: number, n: number, p: number): number {
  k = Math.floor(k);
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  if (k < n * p && fractionLosesDigits(n, p)) {
    const sum = lowerTailSum(k, n, p);
    if (sum !== undefined) return sum;
  }
  // P(X ≥ k+1) = I_p(k+1, n−k); its complement is the CDF.
  return incompleteBetaPair(p, k + 1, n - k)[1];
}

/** P(X ≥ k) for X ~ Binomial(n, p): the chance of reaching k. Accuracy as `binomialCdf`. */
export function binomialSf(k: number, n: number, p: number): number {
  k = Math.ceil(k);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  if (k - 1 < n * p && fractionLosesDigits(n, p)) {
    const sum = lowerTailSum(k - 1, n, p);
    if (sum !== undefined) return 1 - sum;
  }
  return incompleteBetaPair(p, k, n - k + 1)[0];
}

/** Standard normal quantile, Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4): a starting guess only. */
export function approxNormalQuantile(q: number): number {
  const tail = q < 0.5 ? q : 1 - q;
  const t = Math.sqrt(-2 * Math.log(tail));
  const z =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  return q < 0.5 ? -z : z;
}

/**
 * Smallest integer x for which `reached(x)` holds, given that `reached` is monotone (false then
 * true), that `reached(lowest)` may be false and `reached(highest)` is true. Gallops out from
 * `guess`, then bisects: O(log distance) evaluations.
 */
export function smallestReaching(
  reached: (x: number) => boolean,
  guess: number,
  lowest: number,
  highest: number,
  firstStep = 1,
): number {
  let lo: number; // reached(lo) is false (or lo = lowest − 1)
  let hi: number; // reached(hi) is true
  let step = Math.max(1, Math.ceil(firstStep));
  guess = Math.min(highest, Math.max(lowest, Math.round(guess)));
  if (reached(guess)) {
    hi = guess;
    lo = hi - step;
    while (lo >= lowest && reached(lo)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    lo = Math.max(lo, lowest - 1);
  } else {
    lo = guess;
    hi = Math.min(highest, lo + step);
    while (hi < highest && !reached(hi)) {
      lo = hi;
      step *= 2;
      hi = Math.min(highest, lo + step);
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * `probability ≥ level`, with an exact tie counted as reached even when rounding leaves the
 * computed probability a few units in the last place short (P(Binomial(5, ½) ≤ 2) is ½ exactly):
 * within 1e-12 relative, far below the CDF's error, it reaches.
 */
export function reachesLevel(probability: number, level: number): boolean {
  return probability >= level * (1 - 1e-12);
}

/** Smallest k with P(X ≤ k) ≥ q for X ~ Binomial(n, p) (ties within 1e-12 count: `reachesLevel`). */
export function binomialQuantile(q: number, n: number, p: number): number {
  if (n <= 0 || p <= 0 || q <= 0) return 0;
  if (p >= 1 || q >= 1) return n;
  const mean = n * p;
  const sd = Math.sqrt(mean * (1 - p));
  const guess = Math.floor(mean + approxNormalQuantile(q) * sd);
  const reached = (k: number) => reachesLevel(binomialCdf(k, n, p), q);
  return smallestReaching(reached, guess, 0, n, Math.min(sd, 16));
}

/** The exact distribution of won deals with fixed rates: Binomial(leads, conversion). */
export interface WonDistribution {
  /** Leads (the binomial n). */
  leads: number;
  /** Π rates up to `wonStage` (the binomial p). */
  conversion: number;
  mean: number;
  sd: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

/**
 * Won deals when every rate is taken as fixed: each lead independently passes every stage up to
 * `wonStage`, so won ~ Binomial(leads, Π rates) exactly. Observed rates are taken at their point
 * value here; `simulate` adds their uncertainty. Unchecked: `s` must be normalized.
 */
export function wonDistributionUnchecked(s: Scenario): WonDistribution {
  const n = Math.floor(s.leads);
  const p = conversionTo(s, s.wonStage);
  const q = (x: number) => binomialQuantile(x, n, p);
  return {
    leads: n,
    conversion: p,
    mean: n * p,
    sd: Math.sqrt(n * p * (1 - p)),
    p5: q(0.05),
    p10: q(0.1),
    p50: q(0.5),
    p90: q(0.9),
    p95: q(0.95),
  };
}

/**
 * The exact chance of reaching a target with fixed rates: P(won ≥ target.won), or for revenue
 * P(won ≥ ⌈revenue / dealValue⌉) (every deal taken at `dealValue`). Unchecked: `s` must be
 * normalized.
 */
export function chanceToReachUnchecked(s: Scenario, target: Target): number {
  return binomialSf(wonForTarget(s, target), Math.floor(s.leads), conversionTo(s, s.wonStage));
}
