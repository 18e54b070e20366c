import { stirlerr } from './exact.js';

/**
 * A seeded pseudo-random generator that gives the same numbers on every machine and engine:
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) on 32-bit integer arithmetic
 * (`Math.imul`, `| 0`, `>>> 0`), its four words seeded through splitmix32, so the uniform
 * stream is bit-identical everywhere. Derived draws (normal, gamma, binomial) also use
 * `Math.log`/`exp`/`pow`, which ECMAScript does not require to be correctly rounded: V8 (Chrome,
 * Edge, node) uses the same fdlibm port on every platform, so they match across machines there;
 * another engine may differ in the last bits.
 */

/** A seed: any number (integers use all 53 bits) or string. */
export type Seed = number | string;

/** FNV-1a over UTF-16 code units: a string seed becomes 32 bits. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function seedWord(seed: Seed): number {
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    return (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
  }
  return hashString(String(seed));
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * A seeded random source. A class (not closures) so the hot methods stay monomorphic and
 * allocation-free.
 */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: Seed = 1) {
    // splitmix32: a Weyl sequence through the murmur3 finalizer, so nearby seeds give unrelated states.
    let x = seedWord(seed);
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // The first outputs of a freshly seeded sfc32 are still correlated with the seed.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** 32 random bits as an unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits (two draws), so tiny probabilities are not rounded to 0. */
  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** Uniform in [0, 1) with 32 random bits (one draw), where resolution does not matter. */
  next32(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** Standard normal, by Marsaglia's polar method (the second value of each pair is kept). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Gamma(shape, scale) (mean shape·scale), by Marsaglia and Tsang's squeeze method (2000). */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0) || !(scale > 0)) return 0;
    if (shape < 1) {
      // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
      const u = 1 - this.next(); // in (0, 1], so the power is never 0^(1/a) by accident
      return this.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta(a, b), as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    const sum = x + y;
    // Both underflow only for tiny shapes; then the mass sits at the ends, split a : b.
    if (sum === 0) return this.next() < a / (a + b) ? 1 : 0;
    return x / sum;
  }

  /**
   * Binomial(n, p), exact in distribution for every n (up to about 1e12, where doubles still
   * hold every integer and the log-density tests keep ~1e-4 relative accuracy) at a cost that
   * does not grow with n: inversion when n·min(p, 1−p) < 10, otherwise Hörmann's BTRD
   * (transformed rejection with decomposition, 1993). Non-integer n is floored.
   */
  binomial(n: number, p: number): number {
    n = Math.floor(n);
    if (!(n > 0) || !(p > 0)) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomialLow(n, 1 - p);
    return this.binomialLow(n, p);
  }

  /** Binomial for p ≤ ½. */
  private binomialLow(n: number, p: number): number {
    return n * p < 10 ? this.binomialInversion(n, p) : this.binomialBtrd(n, p);
  }

  /**
   * Sequential search from 0 through the pmf (recurrence f(x) = f(x−1)·((n+1)p/q / x − p/q)):
   * about n·p + 1 steps, i.e. fewer than ~11 here.
   */
  private binomialInversion(n: number, p: number): number {
    const q = 1 - p;
    const s = p / q;
    const a = (n + 1) * s;
    const f0 = Math.exp(n * Math.log1p(-p));
    // Rounding can leave u above the summed mass; far beyond the mean we start over.
    const bound = Math.min(n, Math.floor(n * p + 10 * Math.sqrt(n * p * q + 1)));
    for (;;) {
      let u = this.next();
      let f = f0;
      let x = 0;
      while (u > f) {
        u -= f;
        x++;
        if (x > bound) break;
        f *= a / x - s;
      }
      if (x <= bound) return x;
    }
  }

  /** Hörmann's BTRD for n·p ≥ 10, p ≤ ½. Step numbers follow the paper. */
  private binomialBtrd(n: number, p: number): number {
    const q = 1 - p;
    const m = Math.floor((n + 1) * p);
    const r = p / q;
    const nr = (n + 1) * r;
    const npq = n * p * q;
    const spq = Math.sqrt(npq);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const alpha = (2.83 + 5.1 / b) * spq;
    const vr = 0.92 - 4.2 / b;
    const urvr = 0.86 * vr;
    let h = NaN; // step 3.3's constant, computed on first need
    const nm = n - m + 1;

    for (;;) {
      // 1: the triangular centre is accepted at once (most draws).
      let v = this.next();
      let u: number;
      if (v <= urvr) {
        u = v / vr - 0.43;
        return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
      }
      // 2: otherwise draw (u, v) for the rejection test.
      if (v >= vr) {
        u = this.next() - 0.5;
      } else {
        u = v / vr - 0.93;
        u = (u < 0 ? -0.5 : 0.5) - u;
        v = this.next() * vr;
      }
      // 3.0
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      v = (v * alpha) / (a / (us * us) + b);
      const km = Math.abs(k - m);
      if (km <= 15) {
        // 3.1: the pmf ratio f(k)/f(m) by recurrence.
        let f = 1;
        if (m < k) {
          for (let i = m + 1; i <= k; i++) f *= nr / i - r;
        } else if (m > k) {
          for (let i = k + 1; i <= m; i++) v *= nr / i - r;
        }
        if (v <= f) return k;
        continue;
      }
      // 3.2: squeeze on log f(k)/f(m) around the normal shape.
      v = Math.log(v);
      const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
      const t = (-km * km) / (2 * npq);
      if (v < t - rho) return k;
      if (v > t + rho) continue;
      // 3.3 / 3.4: the exact log-ratio through Stirling corrections fc(j) = stirlerr(j + 1).
      if (Number.isNaN(h)) {
        h = (m + 0.5) * Math.log((m + 1) / (r * nm)) + stirlerr(m + 1) + stirlerr(n - m + 1);
      }
      const nk = n - k + 1;
      // log(nm/nk) written as log1p((k − m)/nk): nm − nk = k − m exactly, and n can be 1e12.
      const bound =
        h +
        (n + 1) * Math.log1p((k - m) / nk) +
        (k + 0.5) * Math.log((nk * r) / (k + 1)) -
        stirlerr(k + 1) -
        stirlerr(n - k + 1);
      if (v <= bound) return k;
    }
  }
}

/** A seeded random source; the same seed gives the same sequence on every machine. */
export function createRng(seed: Seed = 1): Rng {
  return new Rng(seed);
}
