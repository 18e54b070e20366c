import { expect } from '@open-wc/testing';
import { liveCounts } from '../../src/analytics/index.js';
import type { Deal } from '../../src/model/types.js';
import { day, findNaN, pipelineOf } from './fixtures.js';

const pipeline = pipelineOf(['A', 'B', 'C'], [0.1, 0.4, 0.7]);

function deal(id: string, stageId: string, outcome: Deal['outcome'], amount: number): Deal {
  return {
    id,
    pipelineId: pipeline.id,
    title: id,
    amount,
    currency: 'EUR',
    stageId,
    outcome,
    createdAt: day(0),
    updatedAt: day(0),
    stageEnteredAt: day(0),
    version: 1,
  };
}

describe('liveCounts', () => {
  const deals = [
    deal('a1', 'A', 'open', 100),
    deal('a2', 'A', 'open', 300),
    deal('c1', 'C', 'open', 1000),
    deal('w1', 'C', 'won', 5000),
    deal('l1', 'B', 'lost', 700),
    { ...deal('x1', 'A', 'open', 50), pipelineId: 'other' },
    deal('z1', 'Z', 'open', 50),
  ];
  const live = liveCounts(pipeline, deals);

  it('counts the open deals per column with their sums', () => {
    expect(live.stages.map((s) => s.open)).to.deep.equal([2, 0, 1]);
    expect(live.stages.map((s) => s.amount)).to.deep.equal([400, 0, 1000]);
    // 400 × 0.1 and 1000 × 0.7.
    expect(live.stages.map((s) => s.weightedAmount)).to.deep.equal([40, 0, 700]);
    expect([live.open, live.won, live.lost]).to.deep.equal([3, 1, 1]);
  });

  it('gives cumulative reached counts for a funnel shape', () => {
    // Sitting in A: a1, a2; B: l1; C: c1; won: w1 (counts everywhere).
    // C: c1 + w1 = 2; B: + l1 = 3; A: + a1, a2 = 5.
    expect(live.stages.map((s) => s.reached)).to.deep.equal([5, 3, 2]);
    expect(live.reachedCounts).to.deep.equal([
      { name: 'Stage A', names: { en: 'Stage A', es: 'Etapa A' }, value: 5 },
      { name: 'Stage B', names: { en: 'Stage B', es: 'Etapa B' }, value: 3 },
      { name: 'Stage C', names: { en: 'Stage C', es: 'Etapa C' }, value: 2 },
    ]);
    expect(live.openCounts.map((s) => s.value)).to.deep.equal([2, 0, 1]);
  });

  it('names stages in the language asked for', () => {
    const es = liveCounts(pipeline, deals, { lang: 'es' });
    expect(es.openCounts.map((s) => s.name)).to.deep.equal(['Etapa A', 'Etapa B', 'Etapa C']);
  });

  it('is all zeros, no NaN, for an empty board', () => {
    const empty = liveCounts(pipeline, []);
    expect(empty.stages.map((s) => [s.open, s.reached, s.weightedAmount])).to.deep.equal([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(findNaN(empty)).to.equal(null);
    expect(liveCounts(pipelineOf([]), deals).stages).to.deep.equal([]);
  });
});
