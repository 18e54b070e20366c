import { expect } from '@open-wc/testing';
import { forecastParts, forecastSource, learnedStaleDays } from '../../src/analytics/index.js';
import { forecast } from '../../src/sim/index.js';
import { build, day, DAY, pipelineOf } from './fixtures.js';

describe('forecastSource', () => {
  const pipeline = pipelineOf(['A', 'B']);
  const { deals, events } = build(pipeline, {
    won: {
      amount: 5000,
      steps: [
        ['created', 'A', day(0)],
        ['moved', 'B', day(3)],
        ['won', 'B', day(10)],
      ],
    },
    lost: {
      steps: [
        ['created', 'A', day(1)],
        ['lost', 'A', day(5)],
      ],
    },
    open: {
      amount: 2000,
      steps: [
        ['created', 'A', day(2)],
        ['moved', 'B', day(8)],
      ],
    },
  });
  const now = day(20);
  const source = forecastSource(pipeline, deals, events, { now, lang: 'es' });

  it('takes each stage’s observed conversion of decided deals and its finished visits', () => {
    expect(source.stages.map((s) => s.rate)).to.deep.equal([
      { won: 2, of: 3 },
      { won: 1, of: 1 },
    ]);
    expect(source.stages.map((s) => s.durations)).to.deep.equal([[3, 4, 6], [7]]);
    expect(source.stages[0].name).to.equal('Etapa A');
    // Three visits are too few to learn a stale threshold from.
    expect(source.stages[0].staleAfter).to.equal(null);
  });

  it('lists the open deals with their days in stage, and what was won this quarter', () => {
    expect(source.deals).to.deep.equal([
      {
        id: 'open',
        title: 'Deal open',
        stageIndex: 1,
        stageName: 'Etapa B',
        amount: 2000,
        daysInStage: (now - day(8)) / DAY,
      },
    ]);
    expect(source.won).to.deep.equal({ count: 1, amount: 5000 });
    expect(source.quarter.label).to.equal('2026-Q1');
  });

  it('is what forecast() takes', () => {
    const f = forecast({ now, ...forecastParts(source) });
    // From stage B: posterior mean (1 + 1) / (1 + 2).
    expect(f.deals[0].winProbability).to.be.closeTo(2 / 3, 1e-12);
  });
});

describe('learnedStaleDays', () => {
  it('is the 85th percentile of finished visits, from ten visits on', () => {
    expect(learnedStaleDays([1, 2, 3, 4, 5, 6, 7, 8, 9])).to.equal(null);
    // Ranks 0…9: position 9 × 0.85 = 7.65 → 8 + 0.65 × (9 − 8).
    expect(learnedStaleDays([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).to.be.closeTo(8.65, 1e-12);
  });
});
