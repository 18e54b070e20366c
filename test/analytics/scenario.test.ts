import { expect } from '@open-wc/testing';
import { scenarioFromPipeline } from '../../src/analytics/index.js';
import { parseScenario } from '../../src/model/validate.js';
import { projectUnchecked as project } from '../../src/sim/project.js';
import { build, day, findNaN, pipelineOf } from './fixtures.js';

describe('scenarioFromPipeline', () => {
  const pipeline = pipelineOf(['A', 'B', 'C']);
  // The forward-only history of stage-stats.test.ts, plus an old won deal and an open one.
  const { deals, events } = build(pipeline, {
    old: {
      amount: 3000,
      steps: [
        ['created', 'C', day(-200)],
        ['won', 'C', day(-190)],
      ],
    },
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
  });
  const now = day(20);

  it('uses the observed counts of all history as rates', () => {
    const s = scenarioFromPipeline(pipeline, deals, events, { now });
    // A: d1, d2, d4, old went on, d3 lost, d5 open → 4 of 5.
    // B: d1, d4, old went on, d2 lost → 3 of 4. C: d1, old won, d4 lost → 2 of 3.
    expect(s.stages.map((st) => st.observed)).to.deep.equal([
      { won: 4, of: 5 },
      { won: 3, of: 4 },
      { won: 2, of: 3 },
    ]);
    // Posterior means (won + 1) / (of + 2), what parseScenario normalizes the counts to.
    expect(s.stages.map((st) => st.rate)).to.deep.equal([5 / 7, 4 / 6, 3 / 5]);
    // Median days: A [1, 2, 2, 4] → 2; B [1, 3, 6] → 3; C: old 0→10, d1 5→9, d4 4→8 → 4.
    expect(s.stages.map((st) => st.days)).to.deep.equal([2, 3, 4]);
    expect(s.wonStage).to.equal(2);
    expect(s.currency).to.equal('EUR');
    expect(s.name).to.equal('Test pipeline');
    // Mean of the won amounts: (3000 + 5000) / 2.
    expect(s.dealValue).to.equal(4000);
  });

  it('counts as leads the deals created in the last period', () => {
    // The last 3 months hold d1..d5 (the old deal is 200 days back).
    expect(scenarioFromPipeline(pipeline, deals, events, { now }).leads).to.equal(5);
    // The last month from day 20 holds the same five.
    expect(scenarioFromPipeline(pipeline, deals, events, { now, by: 'month' }).leads).to.equal(5);
    expect(scenarioFromPipeline(pipeline, deals, events, { now, from: day(1) }).leads).to.equal(3);
  });

  it('feeds the projection: leads × Π rates', () => {
    const s = scenarioFromPipeline(pipeline, deals, events, { now });
    // 5 × 5/7 × 4/6 × 3/5 = 10/7.
    expect(project(s).won).to.be.closeTo(10 / 7, 1e-12);
  });

  it('gives rates that parseScenario keeps as they are', () => {
    const s = scenarioFromPipeline(pipeline, deals, events, { now });
    const parsed = parseScenario(s);
    expect(parsed.ok && parsed.value.stages.map((st) => st.rate)).to.deep.equal(
      s.stages.map((st) => st.rate),
    );
  });

  it('names stages in the language asked for and keeps both names', () => {
    const s = scenarioFromPipeline(pipeline, deals, events, { now, lang: 'es' });
    expect(s.stages.map((st) => st.name)).to.deep.equal(['Etapa A', 'Etapa B', 'Etapa C']);
    expect(s.stages[0].names).to.deep.equal({ en: 'Stage A', es: 'Etapa A' });
  });

  it('falls back to the given deal value and rate ½ at 0 of 0 with no history', () => {
    const s = scenarioFromPipeline(pipeline, [], [], { now, dealValue: 2500 });
    expect(s.leads).to.equal(0);
    expect(s.dealValue).to.equal(2500);
    expect(s.stages.map((st) => [st.rate, st.observed])).to.deep.equal([
      [0.5, { won: 0, of: 0 }],
      [0.5, { won: 0, of: 0 }],
      [0.5, { won: 0, of: 0 }],
    ]);
    expect(s.stages[0]).to.not.have.property('days');
    expect(findNaN(s)).to.equal(null);
    expect(scenarioFromPipeline(pipeline, [], [], { now }).dealValue).to.equal(0);
    const none = scenarioFromPipeline(pipelineOf([]), [], [], { now });
    expect([none.stages, none.wonStage]).to.deep.equal([[], 0]);
  });
});
