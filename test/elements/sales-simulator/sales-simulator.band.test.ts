import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import { formatInteger } from '../../../src/model/format.js';
import type { Scenario } from '../../../src/model/types.js';
import { simulate } from '../../../src/sim/index.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { make, quietWarnings, SCENARIO } from './fixtures.js';
import { allByText, byRole, textOf } from './queries.js';

const band = (el: SalesSimulator) => byRole(el, 'group', 'Uncertainty');
const between = (el: SalesSimulator, trials: number) => {
  const run = simulate(el.value, { trials, seed: 1, bins: 1 });
  return `between ${formatInteger(run.won.p10, 'en')} and ${formatInteger(run.won.p90, 'en')}`;
};

describe('<sales-simulator> Monte Carlo band', () => {
  // 30 leads through 20 %, 10 % and 10 %: 0.06 won deals expected, yet 9 periods in 10 win none.
  const FEW: Scenario = {
    leads: 30,
    dealValue: 1000,
    currency: 'EUR',
    wonStage: 2,
    stages: [
      { name: 'Contact', rate: 0.2 },
      { name: 'Demo', rate: 0.1 },
      { name: 'Close', rate: 0.1 },
    ],
  };
  // 10 leads at 99 %: 9.9 expected, yet 9 periods in 10 win all ten.
  const SURE: Scenario = {
    ...FEW,
    leads: 10,
    wonStage: 0,
    stages: [{ name: 'Close', rate: 0.99 }],
  };

  it('explains an average outside the p10–p90 range, in English and Spanish', async () => {
    const el = await make({ scenario: FEW });
    const run = simulate(FEW, { trials: 2000, seed: 1, bins: 1 });
    expect([run.won.p10, run.won.p90]).to.deep.equal([0, 0]);
    expect(textOf(band(el))).to.contain('Won deals: between 0 and 0 in 8 periods out of 10');
    expect(textOf(band(el))).to.contain(
      'The average, 0.1 won deals, lies above this range: with so few deals most periods win 0, and the rare period that wins more pulls the average up.',
    );
    el.lang = 'es';
    await el.updateComplete;
    const banda = () => byRole(el, 'group', 'Incertidumbre');
    expect(textOf(banda())).to.contain(
      'La media, 0,1 ventas ganadas, queda por encima de este rango: con tan pocas ventas la mayoría de los periodos ganan 0,',
    );
    el.scenario = SURE;
    await el.updateComplete;
    expect(textOf(banda())).to.contain(
      'La media, 9,9 ventas ganadas, queda por debajo de este rango: la mayoría de los periodos ganan 10,',
    );
  });

  it('says nothing more when the average lies within the range', async () => {
    const el = await make();
    expect(textOf(band(el))).to.contain('Won deals: between');
    expect(textOf(band(el))).not.to.contain('The average');
  });

  it('shows p10–p90 of the seeded simulation once updateComplete resolves, and follows the latest scenario', async () => {
    const el = await make();
    const first = simulate(SCENARIO, { trials: 2000, seed: 1, bins: 1 });
    expect(textOf(band(el))).to.contain(
      `Won deals: between ${formatInteger(first.won.p10, 'en')} and ${formatInteger(first.won.p90, 'en')} in 8 periods out of 10`,
    );
    expect(textOf(band(el))).to.contain('p10–p90 of 2,000 simulated periods');
    // Two quick changes: the run for the first is dropped, the band shows the second.
    byRole(el, 'slider', 'Contact: rate').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(band(el).getAttribute('aria-busy')).to.equal('true');
    expect(textOf(band(el))).to.contain('Simulating 2,000 periods…');
    await el.updateComplete;
    expect(el.value.stages[0].rate).to.equal(0.59);
    expect(textOf(band(el))).to.contain(between(el, 2000));
    expect(textOf(band(el))).not.to.contain('Simulating');
    expect(band(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('finishes the band when removed and re-added while a run is pending', async () => {
    const el = await make();
    byRole(el, 'slider', 'Contact: rate').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(band(el).getAttribute('aria-busy')).to.equal('true');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(textOf(band(el))).to.contain(between(el, 2000));
    expect(textOf(band(el))).not.to.contain('Simulating');
    expect(band(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('runs the band again with the new trial count when trials changes', async () => {
    const el = await make();
    expect(textOf(band(el))).to.contain('p10–p90 of 2,000 simulated periods');
    el.trials = 5000;
    await el.updateComplete;
    expect(textOf(band(el))).to.contain('p10–p90 of 5,000 simulated periods');
    expect(textOf(band(el))).to.contain(between(el, 5000));
    el.setAttribute('trials', '300');
    await el.updateComplete;
    expect(textOf(band(el))).to.contain('p10–p90 of 300 simulated periods');
    expect(textOf(band(el))).to.contain(between(el, 300));
  });

  for (const trials of ['abc', '50', '2000000', '1500.5']) {
    it(`fires error { field: 'trials' } for trials="${trials}" and shows the band of 10,000 trials`, async () => {
      const warn = quietWarnings();
      try {
        const el = document.createElement('sales-simulator');
        el.repository = createMemoryRepository();
        el.setAttribute('lang', 'en');
        el.setAttribute('trials', trials);
        el.scenario = SCENARIO;
        const errors: SalesErrorEvent[] = [];
        el.addEventListener('error', (e) => errors.push(e));
        (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
        await el.updateComplete;
        expect(errors.map((e) => e.detail)).to.deep.equal([
          {
            field: 'trials',
            message: `trials must be a whole number from 100 to 1,000,000, not “${trials}”; 10,000 is used.`,
          },
        ]);
        expect(allByText(el, errors[0].detail.message)).to.have.length(1);
        expect(textOf(band(el))).to.contain('p10–p90 of 10,000 simulated periods');
        expect(textOf(band(el))).to.contain(between(el, 10_000));
        expect(warn.callCount).to.equal(1);
      } finally {
        warn.restore();
      }
    });
  }
});
