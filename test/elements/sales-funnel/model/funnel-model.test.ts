import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  biggestDrop,
  funnelModel,
} from '../../../../src/elements/sales-funnel/model/funnel-model.js';
import { fromScenario } from '../../../../src/elements/sales-funnel/model/scenario-source.js';
import { bestPayoff } from '../../../../src/elements/sales-funnel/model/payoff.js';
import { SCENARIO_WITH_AFTER_SALE, parsedScenario } from '../scenarios.js';

const OPTIONS = { currency: 'eur', dealValue: 0, payoffPoints: 0.05 };
const counts = (values: (number | null)[]) => ({
  names: values.map((_, i) => `S${i}`),
  values,
});

const WITH_AFTER_SALE = parsedScenario(SCENARIO_WITH_AFTER_SALE);

describe('funnelModel', () => {
  it('gives counts their share of the top and their conversion from the previous stage', () => {
    const m = funnelModel(counts([1200, 600, 150, 90]), undefined, OPTIONS);
    expect(m.rows.map((r) => [r.share, r.conversion])).to.deep.equal([
      [1, null],
      [0.5, 0.5],
      [0.125, 0.25],
      [0.075, 0.6],
    ]);
    expect(m.rows.every((r) => r.money === null && r.won === null && r.decided === null)).to.be
      .true;
    expect({
      expected: m.expected,
      decided: m.decided,
      currency: m.currency,
      drop: m.drop,
    }).to.deep.equal({ expected: false, decided: false, currency: 'EUR', drop: 2 });
  });

  it('values counts at the deal value ("if won"), and leaves unknown counts unknown', () => {
    const m = funnelModel(counts([100, null, 20]), undefined, { ...OPTIONS, dealValue: 10 });
    expect(m.rows.map((r) => [r.money, r.conversion])).to.deep.equal([
      [1000, null],
      [null, null],
      [200, null],
    ]);
  });

  it('projects a scenario: its revenue on the won stage only, what pays off most', () => {
    const m = funnelModel(fromScenario(WITH_AFTER_SALE, 'en'), undefined, {
      ...OPTIONS,
      dealValue: 99,
    });
    [1000, 300, 150, 30, 25.938].forEach((v, i) => expect(m.rows[i].value).to.be.closeTo(v, 1e-9));
    expect(m.rows.map((r) => r.won !== null)).to.deep.equal([false, false, false, true, false]);
    expect(m.rows[3].won).to.be.closeTo(25.938, 1e-9);
    expect(m.rows[3].money).to.be.closeTo(77814, 1e-6);
    expect(m.rows.filter((r) => r.money !== null)).to.have.length(1);
    expect(m.projection!.won).to.be.closeTo(25.938, 1e-9);
    const best = bestPayoff(WITH_AFTER_SALE, 0.05);
    expect(m.payoff).to.deep.equal({ ...best, points: 0.05, revenue: best.extraWon * 3000 });
    expect(m.expected).to.equal(true);
    expect(
      funnelModel(fromScenario(WITH_AFTER_SALE, 'en'), undefined, { ...OPTIONS, noPayoff: true })
        .payoff,
    ).to.equal(undefined);
  });

  it('takes a pipeline’s conversions from its decided deals, not from the counts', () => {
    const m = funnelModel(
      {
        names: ['Lead', 'Offer', 'Won'],
        values: [5, 2, 1],
        decided: [null, { won: 2, of: 3 }, { won: 0, of: 0 }],
      },
      undefined,
      OPTIONS,
    );
    expect(m.rows.map((r) => r.conversion)).to.deep.equal([null, 2 / 3, null]);
    expect(m.rows[1].decided).to.deep.equal({ won: 2, of: 3 });
    expect(m.decided).to.equal(true);
    expect(m.drop).to.equal(1);
  });

  it('compares stage by stage: change = (value − compared) / compared', () => {
    const m = funnelModel(counts([100, 50, 10]), counts([50, 50, 0]), OPTIONS);
    expect(m.rows.map((r) => [r.compare, r.change])).to.deep.equal([
      [50, 1],
      [50, 0],
      [0, null],
    ]);
  });

  it('never gives NaN or an infinite figure, whatever the counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }), { maxLength: 12 }),
        (values, compared) => {
          const m = funnelModel(counts(values), counts(compared), { ...OPTIONS, dealValue: 3 });
          for (const r of m.rows) {
            for (const v of [r.share, r.conversion, r.money, r.change]) {
              if (v !== null) expect(Number.isFinite(v), JSON.stringify(r)).to.equal(true);
            }
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('biggestDrop', () => {
  const rows = (conversions: (number | null)[]) =>
    funnelModel(counts(conversions.map(() => 1)), undefined, OPTIONS).rows.map((r, i) => ({
      ...r,
      conversion: conversions[i],
    }));

  it('is the first of the lowest conversions below 1, or −1', () => {
    expect(biggestDrop(rows([null, 0.5, 0.3, 0.3]))).to.equal(2);
    expect(biggestDrop(rows([null, 1, 1.2]))).to.equal(-1);
    expect(biggestDrop(rows([null, null]))).to.equal(-1);
  });

  it('looks no further than the stage after the sale in a scenario', () => {
    const m = funnelModel(fromScenario(WITH_AFTER_SALE, 'en'), undefined, OPTIONS);
    const after = m.rows.map((r, i) => (i === 4 ? { ...r, conversion: 0.01 } : r));
    // Follow-up (index 4) is entered by the won deals: still a place where deals are lost.
    expect(biggestDrop(after, WITH_AFTER_SALE)).to.equal(4);
    const later = [...after, { ...after[4], conversion: 0.001 }];
    expect(biggestDrop(later, WITH_AFTER_SALE)).to.equal(4);
  });
});
