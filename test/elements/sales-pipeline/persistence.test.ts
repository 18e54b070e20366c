import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sharedRepository } from '../../../src/elements/controllers/repository-controller.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { openDatabase } from '../../../src/store/db.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import {
  PIPELINE,
  board,
  column,
  dbName,
  deleteDatabases,
  noticeTexts,
  root,
  seed,
  titlesIn,
} from './helpers.js';

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
    expect(titlesIn(again, 'deal')).to.deep.equal(['Keep me']);
    expect(titlesIn(again, 'lead')).to.deep.equal([]);
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
    await waitUntil(() => titlesIn(b, 'offer').includes('Shared'), 'tab B never saw the move');
    expect(titlesIn(b, 'lead')).to.deep.equal([]);
    expect(column(b, 'offer').querySelector('dd')!.textContent).to.equal('€500');

    // And back: an edit in B reaches A.
    const current = (await tabB.getDeal(deal!.id))!;
    await tabB.updateDeal(deal!.id, { title: 'Shared (edited in B)' }, current.version);
    await waitUntil(() => titlesIn(a, 'offer').includes('Shared (edited in B)'));
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
    await waitUntil(() => waiting(first), 'the blocked notice never showed');
    expect(root(first).querySelector('.board')).to.equal(null);
    // An element connected later, while the open still waits, is told too.
    const second = await fixture<SalesPipeline>(
      html`<sales-pipeline pipeline=${PIPELINE} database=${name}></sales-pipeline>`,
    );
    await waitUntil(() => waiting(second), 'the later element was not told');
    await expect(first).to.be.accessible();

    oldTab.close();
    await waitUntil(() => root(first).querySelector('.board'), 'the board never opened');
    await waitUntil(() => root(second).querySelector('.board'));
    expect(waiting(first) || waiting(second)).to.equal(false);
    const repo = await sharedRepository(name);
    expect(repo.persistent).to.equal(true);
    expect((await repo.getPipeline(PIPELINE))?.id).to.equal(PIPELINE);
    // Release the shared connection so the database can be deleted.
    repo.close();
  });
});
