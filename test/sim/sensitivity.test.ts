import { expect } from '@open-wc/testing';
import { project, rateNeeded, sensitivity, type Lever } from '../../src/sim/index.js';
import { scenario, stages } from './helpers.js';

// 1000 leads × 0.5 × 0.2 × 0.8 = 80 won, €80,000.
const base = scenario({ stages: stages(0.5, 0.2, 0.8) });

const table = (levers: Lever[]) =>
  levers.map((l) => [l.name, Number(l.to.toFixed(9)), Number(l.extraWon.toFixed(9))]);

describe('sensitivity', () => {
  it('+5 points (default): the weakest stage gains most, ranked best first', () => {
    const r = sensitivity(base);
    expect(r.base.won).to.be.closeTo(80, 1e-12);
    expect(r.base.revenue).to.be.closeTo(80000, 1e-9);
    // 0.25/0.2 → 100 (+20); 0.55/0.5 → 88 (+8); leads +10 % → 88 (+8); 0.85/0.8 → 85 (+5).
    expect(table(r.levers)).to.deep.equal([
      ['S1', 0.25, 20],
      ['S0', 0.55, 8],
      ['leads', 1100, 8],
      ['S2', 0.85, 5],
    ]);
    expect(r.levers[0].extraRevenue).to.be.closeTo(20000, 1e-6);
    expect(r.levers[0]).to.include({ kind: 'stage', index: 1, from: 0.2 });
    expect(r.levers[2]).to.include({ kind: 'leads', index: -1, from: 1000 });
  });

  it('+x % relative: every stage (and leads) gains the same', () => {
    const r = sensitivity(base, { relative: 0.1 });
    for (const lever of r.levers) expect(lever.extraWon).to.be.closeTo(8, 1e-9);
    expect(r.levers.find((l) => l.index === 0)?.to).to.be.closeTo(0.55, 1e-12);
  });

  it('+x % relative: equal gains keep funnel order, leads last, whatever the rounding', () => {
    // In doubles S5's gain came out 4e-15 above the others and was ranked first.
    const r = sensitivity(scenario({ stages: stages(0.6, 0.5, 0.3, 0.6, 0.6, 0.8) }), {
      relative: 0.1,
    });
    expect(r.levers.map((l) => l.name)).to.deep.equal([
      'S0',
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'leads',
    ]);
    const costed = sensitivity(scenario({ stages: stages(0.33, 0.7, 0.41, 0.9) }), {
      relative: 0.1,
      costPerPoint: 0,
    });
    expect(costed.levers.map((l) => l.name)).to.deep.equal(['S0', 'S1', 'S2', 'S3', 'leads']);
  });

  it('keeps a lowered rate at 0 or above', () => {
    const r = sensitivity(scenario({ stages: stages(0.5, 0.2) }), { points: -0.3 });
    const s1 = r.levers.find((l) => l.index === 1)!;
    expect([s1.to, s1.extraWon]).to.deep.equal([0, -100]);
    expect(r.levers.find((l) => l.index === 0)!.to).to.be.closeTo(0.2, 1e-15);
  });

  it('caps improved rates at 1', () => {
    const r = sensitivity(scenario({ leads: 100, stages: stages(0.98, 0.5) }));
    const first = r.levers.find((l) => l.index === 0)!;
    expect(first.to).to.equal(1);
    expect(first.extraWon).to.be.closeTo(100 * 0.5 - 100 * 0.98 * 0.5, 1e-9);
  });

  it('after-sale stages are listed with no gain', () => {
    const r = sensitivity(scenario({ stages: stages(0.5, 0.2, 0.8), wonStage: 1 }));
    expect(r.base.won).to.equal(100);
    const after = r.levers.find((l) => l.index === 2)!;
    expect(after.extraWon).to.equal(0);
    expect(r.levers.at(-1)).to.equal(after);
  });

  it('reaching a benchmark: gains where below, none where already above', () => {
    const r = sensitivity(base, { benchmark: [0.6, 0.3, 0.7] });
    // 0.3 → 120 (+40); 0.6 → 96 (+16); leads +8; 0.8 already above 0.7: 0.
    expect(table(r.levers)).to.deep.equal([
      ['S1', 0.3, 40],
      ['S0', 0.6, 16],
      ['leads', 1100, 8],
      ['S2', 0.8, 0],
    ]);
    const fromScenario = sensitivity(base, {
      benchmark: scenario({ stages: stages(0.6, 0.3, 0.7) }),
    });
    expect(table(fromScenario.levers)).to.deep.equal(table(r.levers));
  });

  it('with a cost per point, ranks by return', () => {
    const r = sensitivity({ ...base, costPerLead: 2 }, { costPerPoint: [100, 200, 50] });
    // Returns: leads 8000/(100 × 2) = 40; S1 20000/1000 = 20; S2 5000/250 = 20; S0 8000/500 = 16.
    expect(
      r.levers.map((l) => [
        l.name,
        Number(l.cost!.toFixed(6)),
        Number(l.returnPerCost!.toFixed(6)),
      ]),
    ).to.deep.equal([
      ['leads', 200, 40],
      ['S1', 1000, 20],
      ['S2', 250, 20],
      ['S0', 500, 16],
    ]);
  });
});

describe('sensitivity: the opposite move (tornado down bars)', () => {
  /** `[name, downTo, downExtraWon]`, in funnel order (stages, then leads). */
  const down = (levers: Lever[]) =>
    [...levers]
      .sort((a, b) => (a.index < 0 ? 1 : b.index < 0 ? -1 : a.index - b.index))
      .map((l) => [l.name, Number(l.downTo.toFixed(9)), Number(l.downExtraWon.toFixed(9))]);

  it('−5 points (default) and −10 % leads', () => {
    // 0.45 → 72 (−8); 0.15 → 60 (−20); 0.75 → 75 (−5); leads 900 → 72 (−8).
    const r = sensitivity(base);
    expect(down(r.levers)).to.deep.equal([
      ['S0', 0.45, -8],
      ['S1', 0.15, -20],
      ['S2', 0.75, -5],
      ['leads', 900, -8],
    ]);
    const s1 = r.levers.find((l) => l.index === 1)!;
    expect(s1.downExtraRevenue).to.be.closeTo(-20000, 1e-6);
  });

  it('is what a projection with the lowered rate gives, as the simulator computes it', () => {
    const s = scenario({ leads: 2345, stages: stages(0.62, 0.31, 0.9, 0.45), wonStage: 2 });
    const won = project(s).won;
    for (const lever of sensitivity(s, { points: 0.07, leadsRelative: 0.2 }).levers) {
      const expected =
        lever.kind === 'leads'
          ? project({ ...s, leads: s.leads * 0.8 }).won - won
          : project({
              ...s,
              stages: s.stages.map((st, i) =>
                i === lever.index ? { ...st, rate: Math.max(0, st.rate - 0.07) } : st,
              ),
            }).won - won;
      expect(lever.downExtraWon, lever.name).to.be.closeTo(expected, 1e-9 * won);
    }
  });

  it('−x % relative: every stage and leads lose the same', () => {
    const r = sensitivity(base, { relative: 0.1 });
    for (const lever of r.levers) expect(lever.downExtraWon, lever.name).to.be.closeTo(-8, 1e-9);
    expect(r.levers.find((l) => l.index === 1)?.downTo).to.be.closeTo(0.18, 1e-15);
  });

  it('floors a rate at 0 and leads at 0', () => {
    const r = sensitivity(base, { points: 0.3, leadsRelative: 1.5 });
    expect(down(r.levers)).to.deep.equal([
      ['S0', 0.2, -48],
      ['S1', 0, -80],
      ['S2', 0.5, -30],
      ['leads', 0, -80],
    ]);
  });

  it('a benchmark: as far below the rate as the benchmark is above it; after-sale stages 0', () => {
    // S1 0.2 → benchmark 0.3, so down to 0.1 (40 won, −40); S0 and S2 are at or above theirs.
    const r = sensitivity(base, { benchmark: [0.4, 0.3, 0.7] });
    expect(down(r.levers).slice(0, 3)).to.deep.equal([
      ['S0', 0.5, 0],
      ['S1', 0.1, -40],
      ['S2', 0.8, 0],
    ]);
    const afterSale = sensitivity(scenario({ stages: stages(0.5, 0.2, 0.8), wonStage: 1 }));
    expect(afterSale.levers.find((l) => l.index === 2)?.downExtraWon).to.equal(0);
  });
});

describe('rateNeeded', () => {
  it('gives the rate a stage needs for an expected target', () => {
    expect(rateNeeded(base, 1, { won: 120 })).to.be.closeTo(0.3, 1e-12); // 120 / (1000 × 0.5 × 0.8)
    expect(rateNeeded(base, 0, { won: 120 })).to.be.closeTo(0.75, 1e-12); // 120 / (1000 × 0.2 × 0.8)
    expect(rateNeeded(base, 1, { revenue: 120000 })).to.be.closeTo(0.3, 1e-12);
    expect(rateNeeded(base, 1, { won: 40 })).to.be.closeTo(0.1, 1e-12); // already met: lower rate
  });

  it('says null when even a rate of 1 is not enough', () => {
    expect(rateNeeded(base, 1, { won: 500 })).to.equal(null);
    expect(rateNeeded(scenario({ stages: stages(0, 0.5) }), 1, { won: 1 })).to.equal(null);
    expect(rateNeeded({ ...base, dealValue: 0 }, 1, { revenue: 10 })).to.equal(null);
  });

  it('after-sale stages: 0 when the target is met, null when not', () => {
    const s = scenario({ stages: stages(0.5, 0.2, 0.8), wonStage: 1 });
    expect(rateNeeded(s, 2, { won: 50 })).to.equal(0);
    expect(rateNeeded(s, 2, { won: 200 })).to.equal(null);
  });
});
