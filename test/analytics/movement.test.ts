import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { movement, sampleHistory } from '../../src/analytics/index.js';
import { build, day, pipelineOf } from './fixtures.js';

describe('movement', () => {
  // The first quarter of 2026 starts on day(−4) (1 January); now is day(40), 14 February.
  const pipeline = pipelineOf(['A', 'B']);
  const { deals, events } = build(pipeline, {
    a: {
      amount: 100,
      steps: [
        ['created', 'A', day(-10)],
        ['won', 'A', day(10)],
      ],
    },
    b: {
      amount: 200,
      steps: [
        ['created', 'A', day(-10)],
        ['lost', 'A', day(-5)],
        ['reopened', 'A', day(5)],
      ],
    },
    c: {
      amount: 400,
      steps: [
        ['created', 'A', day(-8)],
        ['moved', 'B', day(-6)],
        ['moved', 'A', day(3)],
      ],
    },
    d: {
      amount: 800,
      steps: [
        ['created', 'A', day(2)],
        ['lost', 'A', day(20)],
      ],
    },
    e: { amount: 1600, steps: [['created', 'B', day(6)]] },
    f: {
      amount: 3200,
      steps: [
        ['created', 'A', day(-20)],
        ['won', 'A', day(-15)],
      ],
    },
  });
  deals.find((d) => d.id === 'c')!.expectedClose = '2026-05-01';
  const m = movement(pipeline, deals, events, { now: day(40) });

  it('accounts for every deal: open at the start + created − won − lost + reopened = open now', () => {
    expect(m.period.label).to.equal('2026-Q1');
    expect(m.openAtStart).to.deep.equal({ count: 2, amount: 500 });
    expect(m.created).to.deep.equal({ count: 2, amount: 2400 });
    expect(m.won).to.deep.equal({ count: 1, amount: 100 });
    expect(m.lost).to.deep.equal({ count: 1, amount: 800 });
    expect(m.reopened).to.deep.equal({ count: 1, amount: 200 });
    expect(m.openNow).to.deep.equal({ count: 3, amount: 2200 });
  });

  it('says which deals were sent back, and which slipped past the period end', () => {
    expect(m.movedBack).to.deep.equal({ count: 1, amount: 400 });
    expect(m.slipped).to.deep.equal({ count: 1, amount: 400 });
  });

  it('balances on any sample history, in counts and money', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 120 }),
        (seed, back) => {
          const now = Date.UTC(2026, 8, 30) - back * 86_400_000;
          const h = sampleHistory({ now, seed, deals: 80 });
          const x = movement(h.pipeline, h.deals, h.events, { now });
          const flow = (k: 'count' | 'amount') =>
            x.openAtStart[k] + x.created[k] - x.won[k] - x.lost[k] + x.reopened[k];
          expect(flow('count')).to.equal(x.openNow.count);
          expect(flow('amount')).to.be.closeTo(x.openNow.amount, 1e-6);
        },
      ),
      { seed: 9, numRuns: 25 },
    );
  });
});
