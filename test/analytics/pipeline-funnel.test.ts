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
  // w2 starts mid-funnel and is won from B; l2 skips B; back goes to C and is sent back to A.
  const { deals, events } = build(pipeline, {
    w1: {
      steps: [
        ['created', 'A', day(0)],
        ['moved', 'B', day(1)],
        ['moved', 'C', day(3)],
        ['won', 'C', day(5)],
      ],
    },
    w2: {
      steps: [
        ['created', 'B', day(1)],
        ['won', 'B', day(4)],
      ],
    },
    l1: {
      steps: [
        ['created', 'A', day(0)],
        ['lost', 'A', day(2)],
      ],
    },
    l2: {
      steps: [
        ['created', 'A', day(1)],
        ['moved', 'C', day(2)],
        ['lost', 'C', day(6)],
      ],
    },
    o1: {
      steps: [
        ['created', 'A', day(2)],
        ['moved', 'B', day(3)],
      ],
    },
    back: {
      steps: [
        ['created', 'A', day(2)],
        ['moved', 'C', day(4)],
        ['moved', 'A', day(5)],
      ],
    },
  });
  const now = day(20);

  it('gives reached per stage from history, a Won band, and the decided deals behind each step', () => {
    const funnel = pipelineFunnel(pipeline, deals, events, { now });
    // Reached: A all 6; B all but l1 (l2 and back passed it on their way to C, w2 began there);
    // C w1, w2 (won), l2 and back. Decided at A: five went on, l1 was lost → 5 of 6. At B: w1,
    // w2, l2 and back went on, o1 is still open there → 4 of 4. At C: w1 and w2 were won, l2
    // lost, back is open (C is the furthest it got) → 2 of 3.
    expect(funnel.rows).to.deep.equal([
      {
        kind: 'stage',
        stageId: 'A',
        name: 'Stage A',
        reached: 6,
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
        observed: { won: 4, of: 4 },
        conversion: 1,
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
    }).to.deep.equal({ deals: 6, won: 2, lost: 2, open: 2 });
  });

  it('counts a deal sent back where it got furthest, unlike the board’s current counts', () => {
    const history = pipelineFunnel(pipeline, deals, events, { now }).rows.map((r) => r.reached);
    const live = liveCounts(pipeline, deals).stages.map((s) => s.reached);
    // back sits in A now: the board counts it in A only; the history knows it reached C.
    expect(history.slice(0, 3)).to.deep.equal([6, 5, 4]);
    expect(live).to.deep.equal([6, 4, 3]);
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
    const early = pipelineFunnel(pipeline, deals, events, { now: day(2.5) });
    // By then: w1 and w2 in B, l1 lost in A, l2 in C, o1 and back just created in A.
    expect(early.rows.map((r) => r.reached)).to.deep.equal([6, 3, 1, 0]);
    expect(early.rows.map((r) => r.observed)).to.deep.equal([
      null,
      { won: 3, of: 4 },
      { won: 1, of: 1 },
      { won: 0, of: 0 },
    ]);
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
