import { expect } from '@open-wc/testing';
import { parseScenario } from '../../src/model/validate.js';
import { project, simulate, simulateChunked, summarize } from '../../src/sim/index.js';
import { scenario, stages } from './helpers.js';

/**
 * Mean and variance of a simulated sample against theory, within 5 standard errors:
 * √(σ²/T) for the mean, √((μ₄ − σ⁴)/T) for the variance (μ₄ the fourth central moment).
 */
function expectMoments(
  summaryMean: number,
  summarySd: number,
  trials: number,
  mean: number,
  variance: number,
  mu4: number,
) {
  const seMean = Math.sqrt(variance / trials);
  const seVar = Math.sqrt((mu4 - variance * variance) / trials);
  expect(Math.abs(summaryMean - mean), `mean ${summaryMean} vs ${mean}`).to.be.at.most(5 * seMean);
  expect(
    Math.abs(summarySd ** 2 - variance),
    `variance ${summarySd ** 2} vs ${variance}`,
  ).to.be.at.most(5 * seVar);
}

const binomialMu4 = (n: number, p: number) => {
  const pq = p * (1 - p);
  return n * pq * (1 + 3 * pq * (n - 2));
};

/** P(K = k), k = 0..n, for K ~ BetaBinomial(n, a, b), by the ratio of neighbouring terms. */
function betaBinomialPmf(n: number, a: number, b: number): number[] {
  // P(0) = B(a, n + b) / B(a, b) = Π_{j<n} (b + j) / (a + b + j).
  let q = 1;
  for (let j = 0; j < n; j++) q *= (b + j) / (a + b + j);
  const out = [q];
  for (let k = 0; k < n; k++) {
    q *= ((n - k) / (k + 1)) * ((k + a) / (n - k - 1 + b));
    out.push(q);
  }
  return out;
}

describe('simulate', () => {
  it('its mean won equals project(s).won for observed rates, 0 of 0 included', () => {
    const parsed = parseScenario({
      leads: 5000,
      dealValue: 100,
      stages: [
        { name: 'A', rate: { won: 12, of: 40 } },
        { name: 'B', rate: { won: 0, of: 0 } },
        { name: 'C', rate: 0.5 },
        { name: 'D', rate: { won: 3, of: 10 } },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const s = parsed.value;
    // Independent Beta posteriors: E[Π pᵢ] = Π E[pᵢ], and E[pᵢ] is the normalized rate.
    const beta = [
      [13, 29],
      [1, 1],
      [4, 8],
    ];
    const m1 = beta.reduce((x, [a, b]) => (x * a) / (a + b), 0.5);
    const m2 = beta.reduce((x, [a, b]) => (x * a * (a + 1)) / ((a + b) * (a + b + 1)), 0.25);
    expect(project(s).won).to.be.closeTo(5000 * m1, 1e-9);
    // Var(won) = E[nP(1 − P)] + Var(nP) for won | P ~ Binomial(n, P).
    const n = 5000;
    const variance = n * m1 - n * m2 + n * n * (m2 - m1 * m1);
    const T = 20000;
    const r = simulate(s, { trials: T, seed: 21 });
    expect(Math.abs(r.won.mean - project(s).won)).to.be.at.most(5 * Math.sqrt(variance / T));
  });

  for (const leads of [1000, 1e9]) {
    it(`won has mean nP and variance nP(1−P) with fixed rates (${leads} leads, 8 stages)`, () => {
      const rates = [0.6, 0.5, 0.7, 0.8, 0.4, 0.9, 0.95, 0.85];
      const P = rates.reduce((a, b) => a * b, 1);
      const r = simulate(scenario({ leads, stages: stages(...rates) }), {
        trials: 10000,
        seed: 11,
      });
      expect(r.trials).to.equal(10000);
      expectMoments(
        r.won.mean,
        r.won.sd,
        10000,
        leads * P,
        leads * P * (1 - P),
        binomialMu4(leads, P),
      );
      // Fixed deal value: revenue is won × dealValue, trial by trial.
      expect(r.revenue.mean).to.be.closeTo(r.won.mean * 1000, 1e-6 * r.revenue.mean);
      expect(r.revenue.p50).to.equal(r.won.p50 * 1000);
    });
  }

  it('mean deals entering each stage follow the expected funnel', () => {
    const r = simulate(scenario({ leads: 1000, stages: stages(0.5, 0.2, 0.9) }), { seed: 2 });
    const expected = [1000, 500, 100];
    r.stages.forEach((stage, i) => {
      const p = expected[i] / 1000;
      // Entering stage i ~ Binomial(1000, p): standard error √(1000·p(1−p)/T).
      expect(Math.abs(stage.entering - expected[i])).to.be.at.most(
        5 * Math.sqrt((1000 * p * (1 - p)) / r.trials) + 1e-9,
      );
    });
    expect(r.stages[0].entering).to.equal(1000);
    expect(r.stages.map((s) => s.name)).to.deep.equal(['S0', 'S1', 'S2']);
  });

  it('an observed rate widens the spread as the beta-binomial says (uniform prior)', () => {
    const n = 200;
    const observed = scenario({
      leads: n,
      stages: [{ name: 'Close', rate: 0.3, observed: { won: 3, of: 10 } }],
    });
    const T = 20000;
    const r = simulate(observed, { trials: T, seed: 5 });
    // Rate ~ Beta(3 + 1, 10 − 3 + 1); won ~ BetaBinomial(n, α, β).
    const a = 4;
    const b = 8;
    const s = a + b;
    const mean = (n * a) / s;
    const variance = (n * a * b * (s + n)) / (s * s * (s + 1));
    expect(Math.abs(r.won.mean - mean)).to.be.at.most(5 * Math.sqrt(variance / T));
    // The variance's standard error √((μ₄ − σ⁴)/T), μ₄ summed over the exact beta-binomial pmf.
    const pmf = betaBinomialPmf(n, a, b);
    const exactMean = pmf.reduce((sum, q, k) => sum + q * k, 0);
    const mu4 = pmf.reduce((sum, q, k) => sum + q * (k - exactMean) ** 4, 0);
    expect(exactMean).to.be.closeTo(mean, 1e-9);
    expect(Math.abs(r.won.sd ** 2 - variance)).to.be.at.most(
      5 * Math.sqrt((mu4 - variance * variance) / T),
    );
    const fixed = simulate(
      { ...observed, stages: [{ name: 'Close', rate: 0.3 }] },
      { trials: T, seed: 5 },
    );
    expect(r.won.sd ** 2).to.be.above(5 * fixed.won.sd ** 2); // 725 vs 42 in theory
  });

  it('varying deal values: revenue mean E[won]·v and variance E[won]σ² + v²·Var(won)', () => {
    const s = scenario({
      leads: 1000,
      stages: stages(0.5, 0.2),
      dealValue: 1000,
      dealValueSd: 500,
    });
    const T = 20000;
    const r = simulate(s, { trials: T, seed: 8 });
    const variance = 100 * 500 ** 2 + 1000 ** 2 * 90;
    expect(Math.abs(r.revenue.mean - 100000)).to.be.at.most(5 * Math.sqrt(variance / T));
    // Revenue is a sum of ~100 gammas: nearly normal, excess kurtosis O(1/E[won]) ≈ 0.01, so
    // μ₄ < 3.1σ⁴ and the variance's standard error is below σ²·√(2.1/T).
    expect(Math.abs(r.revenue.sd ** 2 - variance)).to.be.at.most(5 * variance * Math.sqrt(2.1 / T));
  });

  it('after-sale stages are drawn but do not change won', () => {
    const s = scenario({ leads: 5000, stages: stages(0.5, 0.2, 0.3), wonStage: 1 });
    const r = simulate(s, { trials: 2000, seed: 3 });
    expect(r.won.mean).to.equal(r.stages[1].advancing);
    expect(r.stages[2].entering).to.equal(r.won.mean);
    expect(r.stages[2].advancing).to.be.below(r.won.mean);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const s = scenario({ leads: 1e6, stages: stages(0.3, 0.4), dealValueSd: 300 });
    const a = simulate(s, { trials: 500, seed: 'x' });
    expect(simulate(s, { trials: 500, seed: 'x' })).to.deep.equal(a);
    expect(simulate(s, { trials: 500, seed: 'y' }).won.mean).not.to.equal(a.won.mean);
  });

  it('simulateChunked gives the same result as simulate, yielding between chunks', async () => {
    const s = scenario({
      leads: 1e5,
      stages: [
        { name: 'A', rate: 0.4, observed: { won: 4, of: 10 } },
        { name: 'B', rate: 0.5 },
      ],
      dealValueSd: 200,
    });
    let yields = 0;
    const chunked = await simulateChunked(
      s,
      { trials: 2500, seed: 4 },
      { chunk: 1000, yield: async () => void yields++ },
    );
    expect(chunked).to.deep.equal(simulate(s, { trials: 2500, seed: 4 }));
    expect(yields).to.equal(2);
  });

  it('summaries are consistent: ordered quantiles, histogram counts every trial', () => {
    const r = simulate(scenario({ leads: 1e4, stages: stages(0.1, 0.5) }), {
      trials: 3000,
      bins: 20,
    });
    for (const sum of [r.won, r.revenue]) {
      const q = [sum.min, sum.p5, sum.p10, sum.p50, sum.p90, sum.p95, sum.max];
      expect([...q].sort((x, y) => x - y)).to.deep.equal(q);
      expect(sum.histogram.reduce((n, bin) => n + bin.count, 0)).to.equal(3000);
      expect(sum.histogram.length).to.be.at.most(20);
      expect(sum.histogram[0].x0).to.equal(sum.min);
    }
  });

  it('handles zero leads and a zero rate', () => {
    const r = simulate(scenario({ leads: 0, stages: stages(0.5) }), { trials: 10 });
    expect(r.won.max).to.equal(0);
    expect(r.revenue.mean).to.equal(0);
    const z = simulate(scenario({ leads: 100, stages: stages(0, 0.5) }), { trials: 10 });
    expect(z.won.max).to.equal(0);
    expect(() => simulate(scenario({ stages: stages(0.5) }), { trials: 0 })).to.throw(RangeError);
  });
});

describe('summarize', () => {
  it('computes quantiles as the smallest value with empirical CDF ≥ q', () => {
    const s = summarize(Float64Array.from([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]), 5, true);
    expect([s.min, s.p10, s.p50, s.p90, s.max]).to.deep.equal([1, 1, 5, 9, 10]);
    expect(s.mean).to.equal(5.5);
    expect(s.sd).to.equal(Math.sqrt(82.5 / 9));
    expect(s.histogram.map((b) => [b.x0, b.x1, b.count])).to.deep.equal([
      [1, 3, 2],
      [3, 5, 2],
      [5, 7, 2],
      [7, 9, 2],
      [9, 11, 2],
    ]);
  });
});
