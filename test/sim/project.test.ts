import { expect } from '@open-wc/testing';
import { project } from '../../src/sim/index.js';
import { conversionTo, expectedPurchases, wonWithRate } from '../../src/sim/project.js';
import { scenario, stages } from './helpers.js';

describe('project', () => {
  it('projects entering, advancing and lost per stage, won and revenue', () => {
    const p = project(scenario({ stages: stages(0.5, 0.25) }));
    expect(p.stages.map((s) => [s.entering, s.advancing, s.lost, s.fromTop])).to.deep.equal([
      [1000, 500, 500, 1],
      [500, 125, 375, 0.5],
    ]);
    expect(p.won).to.equal(125);
    expect(p.overallConversion).to.equal(0.125);
    expect(p.revenue).to.equal(125000);
    expect(p.cac).to.equal(undefined);
  });

  it('derives CAC, LTV and LTV:CAC from costs, margin, repeat purchase and retention', () => {
    // Spend 2 × 1000 = 2000; CAC 2000 / 125 = 16; purchases 1 / (1 − 0.5 × 0.8) = 5/3;
    // LTV 1000 × 0.6 × 5/3 = 1000; LTV:CAC 62.5.
    const p = project(
      scenario({
        stages: stages(0.5, 0.25),
        costPerLead: 2,
        margin: 0.6,
        repeatRate: 0.5,
        retention: 0.8,
      }),
    );
    expect(p.spend).to.equal(2000);
    expect(p.cac).to.equal(16);
    expect(p.expectedPurchases).to.be.closeTo(5 / 3, 1e-15);
    expect(p.ltv).to.be.closeTo(1000, 1e-9);
    expect(p.ltvToCac).to.be.closeTo(62.5, 1e-9);
    expect(project(scenario({ stages: stages(0.5), spend: 5000, costPerLead: 2 })).spend).to.equal(
      5000,
    );
    expect(project(scenario({ stages: stages(0), costPerLead: 2 })).cac).to.equal(Infinity);
  });

  it('cost per lead: spend without leads is not free leads', () => {
    const none = (spend: number) => project(scenario({ leads: 0, stages: stages(0.5), spend }));
    expect(none(5000).costPerLead).to.equal(Infinity);
    expect(none(0).costPerLead).to.equal(0);
    expect(project(scenario({ stages: stages(0.5), spend: 5000 })).costPerLead).to.equal(5);
  });

  it('after-sale stages are projected but do not count as won', () => {
    const p = project(scenario({ stages: stages(0.5, 0.2, 0.5), wonStage: 1 }));
    expect(p.won).to.equal(100);
    expect(p.stages[2].advancing).to.equal(50);
    expect(conversionTo(scenario({ stages: stages(0.5, 0.2, 0.5) }), 1)).to.equal(0.1);
  });

  it('expected purchases is geometric, infinite when customers always return', () => {
    expect(expectedPurchases({})).to.equal(1);
    expect(expectedPurchases({ repeatRate: 0.75 })).to.equal(4);
    expect(expectedPurchases({ repeatRate: 1, retention: 1 })).to.equal(Infinity);
  });
});

describe('wonWithRate', () => {
  // 1000 × 0.5 × 0.2 = 100 won at stage 1; stage 2 is after the sale.
  const s = scenario({ stages: stages(0.5, 0.2, 0.5), wonStage: 1 });

  it('replaces one stage’s rate up to the sale', () => {
    expect(wonWithRate(s, 1, 0.3)).to.equal(150);
    expect(wonWithRate(s, 0, 1)).to.equal(200);
    expect(wonWithRate(s, 0, 0)).to.equal(0);
  });

  it('changes nothing for a stage after the sale, or an index outside the stages', () => {
    for (const index of [2, -1, 3]) expect(wonWithRate(s, index, 1), `${index}`).to.equal(100);
    expect(wonWithRate(s, -1, 0)).to.equal(project(s).won);
  });
});
