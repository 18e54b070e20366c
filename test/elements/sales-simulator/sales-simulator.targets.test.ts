import { expect } from '@open-wc/testing';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { formatInteger, formatPercent } from '../../../src/model/format.js';
import { make, SCENARIO } from './fixtures.js';
import { byLabel, byRole, choose, textOf, typeInto } from './queries.js';
import { leadsNeeded, project, rateNeeded } from '../../../src/sim/index.js';

/** The target panel's text, white space folded. */
const panel = (el: SalesSimulator) => textOf(byRole(el, 'region', 'Target'));

describe('<sales-simulator> targets', () => {
  it('gives the leads a target needs, expected and at 90 %', async () => {
    const el = await make();
    await typeInto(el, byLabel(el, 'Target per period'), '200');
    const r = leadsNeeded(SCENARIO, { won: 200 }, { confidence: 0.9 });
    expect(panel(el)).to.contain(`Leads needed on average: ${formatInteger(r.expected!, 'en')}`);
    expect(panel(el)).to.contain(
      `Leads for a 90% chance of reaching it: ${formatInteger(r.atConfidence!, 'en')}`,
    );
    choose(byRole(el, 'combobox', 'Or improve one stage'), '2');
    await el.updateComplete;
    // 200 won from 1000 × 0.6 × 0.5 = 300 reaching Close: 200 / 300.
    expect(panel(el)).to.contain(
      `Close would need a rate of ${formatPercent(200 / 300, 'en')} (now 40%).`,
    );
  });

  it('starts from 20 % more than the baseline brings, and says when a stage already reaches it', async () => {
    const el = await make();
    const goal = Math.ceil(project(SCENARIO).won * 1.2);
    expect(byLabel(el, 'Target per period').value).to.equal(String(goal));
    await typeInto(el, byLabel(el, 'Target per period'), '100');
    const needed = rateNeeded(SCENARIO, 0, { won: 100 })!;
    expect(needed).to.be.lessThan(0.6);
    expect(panel(el)).to.contain(
      `Contact already reaches it: the target holds down to a rate of ${formatPercent(needed, 'en')} (now 60%).`,
    );
  });

  it('takes a revenue target, and says when no number of leads reaches it', async () => {
    const el = await make();
    choose(byRole(el, 'combobox', 'Target in'), 'revenue');
    await el.updateComplete;
    await typeInto(el, byLabel(el, 'Target per period'), '500000');
    const r = leadsNeeded(SCENARIO, { revenue: 500_000 }, { confidence: 0.9 });
    expect(panel(el)).to.contain(`Leads needed on average: ${formatInteger(r.expected!, 'en')}`);
    // With a rate of 0 at one stage, nothing reaches it.
    await typeInto(el, byLabel(el, 'Demo: rate, exact %'), '0');
    expect(panel(el)).to.contain('No number of leads reaches this target with the current rates.');
  });
});
