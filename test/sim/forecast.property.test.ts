import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { forecast, type Band, type ForecastInput } from '../../src/sim/index.js';

const NOW = new Date(2026, 4, 17).getTime();

/** A pipeline of 1–4 stages with fixed or observed rates, maybe durations, and 0–30 open deals. */
const pipeline = (observed: boolean) =>
  fc
    .record({
      rates: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
      days: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
      horizon: fc.constantFrom(1, 2, 4, Infinity),
      period: fc.constantFrom('month' as const, 'quarter' as const),
      deals: fc.array(
        fc.record({
          stage: fc.nat(),
          amount: fc.integer({ min: 0, max: 100000 }),
          days: fc.integer({ min: 0, max: 200 }),
        }),
        { maxLength: 30 },
      ),
      goal: fc.integer({ min: 0, max: 20 }),
    })
    .map(({ rates, days, horizon, period, deals, goal }): ForecastInput => ({
      now: NOW,
      horizon,
      period,
      trials: 500,
      goal: { won: goal },
      stages: rates.map((rate, i) => ({
        name: `S${i}`,
        rate: observed ? { won: Math.round(rate * 20), of: 20 } : rate,
        ...(days !== undefined ? { days } : {}),
      })),
      deals: deals.map((d, i) => ({
        id: `d${i}`,
        stageIndex: d.stage % rates.length,
        amount: d.amount,
        daysInStage: d.days,
      })),
    }));

const ordered = (b: Band) => b.p10 <= b.p50 && b.p50 <= b.p90;

describe('forecast (properties)', () => {
  for (const observed of [false, true]) {
    it(`orders p10 ≤ p50 ≤ p90 and keeps every figure within its bounds (${observed ? 'observed' : 'fixed'} rates)`, () => {
      fc.assert(
        fc.property(pipeline(observed), (input) => {
          const f = forecast(input);
          const n = input.deals.length;
          const money = input.deals.reduce((a, d) => a + d.amount, 0);
          for (const band of [f.total, ...f.periods]) {
            expect(ordered(band.won) && ordered(band.revenue)).to.equal(true);
            expect(band.won.p10).to.be.at.least(0);
            expect(band.won.p90).to.be.at.most(n);
            expect(band.won.expected).to.be.within(0, n + 1e-9);
            expect(band.revenue.expected).to.be.within(0, money * (1 + 1e-12) + 1e-9);
          }
          for (const p of f.periods) {
            // p90 is 0 exactly when at least 9 outcomes in 10 win nothing in the period.
            if (p.won.p90 === 0) expect(p.chanceOfAnyWin).to.be.within(0, 0.1 + 1e-9);
            else expect(p.chanceOfAnyWin).to.be.within(0.1 - 1e-9, 1);
          }
          expect(f.goal!.chance).to.be.within(0, 1);
          // Every expected win lands somewhere: in a listed period or later.
          const landed = f.periods.reduce((a, p) => a + p.won.expected, 0) + f.later.won;
          const wins = f.deals.reduce((a, d) => a + d.winProbability, 0);
          expect(landed).to.be.closeTo(wins, 1e-9 * (1 + wins));
          for (const d of f.deals) expect(d.chanceInHorizon).to.be.at.most(d.winProbability);
        }),
        { seed: 3, numRuns: 60 },
      );
    });
  }

  it('never lowers the chance or the expected wins when one fixed rate goes up', () => {
    fc.assert(
      fc.property(
        pipeline(false),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (input, pick, up) => {
          const i = pick % input.stages.length;
          const rate = input.stages[i].rate as number;
          const better = {
            ...input,
            stages: input.stages.map((s, j) =>
              j === i ? { ...s, rate: rate + (1 - rate) * up } : s,
            ),
          };
          const [a, b] = [forecast(input), forecast(better)];
          expect(b.goal!.chance).to.be.at.least(a.goal!.chance - 1e-12);
          expect(b.total.won.expected).to.be.at.least(a.total.won.expected - 1e-12);
          expect(b.total.won.p50).to.be.at.least(a.total.won.p50);
        },
      ),
      { seed: 4, numRuns: 60 },
    );
  });

  it('gives the exact chance of a won goal, whatever the order of the deals', () => {
    fc.assert(
      fc.property(pipeline(false), (input) => {
        const reversed = { ...input, deals: [...input.deals].reverse() };
        expect(forecast(reversed).goal!.chance).to.be.closeTo(forecast(input).goal!.chance, 1e-12);
      }),
      { seed: 5, numRuns: 40 },
    );
  });
});
