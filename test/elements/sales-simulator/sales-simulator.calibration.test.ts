import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { sampleHistory, scenarioFromPipeline } from '../../../src/analytics/index.js';
import { formatInteger, formatNumber } from '../../../src/model/format.js';
import { getPreset, localizeScenario } from '../../../src/model/presets.js';
import type { Deal, Pipeline, Scenario, StageEvent } from '../../../src/model/types.js';
import { parseScenario } from '../../../src/model/validate.js';
import { project, simulate } from '../../../src/sim/index.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { make } from './fixtures.js';
import { byLabel, byRole, descriptionOf, figure, queryByRole, spoken, textOf } from './queries.js';

const DAY = 86_400_000;
const TRIALS = 4000;

function pipelineNamed(id: string, name: string, now: number): Pipeline {
  return {
    id,
    name,
    currency: 'EUR',
    stages: [
      { id: 'lead', name: 'Lead' },
      { id: 'deal', name: 'Deal' },
    ],
    createdAt: now - 400 * DAY,
    updatedAt: now,
  };
}

/**
 * A history worked by hand: in every four deals two are lost as leads, one is lost as a deal
 * and one is won, so both stages convert exactly 50 %. `recent` deals are created within the
 * last month (they are the scenario's leads), `older` ones 200+ days ago (evidence only).
 */
function history(id: string, name: string, recent: number, older: number, now: number) {
  const pipeline = pipelineNamed(id, name, now);
  const deals: Deal[] = [];
  const events: StageEvent[] = [];
  for (let i = 0; i < recent + older; i++) {
    const created = i < recent ? now - (1 + (i % 25)) * DAY : now - (200 + (i % 150)) * DAY;
    const fate = i % 4; // 0, 1: lost as lead; 2: lost as deal; 3: won
    const dealId = `${id}-d${String(i).padStart(5, '0')}`;
    const last = fate < 2 ? 'lead' : 'deal';
    const closed = created + DAY / 2;
    const ev = (n: number, kind: StageEvent['kind'], from: string | null, to: string, at: number) =>
      events.push({ id: `${dealId}-e${n}`, pipelineId: id, dealId, kind, from, to, at });
    ev(0, 'created', null, 'lead', created);
    if (fate >= 2) ev(1, 'moved', 'lead', 'deal', created + DAY / 4);
    ev(2, fate === 3 ? 'won' : 'lost', null, last, closed);
    deals.push({
      id: dealId,
      pipelineId: id,
      title: `Deal ${i}`,
      amount: 1000,
      currency: 'EUR',
      stageId: last,
      outcome: fate === 3 ? 'won' : 'lost',
      ...(fate === 3 ? {} : { lostReason: 'Price' }),
      createdAt: created,
      updatedAt: closed,
      stageEnteredAt: fate >= 2 ? created + DAY / 4 : created,
      version: 1,
    });
  }
  return { pipeline, deals, events };
}

async function store(repo: SalesRepository, h: ReturnType<typeof history>) {
  await repo.importPipeline({
    format: 'sales-funnel/pipeline',
    formatVersion: 1,
    exportedAt: Date.now(),
    ...h,
  });
}

/** "Shown" (`make` awaits `updateComplete`): the calibration, and the band of its scenario. */
const calibrated = (repository: SalesRepository, pipeline: string, lang = 'en') =>
  make({ lang, trials: TRIALS, pipeline, repository, scenario: null });

/** The note saying which pipeline the scenario comes from. */
const note = (el: SalesSimulator) => textOf(byRole(el, 'note'));

/** The p10 and p90 of won deals as the band shows them. */
function bandNumbers(el: SalesSimulator): [number, number] {
  const text = textOf(byRole(el, 'group', 'Uncertainty'));
  const m = /between ([\d,]+) and ([\d,]+)/.exec(text);
  expect(m, text).to.not.equal(null);
  return [Number(m![1].replace(/,/g, '')), Number(m![2].replace(/,/g, ''))];
}

describe('<sales-simulator pipeline>', () => {
  it('starts from the observed counts, says so, and shows the rates in the inputs', async () => {
    const now = Date.now();
    const repo = createMemoryRepository();
    const h = history('small', 'Small team', 40, 0, now);
    await store(repo, h);
    const el = await calibrated(repo, 'small');

    const value = el.value;
    expect(value.leads).to.equal(40);
    expect(value.stages.map((s) => s.observed)).to.deep.equal([
      { won: 20, of: 40 },
      { won: 10, of: 20 },
    ]);
    expect(value.dealValue).to.equal(1000);
    for (const name of ['Lead', 'Deal']) {
      expect(byLabel(el, `${name}: rate, exact %`).value).to.equal('50');
      expect(byRole<HTMLInputElement>(el, 'slider', `${name}: rate`).value).to.equal('50');
    }
    expect(figure(el, 'Won deals').value).to.equal(formatNumber(10, 'en'));
    const since = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
      Math.min(...h.deals.map((d) => d.createdAt)),
    );
    const expected = `Calibrated from pipeline “Small team”: 40 deals since ${since}.`;
    expect(note(el)).to.equal(expected);
    // Said once it is read, in the element's one polite live region.
    expect(spoken(el)).to.equal(expected);
    await expect(el).to.be.accessible();
  });

  it('says under each slider which observation its rate comes from, in English and Spanish', async () => {
    const now = Date.now();
    const repo = createMemoryRepository();
    await store(repo, history('small', 'Small team', 40, 0, now));
    const el = await calibrated(repo, 'small');
    const lead = byRole(el, 'slider', 'Lead: rate');
    expect(descriptionOf(lead)).to.equal('Observed: 20 of 40 decided deals went on (50%)');
    expect(descriptionOf(byRole(el, 'slider', 'Deal: rate'))).to.equal(
      'Observed: 10 of 20 decided deals went on (50%)',
    );
    expect(textOf(lead.closest('li'))).to.contain('Observed: 20 of 40 decided deals went on (50%)');

    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(descriptionOf(byRole(el, 'slider', 'Lead: tasa'))).to.equal(
      'Observado: 20 de 40 oportunidades decididas avanzaron (50 %)',
    );

    // A rate the person sets no longer comes from an observation.
    const input = byLabel(el, 'Lead: tasa exacta en %');
    input.focus();
    input.select();
    await sendKeys({ type: '60' });
    await el.updateComplete;
    expect(descriptionOf(byRole(el, 'slider', 'Lead: tasa'))).to.equal('');
    expect(textOf(byRole(el, 'slider', 'Lead: tasa').closest('li'))).not.to.contain('Observado');
    expect(descriptionOf(byRole(el, 'slider', 'Deal: tasa'))).to.equal(
      'Observado: 10 de 20 oportunidades decididas avanzaron (50 %)',
    );
  });

  it('shows a wider band for a small history than for a large one with the same rates', async () => {
    const now = Date.now();
    const repo = createMemoryRepository();
    await store(repo, history('small', 'Small', 40, 0, now));
    await store(repo, history('large', 'Large', 40, 4000, now));
    const small = await calibrated(repo, 'small');
    const large = await calibrated(repo, 'large');
    // Same leads and the same 50 % / 50 % rates; only the amount of evidence differs.
    expect(large.value.leads).to.equal(small.value.leads);
    expect(large.value.stages.map((s) => s.rate)).to.deep.equal([0.5, 0.5]);
    expect(large.value.stages[0].observed).to.deep.equal({ won: 2020, of: 4040 });

    const [s10, s90] = bandNumbers(small);
    const [l10, l90] = bandNumbers(large);
    // The numbers shown are the seeded engine's for the calibrated scenario.
    for (const [el, p10, p90] of [
      [small, s10, s90],
      [large, l10, l90],
    ] as const) {
      const run = simulate(el.value, { trials: TRIALS, seed: 1, bins: 1 });
      expect([p10, p90]).to.deep.equal([Math.round(run.won.p10), Math.round(run.won.p90)]);
    }
    // With 4,040 observations the band is nearly Binomial(40, 0.25): sd √7.5 ≈ 2.7, p10–p90
    // about ±1.28 sd. With 40 the rates' own spread (Beta(21,21), Beta(11,11)) adds ≈ 2.6 sd.
    expect(s90 - s10).to.be.greaterThan(l90 - l10);
    expect(l90 - l10).to.be.within(5, 8);
    expect(s90 - s10).to.be.within(8, 12);
  });

  it('follows the pipeline until the person edits, then offers to recalibrate', async () => {
    const now = Date.now();
    const repo = createMemoryRepository();
    await store(repo, history('team', 'Team', 40, 0, now));
    const el = await calibrated(repo, 'team');
    expect(el.value.leads).to.equal(40);

    // Untouched: a new deal is taken in at once (an open deal adds a lead, not a rate).
    await repo.createDeal('team', { title: 'New one' });
    await waitUntil(() => el.value.leads === 41, 'did not follow the pipeline');
    await el.updateComplete;
    expect(note(el)).to.contain('41 deals since');

    // Edited: a typed rate replaces the observed counts for that stage, and is kept.
    const input = byLabel(el, 'Lead: rate, exact %');
    input.focus();
    input.select();
    await sendKeys({ type: '60' });
    await el.updateComplete;
    expect(descriptionOf(input)).to.equal('');
    expect(el.value.stages[0].rate).to.equal(0.6);
    expect(el.value.stages[0].observed).to.equal(undefined);
    expect(el.value.stages[1].observed).to.deep.equal({ won: 10, of: 20 });
    expect(queryByRole(el, 'button', 'Recalibrate')!.classList.contains('primary')).to.equal(false);

    await repo.createDeal('team', { title: 'Another one' });
    const offer =
      'Pipeline “Team” changed since this calibration. Recalibrate to use its latest history (your edits will be replaced).';
    await waitUntil(() => note(el) === offer, 'no offer');
    expect(spoken(el)).to.equal(offer);
    expect(el.value.stages[0].rate).to.equal(0.6);
    expect(el.value.leads).to.equal(41);
    // Recalibrating is now what the note offers first.
    expect(byRole(el, 'button', 'Recalibrate').classList.contains('primary')).to.equal(true);

    const changed = oneEvent(el, 'scenario-changed');
    byRole(el, 'button', 'Recalibrate').click();
    await changed;
    await el.updateComplete;
    expect(el.value.leads).to.equal(42);
    expect(el.value.stages[0].observed).to.deep.equal({ won: 20, of: 40 });
    expect(note(el)).to.contain('42 deals since');
    expect(spoken(el)).to.contain('42 deals since');
  });

  it('falls back to the preset, saying why, for a pipeline with no history or none at all', async () => {
    const repo = createMemoryRepository();
    await repo.ensurePipeline('empty', { name: 'Empty' });
    const el = await calibrated(repo, 'empty');
    const preset = getPreset('pipeline-7')!;
    const title = preset.title.en;
    expect(note(el)).to.equal(
      `Pipeline “Empty” has no closed deals yet, so there are no rates to observe: starting from “${title}”.`,
    );
    expect(el.value).to.deep.equal(preset.scenario);
    expect(figure(el, 'Won deals').value).to.equal(
      formatNumber(project(localizeScenario(preset.scenario, 'en')).won, 'en'),
    );
    await expect(el).to.be.accessible();

    const missing = await calibrated(repo, 'nope', 'es');
    expect(note(missing)).to.equal(
      `No hay ningún flujo de ventas «nope» en este navegador: se parte de «${preset.title.es}».`,
    );
    expect(missing.value).to.deep.equal(preset.scenario);
  });

  it('says the pipeline could not be read, and keeps the scenario', async () => {
    const repo = createMemoryRepository();
    const failing: SalesRepository = Object.create(repo) as SalesRepository;
    failing.getPipeline = () => Promise.reject(new Error('disk on fire'));
    const el = await calibrated(failing, 'team');
    expect(note(el)).to.equal(
      `Pipeline “team” could not be read (disk on fire): starting from “${getPreset('pipeline-7')!.title.en}”.`,
    );
    expect(el.value).to.deep.equal(getPreset('pipeline-7')!.scenario);
  });

  it('takes the rates of a realistic sample history', async () => {
    const now = Date.now() - 60_000;
    const repo = createMemoryRepository();
    const sample = sampleHistory({ seed: 42, now });
    await repo.importPipeline({
      format: 'sales-funnel/pipeline',
      formatVersion: 1,
      exportedAt: now,
      ...sample,
    });
    const el = await calibrated(repo, sample.pipeline.id);
    const raw = scenarioFromPipeline(sample.pipeline, sample.deals, sample.events, {
      now: Date.now(),
      lang: 'en',
    });
    const expected = parseScenario(raw) as { ok: true; value: Scenario };
    expect(expected.ok).to.equal(true);
    expect(el.value.stages.map((s) => s.observed)).to.deep.equal(
      expected.value.stages.map((s) => s.observed),
    );
    expect(el.value.leads).to.equal(expected.value.leads);
    const fmt = new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 2 });
    const shown = expected.value.stages.map((s) => byLabel(el, `${s.name}: rate, exact %`).value);
    expect(shown).to.deep.equal(expected.value.stages.map((s) => fmt.format(s.rate * 100)));
    expect(note(el)).to.contain(`: ${formatInteger(sample.deals.length, 'en')} deals since`);
  });

  it('is reflected, and reads another pipeline when it changes', async () => {
    const now = Date.now();
    const repo = createMemoryRepository();
    await store(repo, history('a', 'Team A', 40, 0, now));
    await store(repo, history('b', 'Team B', 80, 0, now));
    const el = await calibrated(repo, 'a');
    expect(el.getAttribute('pipeline')).to.equal('a');
    el.pipeline = 'b';
    await el.updateComplete;
    expect(el.getAttribute('pipeline')).to.equal('b');
    expect(el.value.leads).to.equal(80);
    expect(note(el)).to.contain('Calibrated from pipeline “Team B”: 80 deals since');
  });
});
