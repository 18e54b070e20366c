import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { openRepository } from '../../../src/store/open.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { caption, headers, labelText, stage, tableRows } from './helpers.js';

/** The hidden table as [stage, count] rows. */
const counts = (el: SalesFunnel) => tableRows(el).map((r) => r.slice(0, 2));

/** Three stages; deals: two in Lead, one in Offer, one won from Offer, one lost in Lead. */
async function seed(repo: SalesRepository, id: string) {
  await repo.createPipeline({
    id,
    name: 'Test',
    stages: [
      { id: 'lead', name: 'Lead', names: { es: 'Contacto', en: 'Lead' } },
      { id: 'offer', name: 'Offer' },
      { id: 'deal', name: 'Negotiation' },
    ],
  });
  const add = (title: string, stageId: string, outcome?: 'won' | 'lost') =>
    repo.createDeal(id, { title, stageId, ...(outcome ? { outcome } : {}) });
  const a = await add('A', 'lead');
  await add('B', 'lead');
  await add('C', 'offer');
  await add('D', 'offer', 'won');
  await add('E', 'lead', 'lost');
  return a;
}

/** What `seed` gives: reached Lead 5 (all), Offer 2 (C and the won D), Negotiation 1 (D), Won 1. */
const SEEDED = [
  ['Lead', '5'],
  ['Offer', '2'],
  ['Negotiation', '1'],
  ['Won', '1'],
];
/** …and once A has reached Negotiation. */
const A_FURTHER = [
  ['Lead', '5'],
  ['Offer', '3'],
  ['Negotiation', '2'],
  ['Won', '1'],
];

/** Waits until the hidden table shows these [stage, count] rows (a change from another tab). */
async function rowsBecome(el: SalesFunnel, rows: string[][]) {
  await waitUntil(
    () => JSON.stringify(counts(el)) === JSON.stringify(rows),
    `rows never became ${JSON.stringify(rows)}; last ${JSON.stringify(counts(el))}`,
    { timeout: 4000 },
  );
}

describe('<sales-funnel pipeline>', () => {
  it('shows the deals that reached each stage and those won, from a repository property, and follows moves', async () => {
    const repo = createMemoryRepository();
    const a = await seed(repo, 'p1');
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" pipeline="p1" .repository=${repo}></sales-funnel>`,
    );
    // `updateComplete` waited for the read.
    expect(counts(el)).to.deep.equal(SEEDED);
    expect(caption(el)).to.include('Live from pipeline “Test”');
    await repo.moveDeal(a.id, 'deal', { expectedVersion: a.version });
    await el.updateComplete;
    expect(counts(el)).to.deep.equal(A_FURTHER);
    await expect(el).to.be.accessible();
  });

  it('labels each conversion as that of the decided deals, in its labels, tooltip names and table', async () => {
    const repo = createMemoryRepository();
    await seed(repo, 'p1');
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" pipeline="p1" .repository=${repo}></sales-funnel>`,
    );
    // Decided in Lead: C and D went on, E was lost (A, B still open) → 2 of 3.
    expect(headers(el)).to.include('Decided deals that went on');
    expect(tableRows(el).map((r) => r[3])).to.deep.equal([
      '—',
      '67% (2 of 3)',
      '100% (1 of 1)',
      '100% (1 of 1)',
    ]);
    expect(stage(el, 'Offer')!.getAttribute('aria-label')).to.contain(
      'Decided deals that went on: 67% (2 of 3)',
    );
    expect(labelText(el).join(' ')).to.contain('▼ 67% of decided deals went on');
    expect(caption(el)).to.contain('the deals that ever reached each stage');
    expect(caption(el)).to.contain('Each percentage is of the deals decided in the stage before');

    el.lang = 'es';
    await el.updateComplete;
    expect(counts(el).map((r) => r[0])).to.deep.equal([
      'Contacto',
      'Offer',
      'Negotiation',
      'Ganadas',
    ]);
    expect(headers(el)).to.include('Oportunidades decididas que avanzaron');
    expect(tableRows(el)[1][3]).to.equal('67\u00a0% (2 de 3)');
    // The label says as much of it as fits: at most 34 characters a line.
    expect(labelText(el).join(' ')).to.contain('▼ 67 % de las decididas avanzó');
    expect(caption(el)).to.contain('las oportunidades que alguna vez llegaron a cada etapa');
  });

  it('draws the pipeline against its plan, a saved scenario, labelled “Plan”', async () => {
    const repo = createMemoryRepository();
    await seed(repo, 'p1');
    // 10 leads, half of them going on at each stage: 10, 5, 2.5, then 1.25 won.
    const saved = await repo.saveScenario({
      name: 'Q3 plan',
      // As the simulator saves it: under no pipeline.
      pipelineId: null,
      scenario: {
        leads: 10,
        dealValue: 1000,
        currency: 'EUR',
        wonStage: 2,
        stages: ['Lead', 'Offer', 'Negotiation'].map((name) => ({ name, rate: 0.5 })),
      },
    });
    await repo.updatePipeline('p1', { plan: saved.id });
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" pipeline="p1" .repository=${repo}></sales-funnel>`,
    );
    expect(counts(el)).to.deep.equal(SEEDED);
    expect(headers(el)).to.include('Change (Plan)');
    // Lead: 5 reached against 10 planned.
    expect(labelText(el)[0]).to.contain('vs. Plan');
    expect(tableRows(el)[0].at(-1)).to.equal('−50%');
    await expect(el).to.be.accessible();
    // `compare-label` names it otherwise; without a plan there is no outline.
    el.compareLabel = 'Budget';
    await el.updateComplete;
    expect(headers(el)).to.include('Change (Budget)').and.not.include('Change (Plan)');
    el.compareLabel = undefined;
    await repo.updatePipeline('p1', { plan: null });
    await el.updateComplete;
    expect(headers(el)).to.not.include('Change (Plan)').and.not.include('Change');
    expect(labelText(el)[0]).to.not.contain('vs.');
  });

  it('follows an edit of the plan’s saved scenario, without a reload', async () => {
    const repo = createMemoryRepository();
    await seed(repo, 'p1');
    const plan = (leads: number) => ({
      leads,
      dealValue: 1000,
      currency: 'EUR',
      wonStage: 2,
      stages: ['Lead', 'Offer', 'Negotiation'].map((name) => ({ name, rate: 0.5 })),
    });
    const saved = await repo.saveScenario({
      name: 'Q3 plan',
      pipelineId: null,
      scenario: plan(10),
    });
    await repo.updatePipeline('p1', { plan: saved.id });
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" pipeline="p1" .repository=${repo}></sales-funnel>`,
    );
    // Lead: 5 reached against 10 planned.
    expect(tableRows(el)[0].at(-1)).to.equal('−50%');
    // The simulator saves over it (same scenario, same id): 20 leads planned now.
    await repo.saveScenario({
      id: saved.id,
      name: 'Q3 plan',
      pipelineId: null,
      scenario: plan(20),
    });
    await waitUntil(() => tableRows(el)[0].at(-1) === '−75%', 'the edited plan was not read');
    // A scenario that is not the plan changes nothing.
    await repo.saveScenario({ name: 'Other', pipelineId: null, scenario: plan(40) });
    await el.updateComplete;
    expect(tableRows(el)[0].at(-1)).to.equal('−75%');
  });

  it('does not update for a change to another pipeline, and still follows its own', async () => {
    const repo = createMemoryRepository();
    await seed(repo, 'p1');
    await repo.createPipeline({ id: 'p2', name: 'Other', stages: [{ id: 'x', name: 'X' }] });
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" pipeline="p1" .repository=${repo}></sales-funnel>`,
    );
    // Heard after the chart's own listener: by then it has asked for an update, or not.
    const asked: boolean[] = [];
    const off = repo.subscribe(null, () => asked.push(el.isUpdatePending));
    await repo.createDeal('p2', { title: 'Elsewhere', stageId: 'x' });
    expect(asked).to.deep.equal([false]);
    await repo.createDeal('p1', { title: 'F', stageId: 'offer' });
    off();
    expect(asked).to.deep.equal([false, true]);
    await el.updateComplete;
    expect(counts(el)[0]).to.deep.equal(['Lead', '6']);
  });

  it('counts a deal sent back where it got furthest', async () => {
    const repo = createMemoryRepository();
    const a = await seed(repo, 'p1');
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" pipeline="p1" .repository=${repo}></sales-funnel>`,
    );
    const moved = await repo.moveDeal(a.id, 'deal', { expectedVersion: a.version });
    await repo.moveDeal(a.id, 'lead', { expectedVersion: moved.deal.version });
    await el.updateComplete;
    // A sits in Lead again, but it reached Negotiation: the board's counts would say 2 and 1.
    expect(counts(el)).to.deep.equal(A_FURTHER);
  });

  it('names stages in the element language and says when the pipeline does not exist yet', async () => {
    const repo = createMemoryRepository();
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="es" pipeline="later" .repository=${repo}></sales-funnel>`,
    );
    expect(caption(el)).to.include('Aún no existe el flujo de ventas «later»');
    await seed(repo, 'later');
    await el.updateComplete;
    expect(counts(el)).to.deep.equal([
      ['Contacto', '5'],
      ['Offer', '2'],
      ['Negotiation', '1'],
      ['Ganadas', '1'],
    ]);
  });

  it('stays on explicit stages when both are given, and follows a change of pipeline', async () => {
    const repo = createMemoryRepository();
    await seed(repo, 'p1');
    await repo.createPipeline({ id: 'p2', name: 'Two', stages: [{ id: 'x', name: 'Only' }] });
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        lang="en"
        pipeline="p1"
        .repository=${repo}
        stages='[{"name":"Given","value":3}]'
      ></sales-funnel>`,
    );
    expect(counts(el)).to.deep.equal([['Given', '3']]);
    el.stages = undefined;
    await el.updateComplete;
    expect(counts(el)).to.deep.equal(SEEDED);
    el.pipeline = 'p2';
    await el.updateComplete;
    expect(counts(el)).to.deep.equal([
      ['Only', '0'],
      ['Won', '0'],
    ]);
  });

  it('shows only the latest pipeline when an earlier read ends after it', async () => {
    const repo = createMemoryRepository();
    await seed(repo, 'slow');
    await repo.createPipeline({ id: 'fast', name: 'Fast', stages: [{ id: 'x', name: 'Only' }] });
    let release = () => {};
    let started = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const reading = new Promise<void>((resolve) => (started = resolve));
    const slowRepo: SalesRepository = Object.create(repo) as SalesRepository;
    slowRepo.getPipeline = async (id) => {
      if (id === 'slow') {
        started();
        await held;
      }
      return repo.getPipeline(id);
    };
    const el = document.createElement('sales-funnel');
    el.lang = 'en';
    el.repository = slowRepo;
    el.pipeline = 'slow';
    document.body.append(el);
    // The slow read is under way; another pipeline is asked for before it ends.
    await reading;
    el.pipeline = 'fast';
    await el.updateComplete;
    expect(counts(el)).to.deep.equal([
      ['Only', '0'],
      ['Won', '0'],
    ]);
    release();
    await held;
    await el.updateComplete;
    expect(counts(el)).to.deep.equal([
      ['Only', '0'],
      ['Won', '0'],
    ]);
    el.remove();
  });

  it('updates when another tab moves a deal in IndexedDB', async () => {
    const name = `test-funnel-pipeline-${Date.now().toString(36)}`;
    // Two repository instances on one database play two tabs; the funnel uses the second.
    const otherTab = await openRepository({ name });
    const thisTab = await openRepository({ name });
    try {
      const a = await seed(otherTab, 'p');
      const el = await fixture<SalesFunnel>(
        html`<sales-funnel lang="en" pipeline="p" .repository=${thisTab}></sales-funnel>`,
      );
      expect(counts(el)).to.deep.equal(SEEDED);
      await otherTab.setOutcome(a.id, 'won', { expectedVersion: a.version });
      await rowsBecome(el, [
        ['Lead', '5'],
        ['Offer', '3'],
        ['Negotiation', '2'],
        ['Won', '2'],
      ]);
    } finally {
      otherTab.close();
      thisTab.close();
      await deleteDB(name);
    }
  });
});
