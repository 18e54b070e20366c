import { expect } from '@open-wc/testing';
import {
  binomialCdf,
  binomialPmf,
  binomialQuantile,
  binomialSf,
  incompleteBeta,
  logGamma,
  stirlerr,
} from '../../src/sim/exact.js';
import { chanceToReach, wonDistribution } from '../../src/sim/index.js';
import { scenario, stages } from './helpers.js';

/** Brute force: C(n, k) pᵏ qⁿ⁻ᵏ by the multiplicative formula (fine for small n). */
function brutePmf(k: number, n: number, p: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c * p ** k * (1 - p) ** (n - k);
}

const close = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).to.be.at.most(
    rel * Math.abs(expected) + 1e-300,
  );

describe('logGamma and stirlerr', () => {
  it('matches ln((n−1)!) and known values', () => {
    let fact = 1;
    for (let n = 1; n <= 25; n++) {
      close(logGamma(n), Math.log(fact), 1e-14);
      fact *= n;
    }
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14);
    close(logGamma(100), 359.1342053695754, 1e-15);
    close(logGamma(1e10), 220258509288.81058, 1e-15); // C libm lgamma
    close(logGamma(1e6 + 0.5), 12815511.476902764, 1e-15);
  });

  it('stirlerr is ln Γ(z+1) − Stirling, across the switch to the series at 15', () => {
    for (const z of [1, 2, 7.5, 15, 15.5, 16, 40]) {
      const direct = logGamma(z + 1) - (z + 0.5) * Math.log(z) + z - 0.5 * Math.log(2 * Math.PI);
      expect(Math.abs(stirlerr(z) - direct)).to.be.below(1e-13);
    }
    close(stirlerr(1e6), 1 / 12e6, 1e-9);
  });
});

describe('incompleteBeta', () => {
  it('matches closed forms', () => {
    // I_x(1, b) = 1 − (1−x)^b and I_x(a, 1) = x^a.
    for (const x of [0.01, 0.3, 0.5, 0.9]) {
      close(incompleteBeta(x, 1, 7), 1 - (1 - x) ** 7, 1e-13);
      close(incompleteBeta(x, 4.5, 1), x ** 4.5, 1e-13);
    }
    close(incompleteBeta(0.5, 30, 30), 0.5, 1e-13);
    expect(incompleteBeta(0, 2, 3)).to.equal(0);
    expect(incompleteBeta(1, 2, 3)).to.equal(1);
  });
});

describe('binomial distribution functions', () => {
  it('agree with brute-force summation for small n', () => {
    for (const n of [1, 5, 20, 60]) {
      for (const p of [0.01, 0.2, 0.5, 0.77, 0.999]) {
        let cdf = 0;
        for (let k = 0; k <= n; k++) {
          const pmf = brutePmf(k, n, p);
          cdf += pmf;
          close(binomialPmf(k, n, p), pmf, 1e-11);
          close(binomialCdf(k, n, p), Math.min(1, cdf), 1e-11);
          // P(X ≥ k) = 1 − P(X ≤ k − 1), summed from the top to keep tiny tails exact.
          let sf = 0;
          for (let j = n; j >= k; j--) sf += brutePmf(j, n, p);
          close(binomialSf(k, n, p), Math.min(1, sf), 1e-11);
        }
      }
    }
  });

  it('keeps far tails exact, not rounded to 0 or 1', () => {
    close(binomialSf(20, 20, 0.5), 2 ** -20, 1e-12);
    close(binomialCdf(0, 1000, 0.5), 2 ** -1000, 1e-10);
    close(binomialSf(60, 60, 0.01), 1e-120, 1e-10);
  });

  it('is exact for a million trials: P(X ≤ m−1) = (1 − P(X = m))/2 for Binomial(2m, ½)', () => {
    const m = 500000;
    // C(2m, m) / 4^m = (1 − 1/(8m) + 1/(128m²) + …) / √(πm).
    const center = (1 - 1 / (8 * m) + 1 / (128 * m * m)) / Math.sqrt(Math.PI * m);
    close(binomialPmf(m, 2 * m, 0.5), center, 1e-12);
    close(binomialCdf(m - 1, 2 * m, 0.5), (1 - center) / 2, 1e-12);
    close(binomialSf(m + 1, 2 * m, 0.5), (1 - center) / 2, 1e-12);
  });

  it('handles the edges', () => {
    expect(binomialCdf(-1, 10, 0.5)).to.equal(0);
    expect(binomialCdf(10, 10, 0.5)).to.equal(1);
    expect(binomialSf(0, 10, 0.5)).to.equal(1);
    expect(binomialSf(11, 10, 0.5)).to.equal(0);
    expect(binomialSf(1, 10, 0)).to.equal(0);
    expect(binomialCdf(9, 10, 1)).to.equal(0);
    expect(binomialPmf(2.5, 10, 0.5)).to.equal(0);
  });
});

describe('binomial tails with a huge n and a tiny p', () => {
  // n = 1e12, p = 1e-9: 1 − p keeps only the leading digits of p, where the continued fraction
  // used to run (it gave 1.7e-8 at k = 830 as 0.99999 and missed near the mean by 8e-6).
  const n = 1e12;
  const p = 1e-9;

  it('match Poisson(1000), which differs from this binomial by about 1e-7 at most', () => {
    // P(Poisson(λ) ≤ k), summed from 0 in log space (terms rise up to k < λ, so the order is safe).
    const poissonCdf = (k: number, lambda: number) => {
      let logTerm = -lambda;
      let sum = Math.exp(logTerm);
      for (let j = 1; j <= k; j++) {
        logTerm += Math.log(lambda / j);
        sum += Math.exp(logTerm);
      }
      return sum;
    };
    for (const k of [700, 800, 850, 900, 950, 977, 1000]) {
      close(binomialCdf(k, n, p), poissonCdf(k, 1000), 1e-6);
      close(binomialSf(k + 1, n, p), 1 - poissonCdf(k, 1000), 1e-6);
    }
  });

  it('match 40-digit sums of the exact pmf', () => {
    // mpmath at 40 digits, rounded to doubles: Σ_{j ≤ k} C(n, j) pʲ (1 − p)ⁿ⁻ʲ.
    const exact: [number, number][] = [
      [700, 6.933009587365884e-24],
      [800, 3.229888656897506e-11],
      [850, 6.235662137150298e-7],
      [900, 0.0006977673240378296],
      [977, 0.2391886414800881],
    ];
    for (const [k, cdf] of exact) close(binomialCdf(k, n, p), cdf, 1e-12);
    close(binomialCdf(99000, n, 1e-7), 0.0007742004093812157, 1e-12);
  });
});

describe('binomialQuantile', () => {
  it('counts an exact tie as reached despite rounding', () => {
    // P(X ≤ 2) = ½ exactly for Binomial(5, ½); computed a few ulps short of it.
    expect(binomialQuantile(0.5, 5, 0.5)).to.equal(2);
    expect(binomialQuantile(0.5, 1, 0.5)).to.equal(0);
    expect(binomialQuantile(0.1, 1, 0.9)).to.equal(0);
  });

  for (const [n, p] of [
    [50, 0.3],
    [1e6, 0.0488],
    [1e9, 0.3],
    [1e12, 1e-9],
  ]) {
    it(`is the smallest k with CDF ≥ q, and grows with q (n = ${n}, p = ${p})`, () => {
      let previous = -1;
      for (const q of [0.001, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.999]) {
        const k = binomialQuantile(q, n, p);
        expect(binomialCdf(k, n, p)).to.be.at.least(q);
        expect(binomialCdf(k - 1, n, p)).to.be.below(q);
        expect(k).to.be.at.least(previous);
        previous = k;
      }
    });
  }

  it('knows the edges', () => {
    expect(binomialQuantile(0.5, 10, 0)).to.equal(0);
    expect(binomialQuantile(0.5, 10, 1)).to.equal(10);
    expect(binomialQuantile(1, 10, 0.5)).to.equal(10);
    expect(binomialQuantile(0, 10, 0.5)).to.equal(0);
    expect(binomialQuantile(0.5, 10, 0.5)).to.equal(5);
  });
});

describe('wonDistribution and chanceToReach', () => {
  it('use Binomial(leads, Π rates up to wonStage) exactly', () => {
    const s = scenario({ leads: 1000, stages: stages(0.5, 0.2, 0.9), wonStage: 1 });
    const d = wonDistribution(s);
    expect(d.conversion).to.equal(0.1);
    expect(d.mean).to.equal(100);
    expect(d.sd).to.equal(Math.sqrt(90));
    for (const [key, q] of [
      ['p5', 0.05],
      ['p10', 0.1],
      ['p50', 0.5],
      ['p90', 0.9],
      ['p95', 0.95],
    ] as const) {
      expect(d[key]).to.equal(binomialQuantile(q, 1000, 0.1));
    }
    expect(d.p5 < d.p10 && d.p10 < d.p50 && d.p50 < d.p90 && d.p90 < d.p95).to.equal(true);
    expect(d.p50).to.equal(100);
  });

  it('chanceToReach turns revenue into won deals without rounding noise', () => {
    // 1999 / 19.99 is 100.00000000000001 in doubles: 100 deals, not 101.
    const s = scenario({ leads: 300, dealValue: 19.99, stages: stages(0.1, 0.7) });
    const p = 0.1 * 0.7;
    expect(chanceToReach(s, { revenue: 1999 })).to.equal(binomialSf(100, 300, p));
    expect(chanceToReach(s, { revenue: 1999.01 })).to.equal(binomialSf(101, 300, p));
  });

  it('chanceToReach is P(won ≥ target), also for revenue', () => {
    const s = scenario({ leads: 40, stages: stages(0.5, 0.5), dealValue: 100 });
    let sf = 0;
    for (let k = 40; k >= 12; k--) sf += brutePmf(k, 40, 0.25);
    close(chanceToReach(s, { won: 12 }), sf, 1e-12);
    close(chanceToReach(s, { revenue: 1150 }), sf, 1e-12);
    expect(chanceToReach(s, { won: 0 })).to.equal(1);
    expect(chanceToReach(s, { won: 41 })).to.equal(0);
    expect(chanceToReach({ ...s, dealValue: 0 }, { revenue: 1 })).to.equal(0);
  });
});
