import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import '../../../src/elements/sales-funnel/define.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { openRepository } from '../../../src/store/open.js';
import type { SalesRepository } from '../../../src/store/repository.js';

const tableRows = (el: SalesFunnel) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].slice(0, 2).map((c) => c.textContent!.trim()),
  );
const caption = (el: SalesFunnel) => el.shadowRoot!.querySelector('.caption')?.textContent ?? '';

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

/** Waits until the hidden table shows these [stage, count] rows. */
async function rowsBecome(el: SalesFunnel, rows: string[][]) {
  await waitUntil(
    () => JSON.stringify(tableRows(el)) === JSON.stringify(rows),
    `rows never became ${JSON.stringify(rows)}; last ${JSON.stringify(tableRows(el))}`,
    { timeout: 4000 },
  );
}

describe('<sales-funnel pipeline>', () => {
  it('shows the deals that reached each stage, from a repository property, and follows moves', async () => {
    const repo = createMemoryRepository();
    const a = await seed(repo, 'p1');
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" pipeline="p1" .repository=${repo}></sales-funnel>`,
    );
    // Reached: Lead 5 (all), Offer 2 (C and the won D), Negotiation 1 (D counts everywhere).
    await rowsBecome(el, [
      ['Lead', '5'],
      ['Offer', '2'],
      ['Negotiation', '1'],
    ]);
    expect(caption(el)).to.include('Live from pipeline “Test”');
    await repo.moveDeal(a.id, 'deal', { expectedVersion: a.version });
    await rowsBecome(el, [
      ['Lead', '5'],
      ['Offer', '3'],
      ['Negotiation', '2'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('names stages in the element language and says when the pipeline does not exist yet', async () => {
    const repo = createMemoryRepository();
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="es" pipeline="later" .repository=${repo}></sales-funnel>`,
    );
    await waitUntil(
      () => caption(el).includes('Aún no existe el flujo de ventas «later»'),
      caption(el),
    );
    await seed(repo, 'later');
    await rowsBecome(el, [
      ['Contacto', '5'],
      ['Offer', '2'],
      ['Negotiation', '1'],
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
    await rowsBecome(el, [['Given', '3']]);
    el.stages = undefined;
    await rowsBecome(el, [
      ['Lead', '5'],
      ['Offer', '2'],
      ['Negotiation', '1'],
    ]);
    el.pipeline = 'p2';
    await rowsBecome(el, [['Only', '0']]);
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
      await rowsBecome(el, [
        ['Lead', '5'],
        ['Offer', '2'],
        ['Negotiation', '1'],
      ]);
      await otherTab.setOutcome(a.id, 'won', { expectedVersion: a.version });
      await rowsBecome(el, [
        ['Lead', '5'],
        ['Offer', '3'],
        ['Negotiation', '2'],
      ]);
    } finally {
      otherTab.close();
      thisTab.close();
      await deleteDB(name);
    }
  });
});
