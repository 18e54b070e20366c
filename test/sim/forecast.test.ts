import { expect } from '@open-wc/testing';
import {
  forecast,
  logGamma,
  ScenarioError,
  type Forecast,
  type ForecastInput,
} from '../../src/sim/index.js';

// Local midnight on the first of a month: period boundaries fall on whole days from now.
const JAN_1 = new Date(2026, 0, 1).getTime();
const DAY = 86_400_000;

/** The exact distribution of a count of independent successes, by enumerating every outcome. */
function enumerate(ps: number[]): number[] {
  const pmf = new Array<number>(ps.length + 1).fill(0);
  for (let mask = 0; mask < 1 << ps.length; mask++) {
    let prob = 1;
    let k = 0;
    ps.forEach((p, i) => {
      const won = (mask >> i) & 1;
      prob *= won ? p : 1 - p;
      k += won;
    });
    pmf[k] += prob;
  }
  return pmf;
}

/** Smallest k with P(X ≤ k) ≥ q. */
function quantileOf(pmf: number[], q: number): number {
  let cdf = 0;
  for (let k = 0; k < pmf.length; k++) {
    cdf += pmf[k];
    if (cdf >= q - 1e-12) return k;
  }
  return pmf.length - 1;
}

const sumFrom = (pmf: number[], k: number) => pmf.slice(k).reduce((a, b) => a + b, 0);

/** Rates 0.5 → 0.4 → 0.8: a deal wins with 0.32 from stage 0, 0.32/0.5 from 1, 0.8 from 2. */
const fixed: ForecastInput = {
  now: JAN_1,
  stages: [
    { name: 'Qualify', rate: 0.5 },
    { name: 'Offer', rate: 0.4 },
    { name: 'Close', rate: 0.8 },
  ],
  deals: [
    { id: 'a', stageIndex: 0, amount: 1000 },
    { id: 'b', stageIndex: 1, amount: 1000 },
    { id: 'c', stageIndex: 2, amount: 1000 },
    { id: 'd', stageIndex: 2, amount: 1000 },
    { id: 'e', stageIndex: 1, amount: 1000 },
  ],
};
const P = [0.5 * 0.4 * 0.8, 0.4 * 0.8, 0.8, 0.8, 0.4 * 0.8];

describe('forecast: fixed rates, no durations, no horizon', () => {
  const f = forecast({ ...fixed, goal: { won: 3 } });

  it('gives each deal Π rate_j from its stage to the won stage, and amount × that', () => {
    expect(f.deals.map((d) => d.id)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    f.deals.forEach((d, i) => {
      expect(d.winProbability).to.be.closeTo(P[i], 1e-15);
      expect(d.expectedValue).to.be.closeTo(1000 * P[i], 1e-12);
    });
  });

  it('computes the won count as the exact Poisson-binomial, not sampled', () => {
    const pmf = enumerate(P);
    expect(f.exact).to.deep.equal({ won: true, revenue: true });
    expect(f.trials).to.equal(0);
    expect(f.total.won.expected).to.be.closeTo(
      P.reduce((a, b) => a + b),
      1e-12,
    );
    expect(f.total.won.p10).to.equal(quantileOf(pmf, 0.1));
    expect(f.total.won.p50).to.equal(quantileOf(pmf, 0.5));
    expect(f.total.won.p90).to.equal(quantileOf(pmf, 0.9));
    expect(f.goal!.exact).to.equal(true);
    expect(f.goal!.chance).to.be.closeTo(sumFrom(pmf, 3), 1e-12);
  });

  it('scales equal amounts: revenue quantiles are amount × the count’s', () => {
    expect(f.total.revenue.p50).to.equal(1000 * f.total.won.p50);
    expect(f.total.revenue.p90).to.equal(1000 * f.total.won.p90);
    const r = forecast({ ...fixed, goal: { revenue: 2500 } });
    // 2,500 needs 3 deals of 1,000.
    expect(r.goal!.chance).to.be.closeTo(sumFrom(enumerate(P), 3), 1e-12);
  });

  it('takes a quantile as the smallest k with P(X ≤ k) ≥ q (a tie counts)', () => {
    const one = forecast({
      now: JAN_1,
      stages: [{ name: 'Close', rate: 0.5 }],
      deals: [{ id: 'x', stageIndex: 0, amount: 10 }],
    });
    // P(X ≤ 0) = ½ exactly: the median is 0.
    expect([one.total.won.p10, one.total.won.p50, one.total.won.p90]).to.deep.equal([0, 0, 1]);
  });

  it('counts what is already won towards the goal, and says the coverage', () => {
    const r = forecast({ ...fixed, goal: { revenue: 5000 }, achieved: { revenue: 1000 } });
    const value = P.reduce((a, b) => a + b) * 1000;
    expect(r.coverage).to.be.closeTo(value / 4000, 1e-12);
    expect(r.goal!.chance).to.be.closeTo(sumFrom(enumerate(P), 4), 1e-12);
    const done = forecast({ ...fixed, goal: { won: 2 }, achieved: { won: 2 } });
    expect(done.goal).to.deep.equal({ chance: 1, exact: true });
    expect(done.coverage).to.equal(null);
  });
});

describe('forecast: durations', () => {
  const stage = (days: number | undefined, durations?: number[]) => ({
    name: 'Close',
    rate: 0.6,
    ...(days !== undefined ? { days } : {}),
    ...(durations ? { durations } : {}),
  });

  it('lands a win after an exponential time with mean `days`, period by period', () => {
    const f = forecast({
      now: JAN_1,
      period: 'month',
      horizon: 2,
      stages: [stage(30)],
      deals: [{ id: 'x', stageIndex: 0, amount: 100, daysInStage: 12 }],
    });
    // January has 31 days, February 28: P(T < 31) and P(31 ≤ T < 59), memoryless.
    const jan = 1 - Math.exp(-31 / 30);
    const feb = Math.exp(-31 / 30) - Math.exp(-59 / 30);
    expect(f.periods.map((p) => p.period.label)).to.deep.equal(['2026-01', '2026-02']);
    expect(f.periods[0].won.expected).to.be.closeTo(0.6 * jan, 1e-12);
    expect(f.periods[1].won.expected).to.be.closeTo(0.6 * feb, 1e-12);
    expect(f.later.won).to.be.closeTo(0.6 * Math.exp(-59 / 30), 1e-12);
    // Past the horizon is not in the total.
    expect(f.total.won.expected).to.be.closeTo(0.6 * (jan + feb), 1e-12);
    expect(f.deals[0].chanceInHorizon).to.be.closeTo(0.6 * (jan + feb), 1e-12);
    expect(f.total.revenue.expected).to.be.closeTo(60 * (jan + feb), 1e-9);
    expect(f.exact.won).to.equal(true);
  });

  it('conditions observed time in stage on the days already spent', () => {
    const now = new Date(2026, 0, 20).getTime(); // 12 days left in January
    const f = forecast({
      now,
      period: 'month',
      horizon: 3,
      stages: [stage(undefined, [10, 20, 30, 40])],
      deals: [
        // Only the visits of 30 and 40 days outlast 25: 5 or 15 more days, equally likely.
        { id: 'mid', stageIndex: 0, amount: 1, daysInStage: 25.9 },
        // Past every observed visit: exponential with their mean, 25 days.
        { id: 'stale', stageIndex: 0, amount: 1, daysInStage: 90 },
      ],
    });
    const jan = f.periods[0].won.expected;
    expect(jan).to.be.closeTo(0.6 * 0.5 + 0.6 * (1 - Math.exp(-12 / 25)), 1e-12);
    expect(f.deals[0].expectedPeriod).to.equal('2026-01');
    expect(f.deals[1].expectedPeriod).to.equal('2026-02');
  });

  it('adds the time of every stage still ahead', () => {
    const f = forecast({
      now: JAN_1,
      period: 'month',
      horizon: 2,
      stages: [
        { name: 'Offer', rate: 1, durations: [20] },
        { name: 'Close', rate: 1, durations: [15] },
      ],
      deals: [
        { id: 'early', stageIndex: 0, amount: 1, daysInStage: 10 }, // 10 + 15 days: January
        { id: 'late', stageIndex: 0, amount: 1, daysInStage: 0 }, // 20 + 15 days: February
      ],
    });
    expect(f.deals.map((d) => d.expectedPeriod)).to.deep.equal(['2026-01', '2026-02']);
    expect(f.periods.map((p) => p.won.p50)).to.deep.equal([1, 1]);
  });

  it('lands a deal whose stages ahead have no time at its expected close (now, when past)', () => {
    const f = forecast({
      now: JAN_1 + 5 * DAY,
      period: 'quarter',
      horizon: 2,
      stages: [{ name: 'Close', rate: 1 }],
      deals: [
        { id: 'q2', stageIndex: 0, amount: 1, expectedClose: '2026-05-02' },
        { id: 'overdue', stageIndex: 0, amount: 1, expectedClose: '2025-11-30' },
        { id: 'q4', stageIndex: 0, amount: 1, expectedClose: '2026-12-01' },
      ],
    });
    expect(f.deals.map((d) => d.expectedPeriod)).to.deep.equal(['2026-Q2', '2026-Q1', null]);
    expect(f.later.won).to.equal(1);
  });
});

describe('forecast: the chance of any win in a period', () => {
  const closing = (
    deals: { amount: number; close: string }[],
    rate: number | { won: number; of: number },
  ) =>
    forecast({
      now: JAN_1,
      period: 'month',
      horizon: 3,
      trials: 20000,
      stages: [{ name: 'Close', rate }],
      deals: deals.map((d, i) => ({
        id: `d${i}`,
        stageIndex: 0,
        amount: d.amount,
        expectedClose: d.close,
      })),
    });

  it('is 1 − Π (1 − p) over the deals landing there, with fixed rates', () => {
    const f = closing(
      [
        { amount: 1000, close: '2026-01-10' },
        { amount: 1000, close: '2026-01-20' },
        { amount: 1000, close: '2026-02-10' },
      ],
      0.3,
    );
    const chances = f.periods.map((p) => p.chanceOfAnyWin);
    expect(chances[0]).to.be.closeTo(1 - 0.7 * 0.7, 1e-12);
    expect(chances[1]).to.be.closeTo(0.3, 1e-12);
    expect(chances[2]).to.equal(0);
  });

  it('says how rare the win is when the expected revenue lies above p90', () => {
    // One large deal with a 5 % chance: the month most likely brings nothing, on average €500.
    const f = closing([{ amount: 10000, close: '2026-02-10' }], 0.05);
    const feb = f.periods[1];
    expect(feb.revenue.expected).to.be.closeTo(500, 1e-9);
    expect(feb.revenue.p90).to.equal(0);
    expect(feb.chanceOfAnyWin).to.be.closeTo(0.05, 1e-12);
  });

  it('is sampled with the shared drawn rate for observed counts', () => {
    const deals = Array.from({ length: 40 }, (_, i) => ({ amount: 100 + i, close: '2026-01-15' }));
    const f = closing(deals, { won: 3, of: 8 });
    // No win among 40 deals sharing a rate ~ Beta(4, 6): the beta-binomial's P(0).
    const exact = 1 - betaBinomial(40, 4, 6)[0];
    const se = Math.sqrt((exact * (1 - exact)) / 20000);
    expect(f.exact.won).to.equal(false);
    expect(f.periods[0].chanceOfAnyWin).to.be.closeTo(exact, 5 * se);
    expect(f.periods[1].chanceOfAnyWin).to.equal(0);
  });
});

/** Beta-binomial pmf: n deals sharing one rate ~ Beta(a, b). */
function betaBinomial(n: number, a: number, b: number): number[] {
  const lbeta = (x: number, y: number) => logGamma(x) + logGamma(y) - logGamma(x + y);
  const lchoose = (k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return Array.from({ length: n + 1 }, (_, k) =>
    Math.exp(lchoose(k) + lbeta(k + a, n - k + b) - lbeta(a, b)),
  );
}

describe('forecast: observed counts', () => {
  const observed = (deals: number, seed = 1): Forecast =>
    forecast({
      now: JAN_1,
      seed,
      trials: 20000,
      goal: { won: 25 },
      stages: [{ name: 'Close', rate: { won: 3, of: 8 } }],
      deals: Array.from({ length: deals }, (_, i) => ({
        id: `d${i}`,
        stageIndex: 0,
        amount: 100 + i,
      })),
    });

  it('reports the posterior mean as the win probability', () => {
    const f = observed(40);
    expect(f.deals[0].winProbability).to.be.closeTo(4 / 10, 1e-15);
    expect(f.exact.won).to.equal(false);
    expect(f.trials).to.equal(20000);
  });

  it('shares one drawn rate between all deals of a trial (beta-binomial, not binomial)', () => {
    const f = observed(40);
    const pmf = betaBinomial(40, 4, 6);
    const exact = sumFrom(pmf, 25);
    // 5 standard errors of a proportion over 20,000 trials.
    const se = Math.sqrt((exact * (1 - exact)) / 20000);
    expect(f.goal!.chance).to.be.closeTo(exact, 5 * se);
    // Independent rates would make 25 of 40 far rarer: P(Bin(40, 0.4) ≥ 25) ≈ 0.003.
    expect(exact).to.be.greaterThan(0.05);
    const cdf10 = pmf.slice(0, f.total.won.p10 + 1).reduce((a, b) => a + b, 0);
    expect(cdf10).to.be.within(0.1 - 0.02, 0.1 + pmf[f.total.won.p10] + 0.02);
  });

  it('treats many deals the same way (the aggregated draws)', () => {
    const f = observed(2000);
    const pmf = betaBinomial(2000, 4, 6);
    for (const [q, got] of [
      [0.1, f.total.won.p10],
      [0.5, f.total.won.p50],
      [0.9, f.total.won.p90],
    ]) {
      // Where the exact CDF puts the sampled quantile: within 5 standard errors of q.
      const cdf = pmf.slice(0, got + 1).reduce((a, b) => a + b, 0);
      const se = Math.sqrt((q * (1 - q)) / 20000);
      expect(cdf, `p${q * 100}`).to.be.within(q - 5 * se - 0.01, q + 5 * se + 0.01);
    }
  });

  it('is seeded: the same seed gives the same forecast, another seed another sample', () => {
    expect(observed(30, 7)).to.deep.equal(observed(30, 7));
    expect(observed(30, 7).total.revenue).not.to.deep.equal(observed(30, 8).total.revenue);
  });
});

describe('forecast: unequal amounts with fixed rates', () => {
  it('keeps the count exact and samples the revenue around its exact mean', () => {
    const amounts = [100, 200, 400, 800, 1600];
    const f = forecast({
      ...fixed,
      trials: 20000,
      goal: { revenue: 1500 },
      deals: fixed.deals.map((d, i) => ({ ...d, amount: amounts[i] })),
    });
    expect(f.exact).to.deep.equal({ won: true, revenue: false });
    const mean = amounts.reduce((a, x, i) => a + x * P[i], 0);
    expect(f.total.revenue.expected).to.be.closeTo(mean, 1e-9);
    // Exact chance of reaching 1,500, over the 32 outcomes.
    let exact = 0;
    for (let mask = 0; mask < 32; mask++) {
      let prob = 1;
      let sum = 0;
      P.forEach((p, i) => {
        const won = (mask >> i) & 1;
        prob *= won ? p : 1 - p;
        sum += won * amounts[i];
      });
      if (sum >= 1500) exact += prob;
    }
    const se = Math.sqrt((exact * (1 - exact)) / 20000);
    expect(f.goal!.exact).to.equal(false);
    expect(f.goal!.chance).to.be.closeTo(exact, 5 * se);
  });
});

describe('forecast: input', () => {
  const caught = (input: unknown, lang?: 'es' | 'en') => {
    try {
      forecast(input as ForecastInput, lang ? { lang } : {});
    } catch (e) {
      return e as ScenarioError;
    }
    throw new Error('no error');
  };

  it('names every field at fault, in English and Spanish', () => {
    const bad = {
      now: JAN_1,
      period: 'week',
      horizon: 0,
      stages: [
        { name: 'A', rate: 2 },
        { name: 'B', rate: 0.5, durations: [3, -1] },
      ],
      deals: [
        { id: 'x', stageIndex: 5, amount: 10 },
        { id: 'y', stageIndex: 0, amount: '10', expectedClose: '31/12/2026' },
      ],
    };
    const e = caught(bad);
    expect(e).to.be.instanceOf(ScenarioError);
    expect(e.field).to.equal('forecast');
    expect(e.errors.map((x) => x.path).sort()).to.deep.equal(
      [
        'deals[0].stageIndex',
        'deals[1].amount',
        'deals[1].expectedClose',
        'horizon',
        'period',
        'stages[0].rate',
        'stages[1].durations[1]',
      ].sort(),
    );
    const period = e.errors.find((x) => x.path === 'period')!;
    expect(period.message).to.equal('period must be one of quarter, month, not "week".');
    const es = caught(bad, 'es').errors.find((x) => x.path === 'deals[1].expectedClose')!;
    expect(es.message).to.equal(
      'deals[1].expectedClose debe ser una fecha escrita AAAA-MM-DD, como 2026-09-30, no "31/12/2026".',
    );
  });

  it('asks for now, deals and stages', () => {
    expect(
      caught({})
        .errors.map((x) => x.path)
        .sort(),
    ).to.deep.equal(['deals', 'now', 'stages']);
  });
});
