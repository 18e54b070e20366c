import { expect, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { ScenarioChangedDetail } from '../../../src/elements/sales-simulator/events.js';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import { formatNumber } from '../../../src/model/format.js';
import type { Scenario } from '../../../src/model/types.js';
import { project } from '../../../src/sim/index.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { make, quietWarnings, SCENARIO } from './fixtures.js';
import {
  allByRole,
  byLabel,
  byRole,
  descriptionOf,
  figure,
  focused,
  nameOf,
  queryByRole,
  textOf,
  typeInto,
} from './queries.js';

const won = (el: SalesSimulator) => figure(el, 'Won deals').value;

/** A simulator made from markup alone, attached after `listen` is set up (errors fire at once). */
async function fromMarkup(
  attributes: Record<string, string>,
  listen?: (el: SalesSimulator) => void,
) {
  const el = document.createElement('sales-simulator');
  el.repository = createMemoryRepository();
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  listen?.(el);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(async () => {
  await resetMouse();
  for (const el of document.body.querySelectorAll('sales-simulator')) el.remove();
});

describe('<sales-simulator> inputs', () => {
  it('moves a rate with the keyboard on its slider and fires scenario-changed', async () => {
    const el = await make();
    const slider = byRole<HTMLInputElement>(el, 'slider', 'Demo: rate');
    expect(slider.getAttribute('aria-valuetext')).to.equal('50%: 300 of 600 go on');
    slider.focus();
    const event = oneEvent(el, 'scenario-changed') as Promise<CustomEvent<ScenarioChangedDetail>>;
    await sendKeys({ press: 'ArrowRight' });
    const { detail } = await event;
    await el.updateComplete;
    expect(detail.scenario.stages[1].rate).to.equal(0.505);
    const expected = project({ ...SCENARIO, stages: detail.scenario.stages });
    expect(detail.projection.won).to.be.closeTo(expected.won, 1e-9);
    expect(won(el)).to.equal(formatNumber(expected.won, 'en'));
    expect(byLabel(el, 'Demo: rate, exact %').value).to.equal('50.5');
    expect(figure(el, 'Won deals').delta).to.equal(
      `+${formatNumber(expected.won - project(SCENARIO).won, 'en')} vs. baseline`,
    );
  });

  it('moves a rate with the pointer and shows what the engine projects', async () => {
    const el = await make();
    const slider = byRole<HTMLInputElement>(el, 'slider', 'Contact: rate');
    const box = slider.getBoundingClientRect();
    const event = oneEvent(el, 'scenario-changed') as Promise<CustomEvent<ScenarioChangedDetail>>;
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + box.width * 0.9), Math.round(box.top + box.height / 2)],
    });
    const { detail } = await event;
    await el.updateComplete;
    const rate = detail.scenario.stages[0].rate;
    expect(rate).to.be.greaterThan(0.8);
    expect(Number(slider.value) / 100).to.equal(rate);
    expect(won(el)).to.equal(
      formatNumber(project({ ...SCENARIO, stages: detail.scenario.stages }).won, 'en'),
    );
  });

  it('speaks a slider at half-point precision with whole deals', async () => {
    const el = await make();
    const slider = byRole(el, 'slider', 'Close: rate');
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value.stages[2].rate).to.equal(0.405);
    // 300 × 0.405 = 121.5 deals go on.
    expect(slider.getAttribute('aria-valuetext')).to.equal('40.5%: 122 of 300 go on');
  });

  it('takes an exact percentage typed in the number field', async () => {
    const el = await make();
    await typeInto(el, byLabel(el, 'Close: rate, exact %'), '45');
    expect(won(el)).to.equal(formatNumber(1000 * 0.6 * 0.5 * 0.45, 'en'));
    expect(byRole<HTMLInputElement>(el, 'slider', 'Close: rate').value).to.equal('45');
  });

  it('adds, renames, reorders and removes stages, keeping the focus with the stage', async () => {
    const el = await make();
    const stages = () => allByRole(byRole(el, 'list', 'Stages and conversion rates'), 'listitem');
    byRole(el, 'button', '+ Add a stage').click();
    await el.updateComplete;
    expect(stages()).to.have.length(4);
    // The new stage loses nobody until its rate is lowered, and it has the focus.
    expect(won(el)).to.equal(formatNumber(project(SCENARIO).won, 'en'));
    expect(focused(el)).to.equal(byLabel(el, 'Name of stage 4'));
    (focused(el) as HTMLInputElement).select();
    await sendKeys({ type: 'Contract' });
    await el.updateComplete;
    expect(el.value.stages[3].name).to.equal('Contract');

    byRole(el, 'button', 'Move Contract up').click();
    await el.updateComplete;
    expect(el.value.stages.map((s) => s.name)).to.deep.equal([
      'Contact',
      'Demo',
      'Contract',
      'Close',
    ]);
    expect(nameOf(focused(el)!)).to.equal('Move Contract up');

    // Moved down to the end, its "down" button is disabled: focus goes to its "up" one.
    byRole(el, 'button', 'Move Contract down').click();
    await el.updateComplete;
    expect(el.value.stages.map((s) => s.name)).to.deep.equal([
      'Contact',
      'Demo',
      'Close',
      'Contract',
    ]);
    expect(nameOf(focused(el)!)).to.equal('Move Contract up');
    byRole(el, 'button', 'Move Contract up').click();
    await el.updateComplete;

    byRole(el, 'button', 'Remove Contact').click();
    await el.updateComplete;
    expect(el.value.stages.map((s) => s.name)).to.deep.equal(['Demo', 'Contract', 'Close']);
    expect(won(el)).to.equal(formatNumber(1000 * 0.5 * 1 * 0.4, 'en'));
    // The removed stage's place: the field of the stage now first.
    expect(focused(el)).to.equal(byLabel(el, 'Name of stage 1'));
    expect(byLabel<HTMLInputElement>(el, 'Name of stage 1').value).to.equal('Demo');
  });

  it('shows HTML in a stage name as text, never as markup', async () => {
    const name = '<img src=x onerror="window.hacked=1">';
    const el = await make({
      scenario: { ...SCENARIO, wonStage: 0, stages: [{ name, rate: 0.5 }] },
    });
    expect(byLabel(el, 'Name of stage 1').value).to.equal(name);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });
});

describe('<sales-simulator> bad input', () => {
  it('names the field, keeps the last valid scenario, and recovers', async () => {
    const el = await make();
    const leads = byLabel(el, 'Leads per period');
    await typeInto(el, leads, '12x');
    expect(descriptionOf(leads)).to.equal(
      'Leads per period: enter a whole number from 0 to 1,000,000,000,000.',
    );
    expect(leads.getAttribute('aria-invalid')).to.equal('true');
    expect(leads.value).to.equal('12x');
    // Each keystroke that made a number took effect; the last valid one (12) stays.
    expect(el.value.leads).to.equal(12);
    expect(won(el)).to.equal(formatNumber(12 * 0.6 * 0.5 * 0.4, 'en'));
    await typeInto(el, leads, 'abc');
    expect(el.value.leads).to.equal(12);

    const demo = byLabel(el, 'Demo: rate, exact %');
    await typeInto(el, demo, '150');
    expect(descriptionOf(demo)).to.contain('Demo: rate, exact %');
    // "1" and "15" were valid on the way; "150" is not, so 15 % stays.
    expect(el.value.stages[1].rate).to.equal(0.15);

    const name = byLabel(el, 'Name of stage 3');
    await typeInto(el, name, '   ');
    expect(descriptionOf(name)).to.contain('Name of stage 3');
    expect(el.value.stages[2].name).to.equal('Close');

    await typeInto(el, leads, '2000');
    expect(descriptionOf(leads)).to.equal('');
    expect(leads.getAttribute('aria-invalid')).to.equal('false');
    expect(won(el)).to.equal(formatNumber(2000 * 0.6 * 0.15 * 0.4, 'en'));
  });

  it('never reads a number as another one: "12.5" leads, "1.000.5", "3%5" are refused', async () => {
    const el = await make();
    const leads = byLabel(el, 'Leads per period');
    for (const text of ['12.5', '1.000.5', '3%5', '1,2,3']) {
      await typeInto(el, leads, text);
      expect(leads.getAttribute('aria-invalid'), text).to.equal('true');
      expect(descriptionOf(leads), text).to.contain('Leads per period');
    }
    // A percentage in a field that is not one is refused too.
    await typeInto(el, byLabel(el, 'Average deal value (EUR)'), '35%');
    expect(descriptionOf(byLabel(el, 'Average deal value (EUR)'))).to.contain(
      'Average deal value (EUR)',
    );
    // "3" and "35" were numbers on the way; "35%" is not one here.
    expect(el.value.dealValue).to.equal(35);
  });

  it('says "1,5" leads must be whole, keeps the last results on screen marked not updated', async () => {
    const el = await make();
    const leads = byLabel(el, 'Leads per period');
    await typeInto(el, leads, '1000');
    const before = won(el);
    const notUpdated = () => textOf(el.shadowRoot!.querySelector('[part="results"] p.not-updated'));
    expect(notUpdated()).to.equal('');
    await typeInto(el, leads, '1,5');
    expect(descriptionOf(leads)).to.equal(
      'Leads per period must be a whole number: “1,5” has decimals. Write it without them, such as 2.',
    );
    // "1" was read on the way; its results stay, marked as not updated, never zeros.
    expect(won(el)).to.equal(formatNumber(1 * 0.6 * 0.5 * 0.4, 'en'));
    expect(notUpdated()).to.contain('Not updated');
    await typeInto(el, leads, '');
    expect(notUpdated()).to.contain('Not updated');
    expect(won(el)).to.not.equal(formatNumber(0, 'en'));
    await typeInto(el, leads, '1k');
    expect(el.value.leads).to.equal(1000);
    expect(descriptionOf(leads)).to.equal('= 1,000');
    expect(won(el)).to.equal(before);
    expect(notUpdated()).to.equal('');
  });

  it('reads "1,5" as 1.5 and "1,500" as 1500 in English', async () => {
    const el = await make();
    await typeInto(el, byLabel(el, 'Contact: rate, exact %'), '62,5');
    expect(el.value.stages[0].rate).to.equal(0.625);
    await typeInto(el, byLabel(el, 'Leads per period'), '1,500');
    expect(el.value.leads).to.equal(1500);
    await typeInto(el, byLabel(el, 'Average deal value (EUR)'), '1,5');
    expect(el.value.dealValue).to.equal(1.5);
  });

  it('reads a decimal comma, and "1.500" as 1500, in Spanish', async () => {
    const el = await make({ lang: 'es' });
    await typeInto(el, byLabel(el, 'Contact: tasa exacta en %'), '62,5');
    expect(el.value.stages[0].rate).to.equal(0.625);
    await typeInto(el, byLabel(el, 'Leads por periodo'), '1.500');
    expect(el.value.leads).to.equal(1500);
    await typeInto(el, byLabel(el, 'Importe medio por venta (EUR)'), '1.500,5');
    expect(el.value.dealValue).to.equal(1500.5);
  });
});

describe('<sales-simulator> attributes', () => {
  it('shows a bad scenario attribute in place, fires error, and still works', async () => {
    const warn = quietWarnings();
    try {
      let error: SalesErrorEvent | undefined;
      const el = await fromMarkup(
        { lang: 'en', scenario: '{"leads": -5, "dealValue": 10, "stages": []}' },
        (e) => e.addEventListener('error', (ev) => (error = ev)),
      );
      expect(error?.detail.field).to.equal('scenario');
      expect(textOf(el.shadowRoot)).to.contain('The scenario could not be used');
      expect(error?.detail.message).to.contain('leads');
      // The page still has a working simulator (the default preset).
      expect(won(el)).to.not.equal('');
      expect(warn.callCount).to.equal(1);
    } finally {
      warn.restore();
    }
  });

  it('fires error for an unknown preset and starts from the default one', async () => {
    const warn = quietWarnings();
    try {
      const errors: SalesErrorEvent[] = [];
      const el = await fromMarkup({ lang: 'en', preset: 'nope' }, (e) =>
        e.addEventListener('error', (ev) => errors.push(ev)),
      );
      expect(errors.map((e) => e.detail.field)).to.deep.equal(['preset']);
      expect(errors[0].detail.message).to.contain('"nope"');
      expect(won(el)).to.not.equal('');
    } finally {
      warn.restore();
    }
  });

  it('fires error once for an unknown benchmark and theme, says it in place, and uses the defaults', async () => {
    const warn = quietWarnings();
    try {
      const errors: SalesErrorEvent[] = [];
      const el = await fromMarkup(
        { lang: 'en', preset: 'saas-b2b', benchmark: 'nope', theme: 'blue', trials: '500' },
        (e) => e.addEventListener('error', (ev) => errors.push(ev)),
      );
      expect(errors.map((e) => e.detail.field).sort()).to.deep.equal(['benchmark', 'theme']);
      const theme = errors.find((e) => e.detail.field === 'theme')!.detail.message;
      expect(theme).to.equal(
        'theme must be one of light, dark, auto, not “blue”; the default is used.',
      );
      const benchmark = errors.find((e) => e.detail.field === 'benchmark')!.detail.message;
      expect(benchmark).to.contain('“nope”');
      for (const e of errors) expect(textOf(el.shadowRoot)).to.contain(e.detail.message);
      // The diagnosis compares with the preset loaded; the funnel follows the system's theme.
      expect(byRole<HTMLSelectElement>(el, 'combobox', 'Compared with').value).to.equal('saas-b2b');
      const funnel = el.shadowRoot!.querySelector<HTMLElement & { theme?: string }>(
        'sales-funnel',
      )!;
      expect(funnel.theme).to.equal(undefined);
      // Not fired again on a re-render, nor when the language changes.
      el.setAttribute('lang', 'es');
      await el.updateComplete;
      expect(errors).to.have.length(2);
      expect(textOf(el.shadowRoot)).to.contain(
        'theme debe ser uno de estos valores: light, dark, auto; no «blue».',
      );
      // Fixed, the message goes; the funnel takes the theme.
      el.setAttribute('theme', 'dark');
      el.setAttribute('benchmark', 'cycle-8');
      await el.updateComplete;
      expect(queryByRole(el, 'alert')).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('[part~="error"]')).to.have.length(0);
      expect(funnel.theme).to.equal('dark');
      expect(byRole<HTMLSelectElement>(el, 'combobox', 'Frente a').value).to.equal('cycle-8');
      expect(warn.callCount).to.equal(2);
    } finally {
      warn.restore();
    }
  });

  it('gives the same result for properties set before or after it is attached', async () => {
    const before = document.createElement('sales-simulator');
    before.repository = createMemoryRepository();
    before.setAttribute('lang', 'en');
    before.scenario = SCENARIO;
    before.trials = 300;
    before.presenting = true;
    document.body.append(before);
    await before.updateComplete;
    const after = await fromMarkup({ lang: 'en' });
    after.scenario = SCENARIO as Scenario;
    after.trials = 300;
    after.presenting = true;
    await after.updateComplete;
    expect(after.value).to.deep.equal(before.value);
    expect(textOf(after.shadowRoot)).to.equal(textOf(before.shadowRoot));
  });
});
