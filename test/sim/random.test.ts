import { expect } from '@open-wc/testing';
import { binomialCdf, binomialPmf } from '../../src/sim/exact.js';
import { createRng } from '../../src/sim/random.js';

/**
 * Moments of a sample against theory. The tolerance is 5 standard errors: for the mean
 * √(σ²/N); for the sample variance √((μ₄ − σ⁴)/N), with μ₄ the fourth central moment (given,
 * or estimated from the sample when the theory is awkward).
 */
function checkMoments(draw: () => number, N: number, mean: number, variance: number, mu4?: number) {
  let s1 = 0;
  let s2 = 0;
  let s4 = 0;
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = draw() - mean; // centred on the truth: no cancellation
  for (let i = 0; i < N; i++) s1 += xs[i];
  const m = s1 / N;
  for (let i = 0; i < N; i++) {
    const d = xs[i] - m;
    s2 += d * d;
    s4 += d ** 4;
  }
  const sampleVar = s2 / (N - 1);
  const fourth = mu4 ?? s4 / N;
  const seMean = Math.sqrt(variance / N);
  const seVar = Math.sqrt(Math.max(fourth - variance * variance, 0) / N);
  expect(Math.abs(m), `mean ${m + mean} vs ${mean}`).to.be.at.most(5 * seMean + 1e-12);
  expect(Math.abs(sampleVar - variance), `variance ${sampleVar} vs ${variance}`).to.be.at.most(
    5 * seVar + 1e-12,
  );
}

/** Fourth central moment of Binomial(n, p): npq(1 + 3pq(n − 2)). */
const binomialMu4 = (n: number, p: number) => {
  const pq = p * (1 - p);
  return n * pq * (1 + 3 * pq * (n - 2));
};

describe('createRng', () => {
  it('gives the same numbers for the same seed, pinned so every machine agrees', () => {
    const a = createRng(1);
    expect([a.uint32(), a.uint32()]).to.deep.equal([1828152527, 3394835397]);
    const b = createRng(1);
    b.uint32();
    b.uint32();
    expect(b.next()).to.equal(0.6910148153015395);
    const c = createRng('funnel');
    const d = createRng('funnel');
    const xs = Array.from({ length: 5 }, () => c.next());
    expect(Array.from({ length: 5 }, () => d.next())).to.deep.equal(xs);
  });

  it('pins the first derived draws (normal, gamma, binomial by inversion and by BTRD)', () => {
    const r = createRng(42);
    expect([
      r.normal(),
      r.gamma(2.5, 3),
      r.binomial(20, 0.1),
      r.binomial(1e9, 0.3),
      r.binomial(1e12, 0.6),
    ]).to.deep.equal(GOLDEN);
  });

  it('gives unrelated streams for nearby seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    const same = Array.from({ length: 100 }, () => a.uint32() === b.uint32()).filter(Boolean);
    expect(same.length).to.equal(0);
  });

  it('next() is uniform in [0, 1): moments and range', () => {
    const r = createRng(3);
    let min = 1;
    let max = 0;
    checkMoments(
      () => {
        const x = r.next();
        min = Math.min(min, x);
        max = Math.max(max, x);
        return x;
      },
      100000,
      0.5,
      1 / 12,
      1 / 80,
    );
    expect(min).to.be.at.least(0);
    expect(max).to.be.below(1);
  });

  it('normal() has mean 0 and variance 1', () => {
    const r = createRng(4);
    checkMoments(() => r.normal(), 100000, 0, 1, 3);
  });

  for (const [shape, scale] of [
    [0.3, 2],
    [1, 1],
    [3, 0.5],
    [1e6, 2],
  ]) {
    it(`gamma(${shape}, ${scale}) has mean kθ and variance kθ²`, () => {
      const r = createRng(5);
      // Fourth central moment of Gamma(k, θ): 3k(k + 2)θ⁴.
      checkMoments(
        () => r.gamma(shape, scale),
        50000,
        shape * scale,
        shape * scale * scale,
        3 * shape * (shape + 2) * scale ** 4,
      );
    });
  }

  for (const [a, b] of [
    [4, 8],
    [1, 1],
    [0.5, 0.5],
    [200, 50],
  ]) {
    it(`beta(${a}, ${b}) has mean a/(a+b) and variance ab/((a+b)²(a+b+1))`, () => {
      const r = createRng(6);
      const s = a + b;
      checkMoments(() => r.beta(a, b), 50000, a / s, (a * b) / (s * s * (s + 1)));
    });
  }
});

describe('Rng.binomial', () => {
  it('handles the edges exactly', () => {
    const r = createRng(7);
    expect(r.binomial(0, 0.5)).to.equal(0);
    expect(r.binomial(100, 0)).to.equal(0);
    expect(r.binomial(100, 1)).to.equal(100);
    expect(r.binomial(1e12, 1)).to.equal(1e12);
    expect(r.binomial(1e12, 0)).to.equal(0);
    expect(r.binomial(-5, 0.5)).to.equal(0);
  });

  it('stays within [0, n] and returns integers', () => {
    const r = createRng(8);
    for (const [n, p] of [
      [5, 0.5],
      [20, 0.99],
      [1000, 0.3],
      [1e9, 0.999999],
    ]) {
      for (let i = 0; i < 2000; i++) {
        const x = r.binomial(n, p);
        expect(Number.isInteger(x) && x >= 0 && x <= n, `${x} of ${n}`).to.equal(true);
      }
    }
  });

  const cases: [number, number][] = [];
  for (const n of [20, 1000, 1e6, 1e9]) {
    for (const p of [1 / n, 0.01, 0.5, 0.99, 1 - 1 / n]) cases.push([n, p]);
  }
  for (const [n, p] of cases) {
    it(`Binomial(${n}, ${p}) has mean np and variance np(1−p)`, () => {
      const r = createRng(n + p);
      checkMoments(() => r.binomial(n, p), 20000, n * p, n * p * (1 - p), binomialMu4(n, p));
    });
  }

  // Chi-square goodness of fit against the exact pmf, tails pooled so each cell expects ≥ 5.
  // The statistic has mean df and sd √(2·df); we allow 5 of those sds.
  for (const [n, p] of [
    [20, 0.3], // inversion
    [12, 0.9], // inversion through symmetry
    [40, 0.45], // BTRD, near the switch
    [100, 0.3], // BTRD
    [200, 0.1], // BTRD, skewed
  ]) {
    it(`Binomial(${n}, ${p}) matches the exact pmf (chi-square)`, () => {
      const r = createRng(9);
      const N = 100000;
      const counts = new Float64Array(n + 1);
      for (let i = 0; i < N; i++) counts[r.binomial(n, p)]++;
      const { statistic, df } = chiSquare(counts, (k) => N * binomialPmf(k, n, p));
      expect(statistic).to.be.below(df + 5 * Math.sqrt(2 * df));
    });
  }

  // BTRD for huge n: cells of integer width about sd/4 over the mean ± 5 sd plus both tails,
  // each cell's expectation from the exact CDF (the pmf summed over the cell).
  for (const [n, p] of [
    [1e6, 0.3],
    [1e9, 0.02],
  ]) {
    it(`Binomial(${n}, ${p}) matches the exact distribution (pooled chi-square)`, () => {
      const r = createRng(n * p);
      const N = 100000;
      const sd = Math.sqrt(n * p * (1 - p));
      const width = Math.max(1, Math.floor(sd / 4));
      const lo = Math.floor(n * p - 5 * sd);
      const cells = 40;
      // Edges: cell j holds lo + j·width ≤ x < lo + (j+1)·width; below lo and from the last edge up are the tails.
      const edges = Array.from({ length: cells + 1 }, (_, j) => lo + j * width);
      const counts = new Float64Array(cells + 2);
      for (let i = 0; i < N; i++) {
        const x = r.binomial(n, p);
        const j = x < lo ? 0 : Math.min(cells + 1, 1 + Math.floor((x - lo) / width));
        counts[j]++;
      }
      const cdfBelow = (edge: number) => binomialCdf(edge - 1, n, p);
      const expected = (j: number) =>
        N *
        (j === 0
          ? cdfBelow(lo)
          : j === cells + 1
            ? 1 - cdfBelow(edges[cells])
            : cdfBelow(edges[j]) - cdfBelow(edges[j - 1]));
      const { statistic, df } = chiSquare(counts, expected);
      expect(df).to.be.at.least(30);
      expect(statistic).to.be.below(df + 5 * Math.sqrt(2 * df));
    });
  }

  it('the chi-square check can fail: a shifted sampler is caught', () => {
    const r = createRng(9);
    const n = 100;
    const counts = new Float64Array(n + 2);
    for (let i = 0; i < 100000; i++) counts[r.binomial(n, 0.3) + 1]++;
    const { statistic, df } = chiSquare(counts, (k) => 100000 * binomialPmf(k, n, 0.3));
    expect(statistic).to.be.above(df + 5 * Math.sqrt(2 * df));
  });
});

function chiSquare(counts: Float64Array, expected: (k: number) => number) {
  let statistic = 0;
  let cells = 0;
  let pooledObserved = 0;
  let pooledExpected = 0;
  const flush = () => {
    if (pooledExpected > 0) {
      statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      cells++;
    }
    pooledObserved = 0;
    pooledExpected = 0;
  };
  for (let k = 0; k < counts.length; k++) {
    pooledObserved += counts[k];
    pooledExpected += expected(k);
    if (pooledExpected >= 5) flush();
  }
  flush();
  return { statistic, df: cells - 1 };
}

/** First draws of createRng(42), as computed in V8 (node and Chromium). */
const GOLDEN = [-0.20056598644048074, 5.212554048320355, 3, 300003083, 600000276438];
