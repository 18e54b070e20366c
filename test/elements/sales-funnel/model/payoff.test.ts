import { expect } from '@open-wc/testing';
import { bestPayoff } from '../../../../src/elements/sales-funnel/model/payoff.js';
import { PRESETS } from '../../../../src/model/presets.js';
import type { Scenario } from '../../../../src/model/types.js';
import { sensitivity } from '../../../../src/sim/index.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same lever as `sensitivity()`'s first, in bestPayoff's terms. */
function expected(s: Scenario, points: number) {
  const lever = sensitivity(s, { points }).levers[0];
  return { index: lever.kind === 'stage' ? lever.index : -1, extraWon: lever.extraWon };
}

describe('bestPayoff', () => {
  it('picks what sensitivity() ranks first, for every preset', () => {
    for (const { scenario } of PRESETS) {
      const got = bestPayoff(scenario, 0.05);
      expect({ index: got.index, extraWon: got.extraWon }, scenario.stages[0].name).to.deep.equal(
        expected(scenario, 0.05),
      );
    }
    // pipeline-7: qualification (0.3 → 0.35) gains 25.92 × 0.05 / 0.3 = 4.32 won.
    const best = bestPayoff(PRESETS[0].scenario, 0.05);
    expect(best.index).to.equal(2);
    expect(best.extraWon).to.be.closeTo(4.32, 1e-9);
  });

  it('agrees with sensitivity() on random scenarios, ties and saturated rates included', () => {
    const next = rng(7);
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(next() * 6);
      // Rates from a small set make exact ties common; 1 and 0 test the cap and dead stages.
      const pick = [0, 0.2, 0.5, 0.5, 0.97, 1];
      const stages = Array.from({ length: n }, (_, i) => ({
        name: `S${i}`,
        rate: pick[Math.floor(next() * pick.length)],
      }));
      const s: Scenario = {
        leads: Math.floor(next() * 5000),
        dealValue: 100,
        currency: 'EUR',
        stages,
        wonStage: Math.floor(next() * n),
      };
      const got = bestPayoff(s, 0.05);
      const want = expected(s, 0.05);
      // Only a positive gain is shown, so that is where the two must agree.
      if (want.extraWon > 0) {
        // Both count gains within 1e-9 relative as tied (funnel order, leads last): same lever.
        expect(got.index, JSON.stringify(s)).to.equal(want.index);
        expect(got.extraWon, JSON.stringify(s)).to.be.closeTo(want.extraWon, 1e-9 * want.extraWon);
      } else {
        expect(got.extraWon, JSON.stringify(s)).to.equal(0);
      }
    }
  });

  it('chooses more leads when no stage can improve', () => {
    const s: Scenario = {
      leads: 1000,
      dealValue: 10,
      currency: 'EUR',
      stages: [
        { name: 'A', rate: 1 },
        { name: 'B', rate: 1 },
      ],
      wonStage: 1,
    };
    expect(bestPayoff(s, 0.05)).to.deep.equal({ index: -1, extraWon: 100, extraLeads: 100 });
  });
});
