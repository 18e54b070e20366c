import { expect } from '@open-wc/testing';
import { binomialSf } from '../../src/sim/exact.js';
import { leadsNeeded } from '../../src/sim/index.js';
import { scenario as baseScenario, stages } from './helpers.js';

const scenario = (fields: Parameters<typeof baseScenario>[0]) =>
  baseScenario({ dealValue: 2500, ...fields });

/** P(Binomial(n, p) ≥ k) by summing the pmf from k up, with the pmf by recurrence. */
function bruteSf(k: number, n: number, p: number): number {
  let pmf = (1 - p) ** n;
  let sf = k <= 0 ? pmf : 0;
  for (let j = 1; j <= n; j++) {
    pmf *= ((n - j + 1) / j) * (p / (1 - p));
    if (j >= k) sf += pmf;
  }
  return sf;
}

// Conversion 0.5 × 0.2 = 0.1.
const s = scenario({ stages: stages(0.5, 0.2) });

describe('leadsNeeded', () => {
  it('expected leads = ⌈won / conversion⌉', () => {
    const r = leadsNeeded(s, { won: 40 });
    expect(r).to.include({ reachable: true, expected: 400, wonNeeded: 40, confidence: 0.9 });
    expect(r.conversion).to.be.closeTo(0.1, 1e-15);
  });

  it('atConfidence is the smallest n with P(Binomial(n, P) ≥ won) ≥ confidence (brute force)', () => {
    for (const confidence of [0.5, 0.9, 0.99]) {
      const r = leadsNeeded(s, { won: 40 }, { confidence });
      let n = 40;
      while (bruteSf(40, n, r.conversion) < confidence) n++;
      expect(r.atConfidence, `confidence ${confidence}`).to.equal(n);
    }
    expect(leadsNeeded(s, { won: 40 }).atConfidence).to.equal(479);
  });

  it('a revenue target becomes ⌈revenue / dealValue⌉ won deals', () => {
    expect(leadsNeeded(s, { revenue: 100000 })).to.include({ wonNeeded: 40, expected: 400 });
    expect(leadsNeeded(s, { revenue: 100001 })).to.include({ wonNeeded: 41, expected: 410 });
    const varying = leadsNeeded({ ...s, dealValueSd: 1250 }, { revenue: 100000 });
    expect(varying.revenueCv).to.be.closeTo(1250 / (2500 * Math.sqrt(40)), 1e-12);
  });

  it('a zero target needs no leads', () => {
    expect(leadsNeeded(s, { won: 0 })).to.include({
      expected: 0,
      atConfidence: 0,
      reachable: true,
    });
  });

  it('is clearly unreachable with no conversion or no deal value', () => {
    expect(leadsNeeded(scenario({ stages: stages(0.5, 0) }), { won: 1 })).to.include({
      reachable: false,
      reason: 'no-conversion',
      expected: null,
      atConfidence: null,
    });
    expect(leadsNeeded({ ...s, dealValue: 0 }, { revenue: 1 })).to.include({
      reachable: false,
      reason: 'no-deal-value',
    });
    expect(leadsNeeded(scenario({ stages: stages(1e-13) }), { won: 5 })).to.include({
      reachable: false,
      reason: 'too-many-leads',
    });
  });

  it('searches exactly at huge lead counts', () => {
    const r = leadsNeeded(
      scenario({ stages: stages(1e-6, 0.2) }),
      { won: 40000 },
      { confidence: 0.99 },
    );
    expect(r.expected).to.equal(2e11);
    const p = r.conversion;
    // Normal approximation: n ≈ (z·√(p(1−p)) + √(z²p(1−p) + 4p·w))² / (2p)², z(0.99) = 2.3263.
    const z = 2.3263478740408408;
    const root =
      (z * Math.sqrt(p * (1 - p)) + Math.sqrt(z * z * p * (1 - p) + 4 * p * 40000)) / (2 * p);
    expect(Math.abs(r.atConfidence! - root * root) / (root * root)).to.be.below(1e-3);
    // The boundary itself: n reaches the confidence, n − 1 does not.
    const n = r.atConfidence!;
    expect(binomialSf(40000, n, p)).to.be.at.least(0.99);
    expect(binomialSf(40000, n - 1, p)).to.be.below(0.99);
  });

  it('does not round floating-point noise up to one more lead or deal', () => {
    // 0.1 × 0.7 is 0.06999999999999999 in doubles: 7 / it is 100.00000000000001, not 101.
    const inexact = scenario({ dealValue: 100, stages: stages(0.1, 0.7) });
    expect(leadsNeeded(inexact, { won: 7 })).to.include({ wonNeeded: 7, expected: 100 });
    // 1999 / 19.99 is 100.00000000000001 too: 100 deals.
    const cents = scenario({ dealValue: 19.99, stages: stages(0.5) });
    expect(leadsNeeded(cents, { revenue: 1999 })).to.include({ wonNeeded: 100, expected: 200 });
    // A real fraction still rounds up.
    expect(leadsNeeded(cents, { revenue: 1999.01 })).to.include({ wonNeeded: 101 });
    expect(leadsNeeded(inexact, { won: 7.000001 })).to.include({ wonNeeded: 8 });
  });

  it('counts an exact tie with the confidence as reached', () => {
    // One lead at rate 0.9 wins with chance 0.9 exactly (computed as 0.8999999999999999).
    const r = leadsNeeded(scenario({ stages: stages(0.9) }), { won: 1 }, { confidence: 0.9 });
    expect(r.atConfidence).to.equal(1);
  });

  it('rejects a confidence outside (0, 1)', () => {
    expect(() => leadsNeeded(s, { won: 1 }, { confidence: 1 })).to.throw(RangeError);
    expect(() => leadsNeeded(s, { won: 1 }, { confidence: 0 })).to.throw(RangeError);
  });
});
