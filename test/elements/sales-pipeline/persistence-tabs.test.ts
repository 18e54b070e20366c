import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sharedRepository } from '../../../src/elements/controllers/repository-controller.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { openDatabase } from '../../../src/store/db.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import {
  PIPELINE,
  board,
  card,
  dbName,
  deleteDatabases,
  dialogOf,
  field,
  noticeTexts,
  press,
  root,
  seed,
  titlesIn,
  totalsOf,
} from './helpers.js';

// The board on IndexedDB: what survives a reload, and two tabs (two connections) in step.

describe('<sales-pipeline> on IndexedDB', () => {
  const open: SalesRepository[] = [];
  const repoOn = async (name: string) => {
    const repo = await createIdbRepository({ name });
    open.push(repo);
    return repo;
  };

  afterEach(async () => {
    fixtureCleanup();
    for (const r of open.splice(0)) r.close();
    await deleteDatabases();
  });

  it('keeps a move across a re-created element and a new connection (a reload)', async () => {
    const name = dbName('reload');
    const first = await repoOn(name);
    await seed(first, [{ title: 'Keep me', stageId: 'lead' }]);
    const el = await board(first);
    const [deal] = await first.listDeals(PIPELINE);
    expect(await el.moveDeal(deal!.id, { stageId: 'deal' })).to.equal(true);
    el.remove();
    first.close();

    const second = await repoOn(name);
    const again = await board(second);
    expect(titlesIn(again, 'Negotiation')).to.deep.equal(['Keep me']);
    expect(titlesIn(again, 'Lead')).to.deep.equal([]);
    // The board does not say "not saved" when it is.
    expect(again.shadowRoot!.textContent).to.not.include('Not saved');
  });

  it('keeps two boards on two connections to one database in step (two tabs)', async () => {
    const name = dbName('tabs');
    const tabA = await repoOn(name);
    await seed(tabA, [{ title: 'Shared', stageId: 'lead', amount: 500 }]);
    const tabB = await repoOn(name);
    const a = await board(tabA);
    const b = await board(tabB);
    const [deal] = await tabA.listDeals(PIPELINE);
    await a.moveDeal(deal!.id, { stageId: 'offer' });
    await waitUntil(() => titlesIn(b, 'Offer').includes('Shared'), 'tab B never saw the move');
    expect(titlesIn(b, 'Lead')).to.deep.equal([]);
    expect(totalsOf(b, 'Offer')[0]).to.equal('€500');

    // And back: an edit in B reaches A.
    const current = (await tabB.getDeal(deal!.id))!;
    await tabB.updateDeal(deal!.id, { title: 'Shared (edited in B)' }, current.version);
    await waitUntil(() => titlesIn(a, 'Offer').includes('Shared (edited in B)'));
  });

  it('keeps a keyboard reorder across a re-created element, and another tab follows it', async () => {
    const name = dbName('order');
    const tabA = await repoOn(name);
    const tabB = await repoOn(name);
    await seed(
      tabA,
      ['A', 'B', 'C', 'D'].map((title) => ({ id: title.toLowerCase(), title, stageId: 'lead' })),
    );
    const el = await board(tabA);
    const other = await board(tabB);
    card(el, 'A').focus();
    await press(el, 'Space', 'ArrowUp', 'ArrowUp', 'Space');
    expect(titlesIn(el, 'Lead')).to.deep.equal(['D', 'A', 'C', 'B']);
    await waitUntil(
      () => titlesIn(other, 'Lead').join() === 'D,A,C,B',
      'the other tab never followed',
    );
    el.remove();
    const again = await board(tabA);
    expect(titlesIn(again, 'Lead')).to.deep.equal(['D', 'A', 'C', 'B']);
  });

  it('says so when the deal being edited is changed in another tab, keeping what was typed', async () => {
    const name = dbName('edited');
    const tabA = await repoOn(name);
    const tabB = await repoOn(name);
    await seed(tabA, [{ title: 'Gamma', company: 'Core', amount: 4000, stageId: 'offer' }]);
    const el = await board(tabA);
    card(el, 'Gamma').focus();
    await press(el, 'e');
    field(el, 'Owner').value = 'Marta';
    const [gamma] = await tabB.listDeals(PIPELINE);
    await tabB.updateDeal(gamma!.id, { title: 'Gamma 2', amount: 4500 }, gamma!.version);
    const warning = () =>
      [...dialogOf(el).querySelectorAll('[part="notice"]')].map((n) => n.textContent).join(' ');
    await waitUntil(() => warning().includes('changed in another tab'), 'no warning shown');
    expect(warning()).to.include('Gamma 2 · Core · €4,500');
    expect(field(el, 'Owner').value).to.equal('Marta');
  });
});

describe('<sales-pipeline> on the shared repository of a database', () => {
  afterEach(async () => {
    fixtureCleanup();
    await deleteDatabases();
  });

  it('says it is waiting while an old tab blocks the upgrade, then shows the board', async () => {
    const name = dbName('blocked');
    // An old tab running the v1 code, which does not close itself on versionchange.
    const oldTab = await openDatabase({ name, version: 1 });
    const first = await fixture<SalesPipeline>(
      html`<sales-pipeline pipeline=${PIPELINE} database=${name}></sales-pipeline>`,
    );
    const waiting = (el: SalesPipeline) =>
      noticeTexts(el).some((n) => n.includes('Waiting for another tab'));
    expect(waiting(first), 'the blocked notice shows').to.equal(true);
    expect(root(first).querySelector('[role="region"]')).to.equal(null);
    // An element connected later, while the open still waits, is told too.
    const second = await fixture<SalesPipeline>(
      html`<sales-pipeline pipeline=${PIPELINE} database=${name}></sales-pipeline>`,
    );
    expect(waiting(second), 'the later element was told').to.equal(true);
    await expect(first).to.be.accessible();

    oldTab.close();
    await waitUntil(() => root(first).querySelector('[role="region"]'), 'the board never opened');
    await waitUntil(() => root(second).querySelector('[role="region"]'));
    expect(waiting(first) || waiting(second)).to.equal(false);
    const repo = await sharedRepository(name);
    expect(repo.persistent).to.equal(true);
    expect((await repo.getPipeline(PIPELINE))?.id).to.equal(PIPELINE);
    // Release the shared connection so the database can be deleted.
    repo.close();
  });
});
