import { expect } from '@open-wc/testing';
import { stageStats } from '../../src/analytics/index.js';
import { build, day, findNaN, pipelineOf } from './fixtures.js';

const pick = (s: { stages: { reached: number; advanced: number; lost: number; open: number }[] }) =>
  s.stages.map(({ reached, advanced, lost, open }) => [reached, advanced, lost, open]);

describe('stageStats', () => {
  describe('forward-only history', () => {
    const pipeline = pipelineOf(['A', 'B', 'C']);
    const { deals, events } = build(pipeline, {
      d1: {
        amount: 5000,
        steps: [
          ['created', 'A', day(0)],
          ['moved', 'B', day(2)],
          ['moved', 'C', day(5)],
          ['won', 'C', day(9)],
        ],
      },
      d2: {
        lostReason: 'Price',
        steps: [
          ['created', 'A', day(0)],
          ['moved', 'B', day(4)],
          ['lost', 'B', day(10)],
        ],
      },
      d3: {
        lostReason: 'No budget',
        steps: [
          ['created', 'A', day(1)],
          ['lost', 'A', day(2)],
        ],
      },
      d4: {
        lostReason: 'Price',
        steps: [
          ['created', 'A', day(1)],
          ['moved', 'B', day(3)],
          ['moved', 'C', day(4)],
          ['lost', 'C', day(8)],
        ],
      },
    });
    const stats = stageStats(pipeline, deals, events, { now: day(20) });

    it('counts reached, advanced, lost and open per stage', () => {
      // Depths: d1 won (past C), d2 B, d3 A, d4 C.
      // A: all 4 reached; d1, d2, d4 went on; d3 lost there.
      // B: d1, d2, d4 reached; d1, d4 went on; d2 lost.
      // C: d1, d4 reached; d1 won; d4 lost.
      expect(pick(stats)).to.deep.equal([
        [4, 3, 1, 0],
        [3, 2, 1, 0],
        [2, 1, 1, 0],
      ]);
      expect(stats.stages.map((s) => s.observed)).to.deep.equal([
        { won: 3, of: 4 },
        { won: 2, of: 3 },
        { won: 1, of: 2 },
      ]);
      expect(stats.stages.map((s) => s.conversion)).to.deep.equal([3 / 4, 2 / 3, 1 / 2]);
      expect(stats.stages.map((s) => s.naiveConversion)).to.deep.equal([3 / 4, 2 / 3, 1 / 2]);
    });

    it('gives totals, amounts and lost reasons', () => {
      expect(stats.deals).to.equal(4);
      expect([stats.won, stats.lost, stats.open]).to.deep.equal([1, 3, 0]);
      expect(stats.winRate).to.equal(0.25);
      expect(stats.overallConversion).to.equal(0.25);
      expect(stats.amountWon).to.equal(5000);
      expect(stats.amountLost).to.equal(3000);
      expect(stats.currency).to.equal('EUR');
      expect(stats.lostReasons).to.deep.equal({ Price: 2, 'No budget': 1 });
      expect(stats.stages.map((s) => s.lostReasons)).to.deep.equal([
        { 'No budget': 1 },
        { Price: 1 },
        { Price: 1 },
      ]);
      expect(stats.stages.map((s) => s.lostWhileIn)).to.deep.equal([1, 1, 1]);
    });

    it('takes median and quartiles of days in stage from consecutive events', () => {
      // A visits: d1 0→2, d2 0→4, d3 1→2, d4 1→3 → [1, 2, 2, 4]:
      //   median (2+2)/2 = 2; p25 at rank 0.75 → 1 + 0.75·1 = 1.75; p75 at rank 2.25 → 2 + 0.25·2 = 2.5.
      // B visits: d1 2→5, d2 4→10, d4 3→4 → [1, 3, 6]: median 3; p25 rank 0.5 → 2; p75 rank 1.5 → 4.5.
      // C visits: d1 5→9, d4 4→8 → [4, 4].
      expect(stats.stages.map((s) => [s.medianDays, s.p25Days, s.p75Days])).to.deep.equal([
        [2, 1.75, 2.5],
        [3, 2, 4.5],
        [4, 4, 4],
      ]);
      expect(stats.stages.map((s) => s.stays)).to.deep.equal([4, 3, 2]);
      expect(stats.stages.map((s) => s.openMedianDays)).to.deep.equal([null, null, null]);
      expect(stats.backwardMoves).to.equal(0);
    });

    it('names stages in the language asked for', () => {
      const es = stageStats(pipeline, deals, events, { now: day(20), lang: 'es' });
      expect(es.stages.map((s) => s.name)).to.deep.equal(['Etapa A', 'Etapa B', 'Etapa C']);
      expect(stats.stages.map((s) => s.name)).to.deep.equal(['Stage A', 'Stage B', 'Stage C']);
    });

    it('restricts the cohort to deals created in [from, to)', () => {
      // Only d3 and d4 were created on day 1.
      const late = stageStats(pipeline, deals, events, { now: day(20), from: day(1) });
      expect(pick(late)).to.deep.equal([
        [2, 1, 1, 0],
        [1, 1, 0, 0],
        [1, 0, 1, 0],
      ]);
      const early = stageStats(pipeline, deals, events, { now: day(20), to: day(1) });
      expect(early.deals).to.equal(2);
      expect(early.won).to.equal(1);
    });

    it('ignores events after now: the history as it stood then', () => {
      // At day 6: d1 in C (open), d2 in B (open), d3 lost in A, d4 in C (open).
      const then = stageStats(pipeline, deals, events, { now: day(6) });
      expect(pick(then)).to.deep.equal([
        [4, 3, 1, 0],
        [3, 2, 0, 1],
        [2, 0, 0, 2],
      ]);
      expect(then.stages[2].conversion).to.equal(null);
      // Open visits measured up to day 6: d1 in C since 5, d4 since 4 → median 1.5; d2 in B since 4 → 2.
      expect(then.stages[2].openMedianDays).to.equal(1.5);
      expect(then.stages[1].openMedianDays).to.equal(2);
      expect(then.stages.map((s) => s.current)).to.deep.equal([0, 1, 2]);
    });
  });

  describe('backward moves', () => {
    const pipeline = pipelineOf(['A', 'B', 'C', 'D']);
    const { deals, events } = build(pipeline, {
      // Reached D, a new decision maker sent it back to A, then won.
      d1: {
        steps: [
          ['created', 'A', day(0)],
          ['moved', 'B', day(1)],
          ['moved', 'C', day(3)],
          ['moved', 'D', day(4)],
          ['moved', 'A', day(6)],
          ['moved', 'B', day(8)],
          ['moved', 'C', day(10)],
          ['moved', 'D', day(12)],
          ['won', 'D', day(15)],
        ],
      },
      // Reached C, sent back to A, lost there.
      d2: {
        lostReason: 'No decision',
        steps: [
          ['created', 'A', day(0)],
          ['moved', 'B', day(2)],
          ['moved', 'C', day(3)],
          ['moved', 'A', day(5)],
          ['lost', 'A', day(7)],
        ],
      },
      // Bounced between A and B twice, open in B.
      d3: {
        steps: [
          ['created', 'A', day(0)],
          ['moved', 'B', day(1)],
          ['moved', 'A', day(2)],
          ['moved', 'B', day(3)],
          ['moved', 'A', day(4)],
          ['moved', 'B', day(6)],
        ],
      },
    });
    const stats = stageStats(pipeline, deals, events, { now: day(20) });

    it('counts each deal once per stage it reached, at its furthest stage', () => {
      // Depths: d1 won, d2 C (lost), d3 B (open).
      expect(pick(stats)).to.deep.equal([
        [3, 3, 0, 0],
        [3, 2, 0, 1],
        [2, 1, 1, 0],
        [1, 1, 0, 0],
      ]);
      // B: d3 is still open there, so it is censored: 2 of 2 decided, not 2 of 3.
      expect(stats.stages[1].observed).to.deep.equal({ won: 2, of: 2 });
      expect(stats.stages[1].conversion).to.equal(1);
      expect(stats.stages[1].naiveConversion).to.equal(2 / 3);
      expect(stats.stages[2].conversion).to.equal(0.5);
      // d2 is lost at C for the funnel, but it was sitting in A when lost.
      expect(stats.stages.map((s) => s.lostWhileIn)).to.deep.equal([1, 0, 0, 0]);
      expect(stats.stages[2].lostReasons).to.deep.equal({ 'No decision': 1 });
      expect(stats.stages.map((s) => s.current)).to.deep.equal([0, 1, 0, 0]);
    });

    it('counts backward moves at the stage they left', () => {
      // d1 D→A, d2 C→A, d3 B→A twice.
      expect(stats.stages.map((s) => s.backwardMoves)).to.deep.equal([0, 2, 1, 1]);
      expect(stats.backwardMoves).to.equal(4);
      expect(stats.dealsMovedBack).to.equal(3);
    });

    it('times every visit, returning ones included', () => {
      // A visits: d1 0→1, 6→8; d2 0→2, 5→7; d3 0→1, 2→3, 4→6 → [1,1,1,2,2,2,2]:
      //   median rank 3 → 2; p25 rank 1.5 → 1; p75 rank 4.5 → 2.
      expect([
        stats.stages[0].medianDays,
        stats.stages[0].p25Days,
        stats.stages[0].p75Days,
      ]).to.deep.equal([2, 1, 2]);
      expect(stats.stages[0].stays).to.equal(7);
      // B finished visits: d1 1→3, 8→10; d2 2→3; d3 1→2, 3→4 → [1,1,1,2,2]: median 1.
      // d3's current visit (since day 6, now day 20) is kept apart: 14 days.
      expect(stats.stages[1].stays).to.equal(5);
      expect(stats.stages[1].medianDays).to.equal(1);
      expect(stats.stages[1].openMedianDays).to.equal(14);
      // D visits: d1 4→6, 12→15 → [2, 3]: median 2.5.
      expect(stats.stages[3].medianDays).to.equal(2.5);
    });
  });

  describe('deals created mid-funnel and won early', () => {
    const pipeline = pipelineOf(['A', 'B', 'C']);
    const { deals, events } = build(pipeline, {
      d1: {
        steps: [
          ['created', 'C', day(0)],
          ['won', 'C', day(3)],
        ],
      },
      d2: {
        steps: [
          ['created', 'B', day(0)],
          ['lost', 'B', day(1)],
        ],
      },
      d3: { steps: [['created', 'A', day(0)]] },
      // Won straight from A: a win passes every stage.
      d4: {
        steps: [
          ['created', 'A', day(0)],
          ['won', 'A', day(2)],
        ],
      },
    });
    const stats = stageStats(pipeline, deals, events, { now: day(10) });

    it('counts the stages before the entry stage as passed, and a win as passing all', () => {
      // Depths: d1 won, d2 B (lost), d3 A (open), d4 won.
      // A: reached 4; went on: d1, d2, d4; open: d3 → 3 of 3 decided.
      // B: reached d1, d2, d4; went on d1, d4; lost d2 → 2 of 3.
      // C: reached d1, d4, both won → 2 of 2.
      expect(pick(stats)).to.deep.equal([
        [4, 3, 0, 1],
        [3, 2, 1, 0],
        [2, 2, 0, 0],
      ]);
      expect(stats.stages.map((s) => s.conversion)).to.deep.equal([1, 2 / 3, 1]);
      // Only real visits are timed: C was visited by d1 alone (3 days), B by d2 (1 day).
      expect(stats.stages.map((s) => s.medianDays)).to.deep.equal([2, 1, 3]);
    });
  });

  describe('open deals are censored', () => {
    const pipeline = pipelineOf(['A', 'B']);
    const specs: Parameters<typeof build>[1] = {};
    // 4 moved on to B (still open there), 2 lost in A, 4 still open in A.
    for (let k = 0; k < 4; k++)
      specs[`adv${k}`] = {
        steps: [
          ['created', 'A', day(0)],
          ['moved', 'B', day(1 + k)],
        ],
      };
    for (let k = 0; k < 2; k++)
      specs[`lost${k}`] = {
        steps: [
          ['created', 'A', day(0)],
          ['lost', 'A', day(2)],
        ],
      };
    for (let k = 0; k < 4; k++) specs[`open${k}`] = { steps: [['created', 'A', day(k)]] };
    const { deals, events } = build(pipeline, specs);
    const stats = stageStats(pipeline, deals, events, { now: day(30) });

    it('leaves open deals out of the denominator', () => {
      expect(stats.stages[0].observed).to.deep.equal({ won: 4, of: 6 });
      expect(stats.stages[0].conversion).to.equal(4 / 6);
      expect(stats.stages[0].naiveConversion).to.equal(4 / 10);
      // B: nothing decided yet.
      expect(stats.stages[1].observed).to.deep.equal({ won: 0, of: 0 });
      expect(stats.stages[1].conversion).to.equal(null);
      expect(stats.stages[1].naiveConversion).to.equal(0);
      expect(stats.winRate).to.equal(0);
      // Open visits in A: created days 0..3, now 30 → ages 30, 29, 28, 27: median 28.5.
      expect(stats.stages[0].openMedianDays).to.equal(28.5);
      // Open in B since days 1..4 → 29, 28, 27, 26: median 27.5.
      expect(stats.stages[1].openMedianDays).to.equal(27.5);
    });
  });

  describe('reopened deals', () => {
    const pipeline = pipelineOf(['A', 'B']);
    const { deals, events } = build(pipeline, {
      // Lost in A, reopened, then won: the loss no longer counts.
      d1: {
        steps: [
          ['created', 'A', day(0)],
          ['lost', 'A', day(2)],
          ['reopened', 'A', day(5)],
          ['moved', 'B', day(6)],
          ['won', 'B', day(8)],
        ],
      },
      // Won from B, then reopened: open in B, the win no longer counts.
      d2: {
        steps: [
          ['created', 'A', day(0)],
          ['moved', 'B', day(1)],
          ['won', 'B', day(2)],
          ['reopened', 'B', day(4)],
        ],
      },
    });
    const stats = stageStats(pipeline, deals, events, { now: day(10) });

    it('uses the outcome as it stands after the reopening', () => {
      expect([stats.won, stats.lost, stats.open]).to.deep.equal([1, 0, 1]);
      expect(pick(stats)).to.deep.equal([
        [2, 2, 0, 0],
        [2, 1, 0, 1],
      ]);
      // A visits: d1 0→2 and 5→6, d2 0→1 → [1, 1, 2]: median 1.
      // B visits: d1 6→8, d2 1→2 → median 1.5; d2 open in B since day 4 → 6 days.
      expect(stats.stages.map((s) => [s.stays, s.medianDays, s.openMedianDays])).to.deep.equal([
        [3, 1, null],
        [2, 1.5, 6],
      ]);
    });
  });

  describe('records without history, other pipelines and unknown stages', () => {
    const pipeline = pipelineOf(['A', 'B']);
    const { deals, events } = build(pipeline, {
      d1: {
        steps: [
          ['created', 'A', day(0)],
          ['moved', 'B', day(3)],
        ],
      },
    });
    deals.push(
      // Imported without events: open in B since day 2.
      { ...deals[0], id: 'imported', createdAt: day(1), stageEnteredAt: day(2), version: 1 },
      // Another pipeline's deal, and a deal in a stage this pipeline does not have.
      { ...deals[0], id: 'other', pipelineId: 'p2' },
      { ...deals[0], id: 'ghost', stageId: 'Z' },
    );
    // An event of a deal that does not exist.
    events.push({ ...events[0], id: 'x', dealId: 'missing', to: 'B' });
    const stats = stageStats(pipeline, deals, events, { now: day(6) });

    it('counts a record without events in its current stage, leaves the rest out', () => {
      expect(stats.deals).to.equal(2);
      expect(stats.unplaced).to.equal(1);
      expect(pick(stats)).to.deep.equal([
        [2, 2, 0, 0],
        [2, 0, 0, 2],
      ]);
      // Open in B: d1 since day 3 (3 days), imported since day 2 (4 days) → 3.5.
      expect(stats.stages[1].openMedianDays).to.equal(3.5);
      expect(stats.stages[0].stays).to.equal(1);
    });
  });

  describe('empty input', () => {
    it('has no NaN: 0 of 0 is a null conversion', () => {
      const pipeline = pipelineOf(['A', 'B']);
      const stats = stageStats(pipeline, [], [], { now: day(0) });
      expect(findNaN(stats)).to.equal(null);
      expect(stats.stages[0]).to.include({
        reached: 0,
        conversion: null,
        naiveConversion: null,
        medianDays: null,
        p25Days: null,
        openMedianDays: null,
      });
      expect(stats.winRate).to.equal(null);
      expect(stats.overallConversion).to.equal(null);
    });

    it('handles a pipeline without stages', () => {
      const pipeline = pipelineOf([]);
      const stats = stageStats(pipeline, [], [], { now: day(0) });
      expect(stats.stages).to.deep.equal([]);
      expect(findNaN(stats)).to.equal(null);
    });
  });
});
