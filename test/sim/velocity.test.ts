import { expect } from '@open-wc/testing';
import { scenarioVelocity, velocity } from '../../src/sim/index.js';
import { scenario } from './helpers.js';

describe('velocity', () => {
  it('is opportunities × win rate × deal value / cycle days', () => {
    // 50 × 0.2 × 5000 / 50 = 1000 a day; × 30.4375 = 30,437.5 a month.
    const v = velocity({ opportunities: 50, winRate: 0.2, dealValue: 5000, cycleDays: 50 });
    expect(v.perDay).to.equal(1000);
    expect(v.perMonth).to.equal(30437.5);
    expect(
      velocity({ opportunities: 0, winRate: 0.2, dealValue: 5000, cycleDays: 0 }).perDay,
    ).to.equal(0);
  });

  it('derives its inputs from a scenario: leads, conversion, deal value, days to won', () => {
    const v = scenarioVelocity(
      scenario({
        stages: [
          { name: 'A', rate: 0.5, days: 10 },
          { name: 'B', rate: 0.2, days: 20 },
          { name: 'After-sale', rate: 0.9, days: 100 },
        ],
        wonStage: 1,
      }),
    );
    expect(v).to.deep.include({
      opportunities: 1000,
      winRate: 0.1,
      dealValue: 1000,
      cycleDays: 30,
    });
    expect(v!.perDay).to.be.closeTo(100000 / 30, 1e-9);
  });

  it('is null without stage days', () => {
    expect(scenarioVelocity(scenario({ stages: [{ name: 'A', rate: 0.5 }] }))).to.equal(null);
  });

  it('is null when any stage up to the won one lacks days, not faster', () => {
    const partly = scenario({
      stages: [
        { name: 'A', rate: 0.5, days: 10 },
        { name: 'B', rate: 0.2 },
        { name: 'After-sale', rate: 0.9 },
      ],
      wonStage: 1,
    });
    expect(scenarioVelocity(partly)).to.equal(null);
    // An after-sale stage without days does not matter.
    partly.stages[1].days = 20;
    expect(scenarioVelocity(partly)?.cycleDays).to.equal(30);
  });
});
