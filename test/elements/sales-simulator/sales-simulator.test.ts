import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import '../../../src/elements/sales-simulator/define.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { ScenarioChangedDetail } from '../../../src/elements/sales-simulator/events.js';
import { decodeScenarioHash } from '../../../src/elements/sales-simulator/share-link.js';
import type { ErrorEventDetail } from '../../../src/elements/events.js';
import {
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../../src/model/format.js';
import { getPreset, localizeScenario } from '../../../src/model/presets.js';
import type { Scenario } from '../../../src/model/types.js';
import { projectUnchecked as project } from '../../../src/sim/project.js';
import { sensitivityUnchecked as sensitivity } from '../../../src/sim/sensitivity.js';
import { leadsNeededUnchecked as leadsNeeded } from '../../../src/sim/targets.js';
import { simulateUnchecked as simulate } from '../../../src/sim/monte-carlo.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { $, root, SCENARIO, txt } from './fixtures.js';

const metric = (el: SalesSimulator, id: string) => txt(el, `[data-metric="${id}"] .value`);
const leverRows = (el: SalesSimulator) =>
  [...root(el).querySelectorAll('table.levers tbody tr')].map((tr) =>
    [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
  );

/** Focuses an input in the shadow root and replaces its text by typing, as a person would. */
async function typeInto(el: SalesSimulator, sel: string, text: string) {
  const input = $<HTMLInputElement>(el, sel);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await el.updateComplete;
}

async function make(
  template = html`<sales-simulator
    lang="en"
    trials="2000"
    .scenario=${SCENARIO}
    .repository=${createMemoryRepository()}
  ></sales-simulator>`,
) {
  const el = await fixture<SalesSimulator>(template);
  await el.updateComplete;
  return el;
}

afterEach(async () => {
  await resetMouse();
  history.replaceState(null, '', location.pathname + location.search);
});

describe('<sales-simulator> projection', () => {
  it('shows won, revenue, conversion, CAC and LTV:CAC from the engine', async () => {
    const el = await make();
    const p = project(SCENARIO);
    expect(metric(el, 'won')).to.equal(formatNumber(p.won, 'en'));
    expect(metric(el, 'revenue')).to.equal(formatMoney(p.revenue, 'en', 'EUR', true));
    expect(metric(el, 'conversion')).to.equal(formatPercent(p.overallConversion, 'en'));
    expect(metric(el, 'cac')).to.equal(formatMoney(p.cac!, 'en', 'EUR', true));
    expect(metric(el, 'ltv-cac')).to.equal(`${formatNumber(p.ltvToCac!, 'en')} : 1`);
    expect(txt(el, '[data-metric="won"] .delta')).to.equal('as baseline');
  });

  it('hides CAC and LTV:CAC when no cost is given', async () => {
    const noCost: Scenario = { ...SCENARIO };
    delete noCost.costPerLead;
    const el = await make(
      html`<sales-simulator
        lang="en"
        .scenario=${noCost}
        .repository=${createMemoryRepository()}
      ></sales-simulator>`,
    );
    expect($(el, '[data-metric="cac"]')).to.equal(null);
    expect($(el, '[data-metric="ltv-cac"]')).to.equal(null);
  });

  it('starts from a preset, with stage names in the element language', async () => {
    const el = await fixture<SalesSimulator>(
      html`<sales-simulator
        lang="es"
        preset="saas-b2b"
        .repository=${createMemoryRepository()}
      ></sales-simulator>`,
    );
    const preset = getPreset('saas-b2b')!;
    const es = localizeScenario(preset.scenario, 'es');
    expect($<HTMLInputElement>(el, '#name-3').value).to.equal(es.stages[3].name);
    expect(metric(el, 'won')).to.equal(formatNumber(project(es).won, 'es'));
    expect(txt(el, 'h2')).to.equal('Simulador de escenarios');
  });

  it('moves a rate with the keyboard on its slider and fires scenario-changed', async () => {
    const el = await make();
    const slider = $<HTMLInputElement>(el, '#slider-1');
    expect(slider.getAttribute('aria-valuetext')).to.equal('50%: 300 of 600 go on');
    slider.focus();
    const event = oneEvent(el, 'scenario-changed');
    await sendKeys({ press: 'ArrowRight' });
    const { detail } = (await event) as CustomEvent<ScenarioChangedDetail>;
    await el.updateComplete;
    expect(detail.scenario.stages[1].rate).to.equal(0.505);
    const expected = project({ ...SCENARIO, stages: detail.scenario.stages });
    expect(detail.projection.won).to.be.closeTo(expected.won, 1e-9);
    expect(metric(el, 'won')).to.equal(formatNumber(expected.won, 'en'));
    expect($<HTMLInputElement>(el, '#f-stages_1__rate').value).to.equal('50.5');
    expect(txt(el, '[data-metric="won"] .delta')).to.equal(
      `+${formatNumber(expected.won - project(SCENARIO).won, 'en')} vs. baseline`,
    );
  });

  it('moves a rate with the pointer and shows what the engine projects', async () => {
    const el = await make();
    const slider = $<HTMLInputElement>(el, '#slider-0');
    const box = slider.getBoundingClientRect();
    const event = oneEvent(el, 'scenario-changed');
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + box.width * 0.9), Math.round(box.top + box.height / 2)],
    });
    const { detail } = (await event) as CustomEvent<ScenarioChangedDetail>;
    await el.updateComplete;
    const rate = detail.scenario.stages[0].rate;
    expect(rate).to.be.greaterThan(0.8);
    expect(Number(slider.value) / 100).to.equal(rate);
    expect(metric(el, 'won')).to.equal(
      formatNumber(project({ ...SCENARIO, stages: detail.scenario.stages }).won, 'en'),
    );
  });

  it('takes an exact percentage typed in the number field', async () => {
    const el = await make();
    await typeInto(el, '#f-stages_2__rate', '45');
    const won = 1000 * 0.6 * 0.5 * 0.45;
    expect(metric(el, 'won')).to.equal(formatNumber(won, 'en'));
    expect($<HTMLInputElement>(el, '#slider-2').value).to.equal('45');
  });

  it('adds, renames, reorders and removes stages', async () => {
    const el = await make();
    $<HTMLButtonElement>(el, 'button.add').click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('li.stage')).to.have.length(4);
    // The new stage loses nobody until its rate is lowered, and it has the focus.
    expect(metric(el, 'won')).to.equal(formatNumber(project(SCENARIO).won, 'en'));
    expect(root(el).activeElement?.id).to.equal('name-3');
    (root(el).activeElement as HTMLInputElement).select();
    await sendKeys({ type: 'Contract' });
    await el.updateComplete;
    expect(el.value.stages[3].name).to.equal('Contract');
    $<HTMLButtonElement>(el, '#up-3').click();
    await el.updateComplete;
    expect(el.value.stages.map((s) => s.name)).to.deep.equal([
      'Contact',
      'Demo',
      'Contract',
      'Close',
    ]);
    $<HTMLButtonElement>(el, '#name-0')
      .closest('li')!
      .querySelector<HTMLButtonElement>('button.remove')!
      .click();
    await el.updateComplete;
    expect(el.value.stages.map((s) => s.name)).to.deep.equal(['Demo', 'Contract', 'Close']);
    expect(metric(el, 'won')).to.equal(formatNumber(1000 * 0.5 * 1 * 0.4, 'en'));
  });
});

describe('<sales-simulator> bad input', () => {
  it('names the field, keeps the last valid scenario, and recovers', async () => {
    const el = await make();
    await typeInto(el, '#f-leads', '12x');
    expect(txt(el, '#f-leads-error')).to.equal(
      'Leads per period: enter a number from 0 to 1,000,000,000,000.',
    );
    expect($(el, '#f-leads').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#f-leads').value).to.equal('12x');
    // Each keystroke that made a number took effect; the last valid one (12) stays.
    expect(el.value.leads).to.equal(12);
    expect(metric(el, 'won')).to.equal(formatNumber(12 * 0.6 * 0.5 * 0.4, 'en'));
    await typeInto(el, '#f-leads', 'abc');
    expect(el.value.leads).to.equal(12);

    await typeInto(el, '#f-stages_1__rate', '150');
    expect(txt(el, '#f-stages_1__rate-error')).to.contain('Demo: rate, exact %');
    // "1" and "15" were valid on the way; "150" is not, so 15 % stays.
    expect(el.value.stages[1].rate).to.equal(0.15);

    await typeInto(el, '#name-2', '   ');
    expect(txt(el, '#name-2-error')).to.contain('Name of stage 3');
    expect(el.value.stages[2].name).to.equal('Close');

    await typeInto(el, '#f-leads', '2000');
    expect($(el, '#f-leads-error')).to.equal(null);
    expect(metric(el, 'won')).to.equal(formatNumber(2000 * 0.6 * 0.15 * 0.4, 'en'));
  });

  it('reads a decimal comma in Spanish', async () => {
    const el = await make(
      html`<sales-simulator
        lang="es"
        .scenario=${SCENARIO}
        .repository=${createMemoryRepository()}
      ></sales-simulator>`,
    );
    await typeInto(el, '#f-stages_0__rate', '62,5');
    expect(el.value.stages[0].rate).to.equal(0.625);
  });

  it('shows a bad scenario attribute in place and fires error', async () => {
    const el = document.createElement('sales-simulator');
    el.repository = createMemoryRepository();
    el.setAttribute('lang', 'en');
    el.setAttribute('scenario', '{"leads": -5, "dealValue": 10, "stages": []}');
    const warn = console.warn;
    console.warn = () => {};
    try {
      const event = oneEvent(el, 'error');
      document.body.append(el);
      const { detail } = (await event) as CustomEvent<ErrorEventDetail>;
      await el.updateComplete;
      expect(detail.field).to.equal('scenario');
      expect(txt(el, '.banner')).to.contain('leads');
      // The page still has a working simulator (the default preset).
      expect(metric(el, 'won')).to.not.equal('');
    } finally {
      console.warn = warn;
      el.remove();
    }
  });
});

describe('<sales-simulator> ranking and target', () => {
  it('ranks levers as sensitivity() does and says the top one in a sentence', async () => {
    const el = await make();
    const ranking = sensitivity(SCENARIO, { points: 0.05, leadsRelative: 0.1 });
    const rows = leverRows(el);
    expect(rows.map((r) => r[0])).to.deep.equal(
      ranking.levers.map((l) => (l.kind === 'leads' ? 'Leads' : l.name)),
    );
    expect(rows[0][2]).to.equal(`+${formatNumber(ranking.levers[0].extraWon, 'en')}`);
    const top = ranking.levers[0];
    expect(txt(el, '.top-lever')).to.equal(
      `Improve ${top.name} first: from ${formatPercent(top.from, 'en')} to ${formatPercent(top.to, 'en')} it brings ${formatNumber(top.extraWon, 'en')} more won deals (${formatMoney(top.extraRevenue, 'en', 'EUR', true)}) per period.`,
    );
    expect(root(el).querySelectorAll('svg.tornado rect.up')).to.have.length(4);

    await typeInto(el, '#f-delta', '10');
    const wider = sensitivity(SCENARIO, { points: 0.1, leadsRelative: 0.1 });
    expect(leverRows(el)[0][2]).to.equal(`+${formatNumber(wider.levers[0].extraWon, 'en')}`);
  });

  it('ranks by return when a cost per point is given', async () => {
    const el = await make();
    await typeInto(el, '#f-costPerPoint', '1000');
    const ranking = sensitivity(SCENARIO, { points: 0.05, leadsRelative: 0.1, costPerPoint: 1000 });
    expect(leverRows(el).map((r) => r[0])).to.deep.equal(
      ranking.levers.map((l) => (l.kind === 'leads' ? 'Leads' : l.name)),
    );
    expect(txt(el, '.top-lever')).to.contain('Best return');
  });

  it('gives the leads a target needs, expected and at 90 %', async () => {
    const el = await make();
    await typeInto(el, '#f-target', '200');
    const r = leadsNeeded(SCENARIO, { won: 200 }, { confidence: 0.9 });
    expect(txt(el, '.leads-expected')).to.equal(
      `Leads needed on average: ${formatInteger(r.expected!, 'en')}`,
    );
    expect(txt(el, '.leads-confident')).to.equal(
      `Leads for a 90% chance of reaching it: ${formatInteger(r.atConfidence!, 'en')}`,
    );
    const select = $<HTMLSelectElement>(el, '#target-stage');
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // 200 won from 1000 × 0.6 × 0.5 = 300 reaching Close: 200 / 300.
    expect(txt(el, '.rate-needed')).to.equal(
      `Close would need a rate of ${formatPercent(200 / 300, 'en')} (now 40%).`,
    );
  });
});

describe('<sales-simulator> Monte Carlo band', () => {
  it('shows p10–p90 of the seeded simulation, and follows the latest scenario', async () => {
    const el = await make();
    await el.bandComplete();
    const first = simulate(SCENARIO, { trials: 2000, seed: 1, bins: 1 });
    expect(txt(el, '.band-won')).to.equal(
      `Won deals: between ${formatInteger(first.won.p10, 'en')} and ${formatInteger(first.won.p90, 'en')} in 8 periods out of 10`,
    );
    // Two quick changes: the run for the first is dropped, the band shows the second.
    const slider = $<HTMLInputElement>(el, '#slider-0');
    slider.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect($(el, '.band').getAttribute('aria-busy')).to.equal('true');
    await el.bandComplete();
    const latest = simulate(el.value, { trials: 2000, seed: 1, bins: 1 });
    expect(el.value.stages[0].rate).to.equal(0.59);
    expect(txt(el, '.band-won')).to.contain(
      `between ${formatInteger(latest.won.p10, 'en')} and ${formatInteger(latest.won.p90, 'en')}`,
    );
    expect($(el, '.band').getAttribute('aria-busy')).to.equal('false');
  });
});

describe('<sales-simulator> scenarios', () => {
  async function saveAs(el: SalesSimulator, name: string) {
    await typeInto(el, '#save-name', name);
    $<HTMLButtonElement>(el, 'form.save button[type="submit"]').click();
    await waitUntil(() => txt(el, '.status').includes(name), 'not saved');
    await el.updateComplete;
  }

  async function roundTrip(repo: SalesRepository) {
    const el = await make(
      html`<sales-simulator lang="en" .scenario=${SCENARIO} .repository=${repo}></sales-simulator>`,
    );
    await saveAs(el, 'Plan A');
    const stored = await repo.listScenarios();
    expect(stored.map((s) => s.name)).to.deep.equal(['Plan A']);
    expect(stored[0].scenario.stages.map((s) => s.rate)).to.deep.equal([0.6, 0.5, 0.4]);

    // A later bad input does not touch what was saved, nor what a new save stores.
    await typeInto(el, '#f-leads', '-3');
    await typeInto(el, '#f-stages_0__rate', '80');
    await saveAs(el, 'Plan B');
    const b = (await repo.listScenarios()).find((s) => s.name === 'Plan B')!;
    expect(b.scenario.leads).to.equal(1000);
    expect(b.scenario.stages[0].rate).to.equal(0.8);

    // Open Plan A again.
    const open = [...root(el).querySelectorAll<HTMLButtonElement>('.saved button')].find(
      (btn) => btn.getAttribute('aria-label') === 'Open: Plan A',
    )!;
    open.click();
    await el.updateComplete;
    expect(el.value.stages[0].rate).to.equal(0.6);

    // Rename Plan A.
    [...root(el).querySelectorAll<HTMLButtonElement>('.saved button')]
      .find((btn) => btn.getAttribute('aria-label') === 'Rename: Plan A')!
      .click();
    await el.updateComplete;
    await typeInto(el, '#rename-input', 'Plan A2');
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await repo.listScenarios()).some((s) => s.name === 'Plan A2'));

    // Compare the two side by side.
    await waitUntil(() => root(el).querySelector('#compare-a'), 'no compare');
    const a = $<HTMLSelectElement>(el, '#compare-a');
    a.value = (await repo.listScenarios()).find((s) => s.name === 'Plan B')!.id;
    a.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const heads = [...root(el).querySelectorAll('.compare-table thead th')].map((th) =>
      th.textContent!.trim(),
    );
    expect(heads).to.deep.equal(['Metric', 'Plan B', 'Current (unsaved)']);

    // Delete Plan B.
    [...root(el).querySelectorAll<HTMLButtonElement>('.saved button')]
      .find((btn) => btn.getAttribute('aria-label') === 'Delete: Plan B')!
      .click();
    await waitUntil(async () => (await repo.listScenarios()).length === 1);
    await waitUntil(() => !txt(el, '.saved').includes('Plan B'));
    expect(txt(el, '.saved')).to.contain('Plan A2');
  }

  it('saves, reloads, renames, compares and deletes (memory)', async () => {
    await roundTrip(createMemoryRepository());
  });

  it('saves, reloads, renames, compares and deletes (IndexedDB)', async () => {
    const name = `test-simulator-${Date.now().toString(36)}`;
    const repo = await createIdbRepository({ name });
    try {
      await roundTrip(repo);
    } finally {
      repo.close();
      await deleteDB(name);
    }
  });

  it('imports a scenario file and rejects a bad one without losing the current', async () => {
    const el = await make();
    const event = oneEvent(el, 'scenario-changed');
    expect(
      el.importText(JSON.stringify({ ...SCENARIO, leads: 500, name: 'From file' }), 'x.json'),
    ).to.equal(true);
    await event;
    await el.updateComplete;
    expect(el.value.leads).to.equal(500);
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(el.importText('{"leads": 1e999', 'bad.json')).to.equal(false);
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(txt(el, '.banner')).to.contain('The file “bad.json” could not be used');
    expect(el.value.leads).to.equal(500);
  });
});

describe('<sales-simulator> share link', () => {
  it('round-trips the scenario through the URL hash', async () => {
    const el = await make();
    await typeInto(el, '#f-stages_1__rate', '55');
    const link = el.shareLink();
    const decoded = decodeScenarioHash(new URL(link).hash, 'en');
    expect(decoded.ok && decoded.value).to.deep.equal(el.value);

    history.replaceState(null, '', new URL(link).hash);
    const other = await make(
      html`<sales-simulator
        lang="en"
        sync-hash
        trials="200"
        .repository=${createMemoryRepository()}
      ></sales-simulator>`,
    );
    expect(other.value).to.deep.equal(el.value);
    expect(metric(other, 'won')).to.equal(formatNumber(project(el.value).won, 'en'));
  });

  const hostile: [string, string][] = [
    [
      'a proto key',
      '{"leads":10,"dealValue":1,"stages":[{"name":"x","rate":0.5}],"__proto__":{"polluted":1}}',
    ],
    ['huge numbers', '{"leads":1e308,"dealValue":1e300,"stages":[{"name":"x","rate":0.5}]}'],
    ['not a scenario', '"<img src=x onerror=alert(1)>"'],
  ];
  for (const [label, json] of hostile) {
    it(`rejects a link with ${label}, keeping the scenario in effect`, async () => {
      const el = await make(
        html`<sales-simulator
          lang="en"
          sync-hash
          trials="200"
          .scenario=${SCENARIO}
          .repository=${createMemoryRepository()}
        ></sales-simulator>`,
      );
      const bytes = new TextEncoder().encode(json);
      const b64 = btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
      const warn = console.warn;
      console.warn = () => {};
      try {
        const event = oneEvent(el, 'error');
        location.hash = `scenario=${b64}`;
        const { detail } = (await event) as CustomEvent<ErrorEventDetail>;
        await el.updateComplete;
        expect(detail.field).to.equal('link');
      } finally {
        console.warn = warn;
      }
      expect(txt(el, '.banner')).to.contain('The link holds no usable scenario');
      expect(el.value).to.deep.equal(SCENARIO);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(root(el).querySelector('img')).to.equal(null);
    });
  }

  it('shows HTML in a stage name as text, never as markup', async () => {
    const name = '<img src=x onerror="window.hacked=1">';
    const el = await make(
      html`<sales-simulator
        lang="en"
        .scenario=${{ ...SCENARIO, wonStage: 0, stages: [{ name, rate: 0.5 }] }}
        .repository=${createMemoryRepository()}
      ></sales-simulator>`,
    );
    expect($<HTMLInputElement>(el, '#name-0').value).to.equal(name);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('rejects a damaged link', async () => {
    const result = decodeScenarioHash('#scenario=%%%not-base64', 'es');
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.errors[0].message).to.equal('el enlace está dañado o incompleto.');
  });
});

describe('<sales-simulator> presenting', () => {
  it('reveals stages one by one and nudges the selected rate from the keyboard', async () => {
    const el = await make(
      html`<sales-simulator
        lang="en"
        presenting
        trials="200"
        .scenario=${SCENARIO}
        .repository=${createMemoryRepository()}
      ></sales-simulator>`,
    );
    expect(root(el).querySelectorAll('li.stage')).to.have.length(1);
    $<HTMLInputElement>(el, '#slider-0').focus();
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(root(el).querySelectorAll('li.stage')).to.have.length(2);
    expect(txt(el, '.presenting-bar .reveal')).to.contain('Showing 2 of 3 stages');
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
    expect(root(el).querySelectorAll('li.stage')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<sales-simulator> accessibility', () => {
  it('is accessible in its main states (en and es)', async () => {
    const el = await make();
    await el.bandComplete();
    await expect(el).to.be.accessible();
    await typeInto(el, '#f-leads', 'abc');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'es');
    await waitUntil(() => txt(el, '#inputs-title') === 'Datos', 'not in Spanish');
    expect(txt(el, '#f-leads-error')).to.equal(
      'Leads por periodo: escriba un número entre 0 y 1.000.000.000.000.',
    );
    await expect(el).to.be.accessible();
  });

  it('labels every input, select and button', async () => {
    const el = await make();
    for (const input of root(el).querySelectorAll('input, select')) {
      const id = input.id;
      const labelled =
        input.hasAttribute('aria-label') ||
        (id && root(el).querySelector(`label[for="${id}"]`)) ||
        input.closest('label');
      expect(labelled, `${input.outerHTML}`).to.be.ok;
    }
    for (const button of root(el).querySelectorAll('button')) {
      expect((button.getAttribute('aria-label') ?? button.textContent)!.trim()).to.not.equal('');
    }
  });
});
