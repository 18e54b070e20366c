import { expect } from '@open-wc/testing';
import { binomialSf } from '../../src/sim/exact.js';
import { DAYS_PER_MONTH, timeline } from '../../src/sim/index.js';
import { cycleDays } from '../../src/sim/timeline.js';
import { scenario } from './helpers.js';

// Conversion 0.5 × 0.2 = 0.1; cycle 15 + 30 = 45 days = 1.5 months of 30 days.
const s = scenario({
  stages: [
    { name: 'Offer', rate: 0.5, days: 15 },
    { name: 'Close', rate: 0.2, days: 30 },
  ],
});

const round = (x: number) => Math.round(x * 1e9) / 1e9;

describe('timeline', () => {
  it('lands each month’s leads after the cycle, split between months', () => {
    const t = timeline(s, { months: 4, daysPerMonth: 30 });
    expect(t.cycleDays).to.equal(45);
    expect(t.cycleMonths).to.equal(1.5);
    // Month m's leads close during [m + 1.5, m + 2.5): half in m + 1, half in m + 2.
    expect(t.months.map((m) => round(m.won))).to.deep.equal([0, 50, 100, 100]);
    expect(t.months.map((m) => round(m.cumulativeWon))).to.deep.equal([0, 50, 150, 250]);
    expect(t.months.map((m) => round(m.cumulativeRevenue))).to.deep.equal([
      0, 50000, 150000, 250000,
    ]);
    expect(t.months.map((m) => m.leads)).to.deep.equal([1000, 1000, 1000, 1000]);
    expect(round(t.leadsInTime)).to.equal(2500);
    expect(round(t.totalWon)).to.equal(250);
  });

  it('takes leads per month as a list, a warm pipeline and stage days overrides', () => {
    const t = timeline(s, {
      months: 3,
      daysPerMonth: 30,
      leadsPerMonth: [2000, 0, 1000],
      priorLeadsPerMonth: 1000,
      stageDays: [0, 30],
    });
    // Cycle 30 days = 1 month: month j gets month j − 1's leads.
    expect(t.cycleDays).to.equal(30);
    expect(t.months.map((m) => round(m.won))).to.deep.equal([100, 200, 0]);
  });

  it('counts days only up to the won stage and defaults to 6 average months', () => {
    const t = timeline(
      scenario({ stages: [...s.stages, { name: 'Delivery', rate: 0.9, days: 60 }], wonStage: 1 }),
    );
    expect(t.cycleDays).to.equal(45);
    expect(t.cycleMonths).to.equal(45 / DAYS_PER_MONTH);
    expect(t.months.length).to.equal(6);
    expect(DAYS_PER_MONTH).to.equal(30.4375);
  });

  it('flags a cycle with a stage of unknown days (counted as 0)', () => {
    expect(timeline(s).daysKnown).to.equal(true);
    const partly = scenario({
      stages: [
        { name: 'Offer', rate: 0.5, days: 15 },
        { name: 'Close', rate: 0.2 },
      ],
    });
    const t = timeline(partly, { daysPerMonth: 30 });
    expect([t.daysKnown, t.cycleDays]).to.deep.equal([false, 15]);
    // stageDays fills the gap.
    const filled = timeline(partly, { daysPerMonth: 30, stageDays: [undefined, 30] });
    expect([filled.daysKnown, filled.cycleDays]).to.deep.equal([true, 45]);
    expect(cycleDays(partly)).to.equal(null);
    expect(cycleDays(partly, undefined, 0)).to.equal(15);
  });

  it('turns a revenue goal into won deals without rounding noise', () => {
    // 1999 / 19.99 is 100.00000000000001 in doubles: the goal is 100 deals, not 101.
    const t = timeline({ ...s, dealValue: 19.99 }, { goal: { revenue: 1999 } });
    expect(t.goal!.won).to.equal(100);
  });

  it('says whether the goal is on track, with the exact binomial chance', () => {
    const on = timeline(s, { months: 4, daysPerMonth: 30, goal: { won: 240 } });
    expect(on.goal).to.deep.include({ won: 240, onTrack: true });
    expect(on.goal!.chance).to.equal(binomialSf(240, 2500, 0.1));
    const off = timeline(s, { months: 4, daysPerMonth: 30, goal: { revenue: 260000 } });
    expect(off.goal).to.deep.include({ won: 260, onTrack: false });
    expect(off.goal!.chance).to.equal(binomialSf(260, 2500, 0.1));
    expect(off.goal!.chance).to.be.below(0.5);
  });
});
