import { expect } from '@open-wc/testing';
import { periodOf, periods } from '../../src/analytics/index.js';
import { build, findNaN, pipelineOf } from './fixtures.js';

/** Local time, like the periods' default calendar. */
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('periodOf', () => {
  it('labels quarters and months and goes back across a year', () => {
    expect(periodOf(at(2026, 8, 14), 'quarter').label).to.equal('2026-Q3');
    expect(periodOf(at(2026, 8, 14), 'month').label).to.equal('2026-08');
    expect(periodOf(at(2026, 2, 1), 'quarter', 1).label).to.equal('2025-Q4');
    expect(periodOf(at(2026, 1, 15), 'month', 1).label).to.equal('2025-12');
    expect(periodOf(at(2026, 1, 15), 'month', 13).label).to.equal('2024-12');
    const q = periodOf(at(2026, 5, 20), 'quarter');
    expect([q.start, q.end]).to.deep.equal([at(2026, 4, 1, 0), at(2026, 7, 1, 0)]);
  });

  it('uses UTC boundaries on request', () => {
    const q = periodOf(Date.UTC(2026, 6, 1), 'quarter', 0, true);
    expect(q).to.deep.equal({
      label: '2026-Q3',
      start: Date.UTC(2026, 6, 1),
      end: Date.UTC(2026, 9, 1),
    });
  });
});

describe('periods', () => {
  const pipeline = pipelineOf(['A', 'B']);
  const { deals, events } = build(pipeline, {
    d1: {
      amount: 1000,
      steps: [
        ['created', 'A', at(2025, 12, 20)],
        ['moved', 'B', at(2026, 1, 10)],
        ['won', 'B', at(2026, 4, 2)],
      ],
    },
    // Lost an hour before the quarter ends.
    d2: {
      amount: 500,
      lostReason: 'Price',
      steps: [
        ['created', 'A', at(2026, 2, 1)],
        ['lost', 'A', at(2026, 3, 31, 23)],
      ],
    },
    // Created in Q1, moved on just after midnight of Q2, still open.
    d3: {
      amount: 500,
      steps: [
        ['created', 'A', at(2026, 3, 31, 22)],
        ['moved', 'B', at(2026, 4, 1, 1)],
      ],
    },
    // Created mid-funnel in Q2 and lost there.
    d4: {
      amount: 500,
      steps: [
        ['created', 'B', at(2026, 4, 5)],
        ['lost', 'B', at(2026, 4, 10)],
      ],
    },
    d5: {
      amount: 2000,
      steps: [
        ['created', 'A', at(2026, 1, 15)],
        ['moved', 'B', at(2026, 2, 10)],
        ['won', 'B', at(2026, 3, 20)],
      ],
    },
  });
  const now = at(2026, 4, 15);
  const [q1, q2] = periods(pipeline, deals, events, { by: 'quarter', now, count: 2 });

  it('returns the periods oldest first, the current one partial', () => {
    expect([q1.label, q2.label]).to.deep.equal(['2026-Q1', '2026-Q2']);
    expect([q1.partial, q2.partial]).to.deep.equal([false, true]);
    expect(q2.start).to.equal(at(2026, 4, 1, 0));
  });

  it('dates every decision in the period it happened', () => {
    // Q1: created d2, d3, d5. Reached A: d2, d3, d5. Reached B: d1 (Jan 10), d5.
    //   A: went on d1, d5; lost d2 → 2 of 3. B: won d5 → 1 of 1. Won d5 (2000), lost d2.
    expect(q1).to.include({ newDeals: 3, won: 1, lost: 1, amountWon: 2000, winRate: 0.5 });
    expect(q1.stages.map((s) => [s.reached, s.advanced, s.lost, s.conversion])).to.deep.equal([
      [3, 2, 1, 2 / 3],
      [2, 1, 0, 1],
    ]);
    // Q2: created d4 (in B, so it reached A then too). Reached B: d3 (Apr 1), d4.
    //   A: went on d3, d4 → 2 of 2. B: won d1, lost d4 → 1 of 2. Won d1 (1000), lost d4.
    expect(q2).to.include({ newDeals: 1, won: 1, lost: 1, amountWon: 1000, winRate: 0.5 });
    expect(q2.stages.map((s) => [s.reached, s.advanced, s.lost, s.conversion])).to.deep.equal([
      [1, 2, 0, 1],
      [2, 1, 1, 0.5],
    ]);
  });

  it('gives the change from the previous period', () => {
    // Q2 against Q1.
    expect(q2.change.newDeals).to.deep.equal({ abs: -2, rel: -2 / 3 });
    expect(q2.change.won).to.deep.equal({ abs: 0, rel: 0 });
    expect(q2.change.amountWon).to.deep.equal({ abs: -1000, rel: -0.5 });
    expect(q2.change.winRate).to.deep.equal({ abs: 0, rel: 0 });
    expect(q2.change.stages[0].conversion).to.deep.equal({
      abs: 1 - 2 / 3,
      rel: (1 - 2 / 3) / (2 / 3),
    });
    expect(q2.change.stages[1].conversion).to.deep.equal({ abs: -0.5, rel: -0.5 });
    expect(q2.change.stages[1].reached).to.deep.equal({ abs: 0, rel: 0 });
    // Q1 against 2025-Q4, which only saw d1 created: no closes, no decided fates there.
    expect(q1.change.newDeals).to.deep.equal({ abs: 2, rel: 2 });
    expect(q1.change.won).to.deep.equal({ abs: 1, rel: null });
    expect(q1.change.winRate).to.equal(null);
    expect(q1.change.stages[0].conversion).to.equal(null);
    expect(q1.change.stages[0].reached).to.deep.equal({ abs: 2, rel: 2 });
  });

  it('splits by month', () => {
    const months = periods(pipeline, deals, events, { by: 'month', now, count: 3 });
    expect(months.map((m) => m.label)).to.deep.equal(['2026-02', '2026-03', '2026-04']);
    // February: d2 created, d5 reached B. March: d3 created, d5 won, d2 lost. April: d4 created.
    expect(months.map((m) => [m.newDeals, m.won, m.lost])).to.deep.equal([
      [1, 0, 0],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(months[0].stages[1].reached).to.equal(1);
    // January saw d5 created and d1 moving to B.
    expect(months[0].change.newDeals).to.deep.equal({ abs: 0, rel: 0 });
  });

  it('has no NaN for an empty pipeline', () => {
    for (const p of [pipelineOf(['A', 'B']), pipelineOf([])]) {
      const rows = periods(p, [], [], { now, count: 4 });
      expect(rows).to.have.length(4);
      expect(findNaN(rows)).to.equal(null);
      expect(rows[3].winRate).to.equal(null);
      expect(rows[3].change.newDeals).to.deep.equal({ abs: 0, rel: null });
    }
  });
});
