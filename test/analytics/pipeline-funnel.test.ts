import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  liveCounts,
  pipelineFunnel,
  sampleHistory,
  scenarioFromPipeline,
  stageStats,
} from '../../src/analytics/index.js';
import { build, day, findNaN, pipelineOf } from './fixtures.js';

describe('pipelineFunnel', () => {
  const pipeline = pipelineOf(['A', 'B', 'C']);
  // scenario.test.ts's history, plus d6: sent back from C to A and still open there.
  const { deals, events } = build(pipeline, {
    old: {
      steps: [
        ['created', 'C', day(-200)],
        ['won', 'C', day(-190)],
      ],
    },
    d1: {
      steps: [
        ['created', 'A', day(0)],
        ['moved', 'B', day(2)],
        ['moved', 'C', day(5)],
        ['won', 'C', day(9)],
      ],
    },
    d2: {
      steps: [
        ['created', 'A', day(0)],
        ['moved', 'B', day(4)],
        ['lost', 'B', day(10)],
      ],
    },
    d3: {
      steps: [
        ['created', 'A', day(1)],
        ['lost', 'A', day(2)],
      ],
    },
    d4: {
      steps: [
        ['created', 'A', day(1)],
        ['moved', 'B', day(3)],
        ['moved', 'C', day(4)],
        ['lost', 'C', day(8)],
      ],
    },
    d5: { steps: [['created', 'A', day(15)]] },
    d6: {
      steps: [
        ['created', 'A', day(2)],
        ['moved', 'C', day(6)],
        ['moved', 'A', day(7)],
      ],
    },
  });
  const now = day(20);

  it('gives reached per stage from history, a Won band, and the decided deals behind each step', () => {
    const funnel = pipelineFunnel(pipeline, deals, events, { now });
    // Reached: A all 7; B old, d1, d2, d4, d6 (skipped B on its way to C); C old, d1, d4, d6.
    // Decided at A: d1, d2, d4, d6, old went on, d3 lost (d5 open) → 5 of 6; at B: old, d1,
    // d4, d6 went on, d2 lost → 4 of 5; at C: old, d1 won, d4 lost (d6 open, furthest C) → 2 of 3.
    expect(funnel.rows).to.deep.equal([
      {
        kind: 'stage',
        stageId: 'A',
        name: 'Stage A',
        reached: 7,
        observed: null,
        conversion: null,
      },
      {
        kind: 'stage',
        stageId: 'B',
        name: 'Stage B',
        reached: 5,
        observed: { won: 5, of: 6 },
        conversion: 5 / 6,
      },
      {
        kind: 'stage',
        stageId: 'C',
        name: 'Stage C',
        reached: 4,
        observed: { won: 4, of: 5 },
        conversion: 4 / 5,
      },
      {
        kind: 'won',
        stageId: null,
        name: 'Won',
        reached: 2,
        observed: { won: 2, of: 3 },
        conversion: 2 / 3,
      },
    ]);
    expect({
      deals: funnel.deals,
      won: funnel.won,
      lost: funnel.lost,
      open: funnel.open,
    }).to.deep.equal({ deals: 7, won: 2, lost: 3, open: 2 });
  });

  it('counts a deal sent back where it got furthest, unlike the board’s current counts', () => {
    const history = pipelineFunnel(pipeline, deals, events, { now }).rows.map((r) => r.reached);
    const live = liveCounts(pipeline, deals).stages.map((s) => s.reached);
    // d6 sits in A now: the board counts it in A only; the history knows it reached C.
    expect(history.slice(0, 3)).to.deep.equal([7, 5, 4]);
    expect(live).to.deep.equal([7, 4, 3]);
  });

  it('states the same observed counts as scenarioFromPipeline, stage for stage', () => {
    const funnel = pipelineFunnel(pipeline, deals, events, { now });
    const scenario = scenarioFromPipeline(pipeline, deals, events, { now });
    expect(funnel.rows.slice(1).map((r) => r.observed)).to.deep.equal(
      scenario.stages.map((s) => s.observed),
    );
  });

  it('names stages and the Won band in the language asked for', () => {
    const es = pipelineFunnel(pipeline, deals, events, { now, lang: 'es' });
    expect(es.rows.map((r) => r.name)).to.deep.equal(['Etapa A', 'Etapa B', 'Etapa C', 'Ganadas']);
    const own = pipelineFunnel(pipeline, deals, events, { now, lang: 'en', wonName: 'Closed' });
    expect(own.rows[3].name).to.equal('Closed');
  });

  it('ignores what happened after now', () => {
    const early = pipelineFunnel(pipeline, deals, events, { now: day(3) });
    // By day 3: d1 in B, d2 in A, d3 lost in A, d4 in B, old won; d5 and d6 not yet (d6 in A).
    expect(early.rows.map((r) => r.reached)).to.deep.equal([6, 3, 1, 1]);
    expect(early.rows[1].observed).to.deep.equal({ won: 3, of: 4 });
  });

  it('has no NaN without deals, and no bands without stages', () => {
    const empty = pipelineFunnel(pipeline, [], [], { now });
    expect(findNaN(empty)).to.equal(null);
    expect(empty.rows.map((r) => [r.reached, r.conversion])).to.deep.equal([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
    expect(empty.rows.slice(1).map((r) => r.observed)).to.deep.equal([
      { won: 0, of: 0 },
      { won: 0, of: 0 },
      { won: 0, of: 0 },
    ]);
    expect(pipelineFunnel(pipelineOf([]), [], [], { now }).rows).to.deep.equal([]);
  });

  it('holds for any sample history: narrowing bands, the simulator’s counts, conversion = won / of', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 90 }),
        (seed, count, daysLater) => {
          const at = Date.UTC(2026, 5, 30);
          const sample = sampleHistory({ seed, deals: count, now: at });
          const later = at + daysLater * 86_400_000;
          const args = [sample.pipeline, sample.deals, sample.events] as const;
          const funnel = pipelineFunnel(...args, { now: later });
          const stats = stageStats(...args, { now: later });
          const scenario = scenarioFromPipeline(...args, { now: later });
          const reached = funnel.rows.map((r) => r.reached);
          expect(reached.slice(0, -1)).to.deep.equal(stats.stages.map((s) => s.reached));
          expect(reached.at(-1)).to.equal(stats.won);
          reached.slice(1).forEach((r, i) => expect(r).to.be.at.most(reached[i]));
          expect(funnel.rows.slice(1).map((r) => r.observed)).to.deep.equal(
            scenario.stages.map((s) => s.observed),
          );
          for (const r of funnel.rows.slice(1)) {
            const { won, of } = r.observed!;
            expect(r.conversion).to.equal(of > 0 ? won / of : null);
          }
        },
      ),
      { numRuns: 60, seed: 20260630 },
    );
  });
});
