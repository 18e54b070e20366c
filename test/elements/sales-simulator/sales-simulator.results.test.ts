import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ScenarioChangedDetail } from '../../../src/elements/sales-simulator/events.js';
import { formatMoney, formatNumber, formatPercent } from '../../../src/model/format.js';
import { getPreset, localizeScenario } from '../../../src/model/presets.js';
import type { Scenario } from '../../../src/model/types.js';
import { diagnose, project } from '../../../src/sim/index.js';
import { make, SCENARIO } from './fixtures.js';
import { byLabel, byRole, choose, figure, queryByRole, textOf, typeInto } from './queries.js';

describe('<sales-simulator> results', () => {
  it('shows won, revenue, conversion, CAC and LTV:CAC from the engine', async () => {
    const el = await make();
    const p = project(SCENARIO);
    expect(figure(el, 'Won deals').value).to.equal(formatNumber(p.won, 'en'));
    expect(figure(el, 'Revenue').value).to.equal(formatMoney(p.revenue, 'en', 'EUR', true));
    expect(figure(el, 'Overall conversion').value).to.equal(
      formatPercent(p.overallConversion, 'en'),
    );
    expect(figure(el, 'CAC').value).to.equal(formatMoney(p.cac!, 'en', 'EUR', true));
    expect(figure(el, 'LTV:CAC').value).to.equal(`${formatNumber(p.ltvToCac!, 'en')} : 1`);
    expect(figure(el, 'Won deals').delta).to.equal('as baseline');
  });

  it('hides CAC and LTV:CAC when no cost is given', async () => {
    const noCost: Scenario = { ...SCENARIO };
    delete noCost.costPerLead;
    const el = await make({ scenario: noCost });
    expect(queryByRole(el, 'term', 'CAC')).to.equal(null);
    expect(queryByRole(el, 'term', 'LTV:CAC')).to.equal(null);
    expect(figure(el, 'Won deals').value).to.not.equal('');
  });

  it('starts from a preset, with stage names in the element language', async () => {
    const el = await make({ lang: 'es', preset: 'saas-b2b', scenario: null });
    const es = localizeScenario(getPreset('saas-b2b')!.scenario, 'es');
    expect(byLabel(el, 'Nombre de la etapa 4').value).to.equal(es.stages[3].name);
    expect(figure(el, 'Ventas ganadas').value).to.equal(formatNumber(project(es).won, 'es'));
    expect(byRole(el, 'heading', 'Simulador de escenarios')).to.exist;
  });

  it('shows small changes in points with enough precision, and hides ones that round to zero', async () => {
    const el = await make();
    const base = project(SCENARIO);
    const close = byLabel(el, 'Close: rate, exact %');
    await typeInto(el, close, '40.05');
    const d = project(el.value).overallConversion - base.overallConversion;
    const shown = figure(el, 'Overall conversion').delta;
    expect(shown).to.equal(`+${formatNumber(d * 100, 'en', 2)} pp vs. baseline`);
    expect(shown).to.match(/[1-9]/);

    // 0.001 points: the won deals (+0.003) and conversion changes show as nothing at all.
    await typeInto(el, close, '40.001');
    expect(figure(el, 'Won deals').delta).to.equal('');
    expect(figure(el, 'Overall conversion').delta).to.equal('');
    expect(figure(el, 'Won deals').value).to.equal(formatNumber(project(el.value).won, 'en'));
  });

  it('writes a money change with a real minus sign, as its figure is written', async () => {
    const el = await make();
    await typeInto(el, byLabel(el, 'Close: rate, exact %'), '45');
    const d = project(el.value).cac! - project(SCENARIO).cac!;
    expect(d).to.be.lessThan(0);
    expect(figure(el, 'CAC').delta).to.equal(
      `\u2212${formatMoney(-d, 'en', 'EUR', true)} vs. baseline`,
    );
  });

  it('makes the scenario the baseline, and goes back to it', async () => {
    const el = await make();
    const back = byRole<HTMLButtonElement>(el, 'button', 'Back to baseline');
    const make_ = byRole<HTMLButtonElement>(el, 'button', 'Make this the baseline');
    expect(back.disabled).to.equal(true);
    expect(make_.disabled).to.equal(true);
    await typeInto(el, byLabel(el, 'Close: rate, exact %'), '50');
    expect(back.disabled).to.equal(false);
    const up = project(el.value).won - project(SCENARIO).won;
    expect(figure(el, 'Won deals').delta).to.equal(`+${formatNumber(up, 'en')} vs. baseline`);

    make_.click();
    await el.updateComplete;
    expect(figure(el, 'Won deals').delta).to.equal('as baseline');
    expect(back.disabled).to.equal(true);

    await typeInto(el, byLabel(el, 'Close: rate, exact %'), '30');
    const changed = oneEvent(el, 'scenario-changed') as Promise<CustomEvent<ScenarioChangedDetail>>;
    back.click();
    const { detail } = await changed;
    await el.updateComplete;
    expect(detail.scenario.stages[2].rate).to.equal(0.5);
    expect(el.value.stages[2].rate).to.equal(0.5);
    expect(byLabel(el, 'Close: rate, exact %').value).to.equal('50');
  });

  it('shows "Current scenario" in the picker once the scenario is not the preset as loaded', async () => {
    const el = await make({ preset: 'pipeline-7', scenario: null });
    const select = byRole<HTMLSelectElement>(el, 'combobox', 'Start from');
    expect(select.value).to.equal('pipeline-7');
    byRole(el, 'slider', 'Prospecting: rate').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(select.value).to.equal('');
    expect(textOf(select.selectedOptions[0])).to.equal('Current scenario');

    // Picking the same preset again loads it.
    const changed = oneEvent(el, 'scenario-changed') as Promise<CustomEvent<ScenarioChangedDetail>>;
    choose(select, 'pipeline-7');
    const { detail } = await changed;
    expect(detail.scenario).to.deep.equal(getPreset('pipeline-7')!.scenario);
    await el.updateComplete;
    expect(select.value).to.equal('pipeline-7');

    // A scenario that did not come from a preset says so from the start.
    const other = await make();
    expect(byRole<HTMLSelectElement>(other, 'combobox', 'Start from').value).to.equal('');
  });

  it('diagnoses the scenario against the benchmark picked', async () => {
    const el = await make();
    const diagnosis = (id: string) =>
      diagnose(localizeScenario(SCENARIO, 'en'), getPreset(id)!.scenario, 'en').message;
    const shown = () => textOf(byRole(el, 'combobox', 'Compared with').closest('div'));
    expect(shown()).to.contain(diagnosis('pipeline-7'));
    choose(byRole(el, 'combobox', 'Compared with'), 'saas-b2b');
    await el.updateComplete;
    expect(shown()).to.contain(diagnosis('saas-b2b'));
  });
});
