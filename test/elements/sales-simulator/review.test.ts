import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/sales-simulator/define.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { ScenarioChangedDetail } from '../../../src/elements/sales-simulator/events.js';
import { SIMULATOR_STRINGS } from '../../../src/elements/sales-simulator/strings.js';
import { formatInteger, formatMoney, formatNumber } from '../../../src/model/format.js';
import { getPreset } from '../../../src/model/presets.js';
import type { Scenario } from '../../../src/model/types.js';
import { simulateUnchecked as simulate } from '../../../src/sim/monte-carlo.js';
import { projectUnchecked as project } from '../../../src/sim/project.js';
import { sensitivityUnchecked as sensitivity } from '../../../src/sim/sensitivity.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { $, root, SCENARIO, txt } from './fixtures.js';

const button = (el: SalesSimulator, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.getAttribute('aria-label') === label,
  );

async function typeInto(el: SalesSimulator, sel: string, text: string) {
  const input = $<HTMLInputElement>(el, sel);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await el.updateComplete;
}

async function make(scenario: Scenario | null = SCENARIO, repo = createMemoryRepository()) {
  const el = await fixture<SalesSimulator>(
    scenario
      ? html`<sales-simulator
          lang="en"
          trials="2000"
          .scenario=${scenario}
          .repository=${repo}
        ></sales-simulator>`
      : html`<sales-simulator
          lang="en"
          trials="2000"
          preset="pipeline-7"
          .repository=${repo}
        ></sales-simulator>`,
  );
  await el.updateComplete;
  return el;
}

async function saveAs(el: SalesSimulator, name: string, expectStatus = name) {
  await typeInto(el, '#save-name', name);
  $<HTMLButtonElement>(el, 'form.save button[type="submit"]').click();
  await waitUntil(() => txt(el, '.status').includes(expectStatus), 'not saved');
  await el.updateComplete;
}

describe('<sales-simulator> review fixes', () => {
  it('finishes the band when removed and re-added while a run is pending', async () => {
    const el = await make();
    await el.bandComplete();
    $<HTMLInputElement>(el, '#slider-0').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect($(el, '.band').getAttribute('aria-busy')).to.equal('true');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.bandComplete();
    const latest = simulate(el.value, { trials: 2000, seed: 1, bins: 1 });
    expect(txt(el, '.band-won')).to.contain(
      `between ${formatInteger(latest.won.p10, 'en')} and ${formatInteger(latest.won.p90, 'en')}`,
    );
    expect(txt(el, '.band')).not.to.contain('Simulating');
    expect($(el, '.band').getAttribute('aria-busy')).to.equal('false');
  });

  it('gives focus back to the Rename button after Enter, Escape and Cancel', async () => {
    const repo = createMemoryRepository();
    const el = await make(SCENARIO, repo);
    await saveAs(el, 'Plan A');
    const active = () => root(el).activeElement?.getAttribute('aria-label');

    button(el, 'Rename: Plan A')!.click();
    await el.updateComplete;
    await typeInto(el, '#rename-input', 'Plan Z');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active() === 'Rename: Plan Z', `focus on ${active()}`);

    // Escape cancels: the form goes, the name stays, focus returns.
    button(el, 'Rename: Plan Z')!.click();
    await el.updateComplete;
    await typeInto(el, '#rename-input', 'Never');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => active() === 'Rename: Plan Z', `focus on ${active()}`);
    expect(root(el).querySelector('#rename-input')).to.equal(null);
    expect((await repo.listScenarios()).map((s) => s.name)).to.deep.equal(['Plan Z']);

    button(el, 'Rename: Plan Z')!.click();
    await el.updateComplete;
    [...root(el).querySelectorAll<HTMLButtonElement>('.renaming button')]
      .find((b) => b.textContent!.trim() === 'Cancel')!
      .click();
    await waitUntil(() => active() === 'Rename: Plan Z', `focus on ${active()}`);
  });

  it('says one short polite line after the changes stop, not every figure', async () => {
    const el = await make();
    expect(root(el).querySelectorAll('.metrics[aria-live], .metrics [aria-live]')).to.have.length(
      0,
    );
    $<HTMLInputElement>(el, '#slider-1').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    const won = project(el.value).won;
    expect(won).to.be.closeTo(122.4, 1e-9);
    const summary = $(el, '.live-summary');
    expect(summary.getAttribute('role')).to.equal('status');
    await waitUntil(() => summary.textContent === 'Won deals 122.4, +2.4', summary.textContent!);
  });

  it('speaks a slider at half-point precision with whole deals', async () => {
    const el = await make();
    const slider = $<HTMLInputElement>(el, '#slider-2');
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value.stages[2].rate).to.equal(0.405);
    // 300 × 0.405 = 121.5 deals go on.
    expect(slider.getAttribute('aria-valuetext')).to.equal('40.5%: 122 of 300 go on');
  });

  it('shows small changes in points with enough precision, and hides ones that round to zero', async () => {
    const el = await make();
    const base = project(SCENARIO);
    await typeInto(el, '#f-stages_2__rate', '40.05');
    const d = project(el.value).overallConversion - base.overallConversion;
    const shown = txt(el, '[data-metric="conversion"] .delta');
    expect(shown).to.equal(`+${formatNumber(d * 100, 'en', 2)} pp vs. baseline`);
    expect(shown).to.match(/[1-9]/);

    // 0.001 points: the won deals (+0.003) and conversion changes show as nothing at all.
    await typeInto(el, '#f-stages_2__rate', '40.001');
    expect(root(el).querySelector('[data-metric="won"] .delta')).to.equal(null);
    expect(root(el).querySelector('[data-metric="conversion"] .delta')).to.equal(null);
    expect(txt(el, '[data-metric="won"] .value')).to.equal(
      formatNumber(project(el.value).won, 'en'),
    );
  });

  it('writes a money change with a real minus sign, as its figure is written', async () => {
    const el = await make();
    await typeInto(el, '#f-stages_2__rate', '45');
    const d = project(el.value).cac! - project(SCENARIO).cac!;
    expect(d).to.be.lessThan(0);
    expect(txt(el, '[data-metric="cac"] .delta')).to.equal(
      `\u2212${formatMoney(-d, 'en', 'EUR', true)} vs. baseline`,
    );
  });

  it('uses one money format for the whole extra-revenue column', async () => {
    // Extra revenue from €8,000 (first stage) to €12,000 (last stage) at +5 points.
    const scenario = { ...SCENARIO, dealValue: 800 };
    const el = await make(scenario);
    const compact = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: 'EUR',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const levers = sensitivity(scenario, { points: 0.05, leadsRelative: 0.1 }).levers;
    expect(Math.min(...levers.map((l) => l.extraRevenue))).to.be.lessThan(10_000);
    expect(Math.max(...levers.map((l) => l.extraRevenue))).to.be.at.least(10_000);
    const cells = [...root(el).querySelectorAll('table.levers tbody tr')].map((tr) =>
      tr.children[3].textContent!.trim(),
    );
    expect(cells).to.deep.equal(levers.map((l) => compact.format(l.extraRevenue)));
  });

  it("hands the improvement step to the embedded funnel's payoff", async () => {
    const el = await make();
    const funnel = $<HTMLElement & { payoffPoints?: number }>(el, 'sales-funnel');
    expect(funnel.payoffPoints).to.equal(0.05);
    await typeInto(el, '#f-delta', '10');
    expect(funnel.payoffPoints).to.equal(0.1);
  });

  it('shows "Current scenario" in the picker once the scenario is not the preset as loaded', async () => {
    const el = await make(null);
    const select = $<HTMLSelectElement>(el, 'header select');
    expect(select.value).to.equal('pipeline-7');
    $<HTMLInputElement>(el, '#slider-0').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(select.value).to.equal('');
    expect(select.selectedOptions[0].textContent!.trim()).to.equal('Current scenario');

    // Picking the same preset again loads it.
    const changed = oneEvent(el, 'scenario-changed');
    select.value = 'pipeline-7';
    select.dispatchEvent(new Event('change'));
    const { detail } = (await changed) as CustomEvent<ScenarioChangedDetail>;
    expect(detail.scenario).to.deep.equal(getPreset('pipeline-7')!.scenario);
    await el.updateComplete;
    expect(select.value).to.equal('pipeline-7');

    // A scenario that did not come from a preset says so from the start.
    const other = await make();
    expect($<HTMLSelectElement>(other, 'header select').value).to.equal('');
  });

  it('keeps the earlier version one Undo away when saving under an existing name', async () => {
    const repo: SalesRepository = createMemoryRepository();
    const el = await make(SCENARIO, repo);
    await saveAs(el, 'Plan A');
    await typeInto(el, '#f-stages_0__rate', '80');
    await saveAs(el, 'Plan A', 'Replaced');
    const rate = async () => (await repo.listScenarios())[0].scenario.stages[0].rate;
    expect((await repo.listScenarios()).length).to.equal(1);
    expect(await rate()).to.equal(0.8);
    const undo = $<HTMLButtonElement>(el, 'button.undo');
    expect(undo.getAttribute('aria-label')).to.contain('Undo replacing “Plan A”');
    undo.click();
    await waitUntil(async () => (await rate()) === 0.6, 'not restored');
    expect((await repo.listScenarios()).map((s) => s.name)).to.deep.equal(['Plan A']);
  });

  it('keeps its inputs inside their panel on a page with "* { all: unset }"', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = '* { all: unset; }';
    document.head.append(hostile);
    try {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="display: block; width: 600px">
          <sales-simulator
            lang="en"
            .scenario=${SCENARIO}
            .repository=${createMemoryRepository()}
          ></sales-simulator>
        </div>`,
      );
      const el = wrapper.querySelector<SalesSimulator>('sales-simulator')!;
      await el.updateComplete;
      // Each input within its own field, and each panel within the element.
      const base = $(el, '.base').getBoundingClientRect();
      for (const sel of ['#f-leads', '#f-stages_0__rate', '#save-name']) {
        const input = $(el, sel);
        const field = input.closest('.field')!.getBoundingClientRect();
        expect(input.getBoundingClientRect().right, sel).to.be.at.most(field.right + 0.5);
      }
      for (const panel of root(el).querySelectorAll('.panel'))
        expect(panel.getBoundingClientRect().right).to.be.at.most(base.right + 0.5);
    } finally {
      hostile.remove();
    }
  });

  for (const lang of ['en', 'es'])
    it(`gives a stage name the whole row and keeps the gains in view at 320 px (${lang})`, async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 320px">
          <sales-simulator
            lang=${lang}
            .scenario=${SCENARIO}
            .repository=${createMemoryRepository()}
          ></sales-simulator>
        </div>`,
      );
      const el = wrapper.querySelector<SalesSimulator>('sales-simulator')!;
      await el.updateComplete;
      const stage = $(el, '.stage').getBoundingClientRect();
      const name = $(el, '#name-0').getBoundingClientRect();
      expect(name.width / stage.width).to.be.greaterThan(0.75);
      const scroll = $(el, '.ranking .table-scroll');
      expect(scroll.scrollWidth).to.be.at.most(scroll.clientWidth);
      const heads = [...root(el).querySelectorAll<HTMLElement>('table.levers thead th')]
        .filter((th) => th.offsetWidth > 0)
        .map((th) => th.textContent!.trim());
      const s = SIMULATOR_STRINGS[lang as 'en' | 'es'];
      expect(heads).to.deep.equal([s.colLever, s.colWon, s.colRevenue]);
    });

  it('does not derive again when only a status or a typed name changes', async () => {
    const el = await make();
    const derived = () => (el as unknown as { ranking: object }).ranking;
    const before = derived();
    await typeInto(el, '#save-name', 'Some name');
    expect(derived()).to.equal(before);
    $<HTMLInputElement>(el, '#slider-0').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(derived()).not.to.equal(before);
  });

  it('speaks formal Spanish with "ganadas" and "flujo de ventas"', async () => {
    const es = SIMULATOR_STRINGS.es;
    const all = Object.values(es).join('\n');
    expect(all).not.to.match(/cerrad/i);
    for (const key of [
      'calibrating',
      'calibratedFrom',
      'pipelineChanged',
      'pipelineMissing',
    ] as const)
      expect(es[key], key).to.contain('flujo de ventas');
    expect(all).not.to.match(/\bembudo\b/i);
    const el = await fixture<SalesSimulator>(
      html`<sales-simulator
        lang="es"
        .scenario=${SCENARIO}
        .repository=${createMemoryRepository()}
      ></sales-simulator>`,
    );
    expect(txt(el, '[data-metric="won"] .label')).to.equal('Ventas ganadas');
  });
});
