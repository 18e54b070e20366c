import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { StageCount } from '../../../src/model/types.js';
import { make, SCENARIO } from './fixtures.js';
import { allByRole, allByText, byLabel, byRole, spoken, textOf } from './queries.js';

const presentingSimulator = () => make({ presenting: true, trials: 200 });

const shownStages = (el: SalesSimulator) =>
  allByRole(byRole(el, 'list', 'Stages and conversion rates'), 'listitem').length;
const funnelStages = (el: SalesSimulator) =>
  el.shadowRoot!.querySelector<HTMLElement & { stages?: StageCount[] }>('sales-funnel')!.stages;

describe('<sales-simulator presenting>', () => {
  it('reveals stages one by one and nudges the selected rate from the keyboard', async () => {
    const el = await presentingSimulator();
    expect(shownStages(el)).to.equal(1);
    // The funnel draws the stages shown so far, not a cut scenario.
    expect(funnelStages(el)!.map((s) => s.name)).to.deep.equal(['Contact']);
    byRole(el, 'slider', 'Contact: rate').focus();
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(shownStages(el)).to.equal(2);
    // Shown in the bar, and said.
    const status = /^Showing 2 of 3 stages · Selected: Demo at 50%$/;
    expect(allByText(el, status).filter((e) => e !== byRole(el, 'status'))).to.have.length(1);
    expect(spoken(el)).to.match(status);
    expect(funnelStages(el)!.map((s) => s.value)).to.deep.equal([1000, 600]);
    // PageDown selected the stage just revealed; + raises its rate by one point.
    await sendKeys({ press: '+' });
    await el.updateComplete;
    expect(el.value.stages[1].rate).to.equal(0.51);
    await sendKeys({ press: '[' });
    await sendKeys({ press: '-' });
    await el.updateComplete;
    expect(el.value.stages[0].rate).to.equal(0.59);
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(shownStages(el)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('keeps every key for a text field, and ignores shortcuts with Ctrl', async () => {
    const el = await presentingSimulator();
    const name = byLabel(el, 'Name of stage 1');
    name.focus();
    name.select();
    await sendKeys({ type: '+-[' });
    await el.updateComplete;
    expect(el.value.stages[0].name).to.equal('+-[');
    expect(el.value.stages[0].rate).to.equal(0.6);
    byRole(el, 'slider', '+-[: rate').focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
    expect(shownStages(el)).to.equal(1);
  });

  it('reveals with its buttons too, for a trainer without a keyboard', async () => {
    const el = await presentingSimulator();
    const next = byRole<HTMLButtonElement>(el, 'button', 'Show next stage');
    const previous = byRole<HTMLButtonElement>(el, 'button', 'Hide last stage');
    const all = byRole<HTMLButtonElement>(el, 'button', 'Show all');
    expect(previous.disabled).to.equal(true);
    next.click();
    await el.updateComplete;
    expect(shownStages(el)).to.equal(2);
    all.click();
    await el.updateComplete;
    expect(shownStages(el)).to.equal(3);
    expect(next.disabled).to.equal(true);
    expect(all.disabled).to.equal(true);
    // All shown: the funnel draws the scenario itself again.
    expect(funnelStages(el)).to.equal(undefined);
    previous.click();
    await el.updateComplete;
    expect(shownStages(el)).to.equal(2);
    expect(textOf(el.shadowRoot)).to.contain('Showing 2 of 3 stages');
  });

  it('shows every stage when training mode ends, and starts from one when it begins', async () => {
    const el = await presentingSimulator();
    el.presenting = false;
    await el.updateComplete;
    expect(shownStages(el)).to.equal(3);
    expect(el.hasAttribute('presenting')).to.equal(false);
    expect(allByText(el, /^Showing/)).to.have.length(0);
    el.presenting = true;
    await el.updateComplete;
    expect(shownStages(el)).to.equal(1);
    // A stage added while presenting is shown, with all the others.
    byRole(el, 'button', '+ Add a stage').click();
    await el.updateComplete;
    expect(shownStages(el)).to.equal(4);
  });
});

describe('<sales-simulator presenting> keeps the answer for the end', () => {
  /** Everything shown and read: the simulator's text, and its funnel's. */
  const everything = (el: SalesSimulator) =>
    `${textOf(el.shadowRoot)} ${textOf(el.shadowRoot!.querySelector('sales-funnel')!.shadowRoot)}`;

  it('names no stage before it is revealed, and shows no ranking, band or diagnosis', async () => {
    const el = await presentingSimulator();
    const text = everything(el);
    for (const hidden of ['Demo', 'Close']) expect(text).to.not.contain(hidden);
    expect(allByRole(el, 'table')).to.have.length(0);
    expect(allByRole(el, 'img')).to.have.length(0);
    expect(allByText(el, 'Uncertainty')).to.have.length(0);
    expect(allByText(el, 'Diagnosis')).to.have.length(0);
    expect(text).to.not.match(/Improve \w+ first/);
    expect(text).to.contain('The answer is shown after the last stage.');
    // The target's stage picker offers the stages revealed only.
    const picker = byLabel<HTMLSelectElement>(el, 'Or improve one stage');
    expect([...picker.options].map((o) => o.text)).to.deep.equal(['Contact']);
    // The funnel marks no "best improvement" either.
    expect(everything(el)).to.not.contain('★');
  });

  it('shows every stage, then the answer, when asked', async () => {
    const el = await presentingSimulator();
    byRole(el, 'button', 'Show all').click();
    await el.updateComplete;
    expect(everything(el)).to.contain('Close');
    expect(allByRole(el, 'table')).to.have.length(0);
    const picker = byLabel<HTMLSelectElement>(el, 'Or improve one stage');
    expect([...picker.options].map((o) => o.text)).to.deep.equal(['Contact', 'Demo', 'Close']);
    byRole(el, 'button', 'Show the answer').click();
    await el.updateComplete;
    expect(allByRole(el, 'table')).to.have.length(1);
    expect(allByText(el, 'Uncertainty')).to.have.length(1);
    expect(everything(el)).to.match(/Improve \w+ first/);
    await expect(el).to.be.accessible();
    // A new scenario hides the answer again.
    el.scenario = { ...SCENARIO, leads: 2000 };
    await el.updateComplete;
    expect(allByRole(el, 'table')).to.have.length(0);
  });
});
