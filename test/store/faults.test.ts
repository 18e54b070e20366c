import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import sinon from 'sinon';
import { openDatabase, type IdbFactoryLike } from '../../src/store/db.js';
import { createIdbRepository } from '../../src/store/idb-repository.js';
import { DB_VERSION } from '../../src/store/schema.js';
import { openRepository } from '../../src/store/open.js';
import type { RepositoryNotice, SalesRepository } from '../../src/store/repository.js';
import type { StoreError } from '../../src/store/errors.js';
import { cleanup, rejection, uniqueName } from './helpers.js';

const twoStages = {
  id: 'p',
  name: 'P',
  stages: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
  ],
};

/**
 * Makes `IDBObjectStore.prototype.put` throw `QuotaExceededError` from call `failAt` on
 * (1-based), as a full disk does; returns the restore function.
 */
function failPutsFrom(failAt: number): () => void {
  const original = IDBObjectStore.prototype.put;
  let calls = 0;
  IDBObjectStore.prototype.put = function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    calls += 1;
    if (calls >= failAt) throw new DOMException('Quota exceeded (simulated)', 'QuotaExceededError');
    return original.apply(this, args);
  };
  return () => {
    IDBObjectStore.prototype.put = original;
  };
}

/** A factory that hands out the real connections it opened, so a test can break them. */
function recordingFactory() {
  const connections: IDBDatabase[] = [];
  const factory: IdbFactoryLike = {
    open(name: string, version?: number) {
      const request = indexedDB.open(name, version);
      request.addEventListener('success', () => connections.push(request.result));
      return request;
    },
  };
  return { factory, connections };
}

describe('store faults', () => {
  const open: SalesRepository[] = [];
  afterEach(async () => {
    for (const r of open.splice(0)) r.close();
    await cleanup();
  });
  const keep = (r: SalesRepository) => (open.push(r), r);

  describe('IndexedDB unavailable', () => {
    it('falls back to memory, says so, and still works', async () => {
      const repo = keep(await openRepository({ factory: null, lang: 'es' }));
      expect(repo.persistent).to.equal(false);
      expect(repo.reason).to.match(/IndexedDB no está disponible/);
      await repo.createPipeline(twoStages);
      expect(await repo.createDeal('p', { title: 'x' })).to.include({ stageId: 'a' });
    });

    it('falls back to memory when storage is refused to the page, saying so in plain words', async () => {
      const factory: IdbFactoryLike = {
        open() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      };
      const repo = keep(await openRepository({ factory }));
      expect(repo.persistent).to.equal(false);
      expect(repo.reason).to.equal(
        'This browser does not let this page save data (storage is blocked or disabled for it here): changes last only until the page is closed.',
      );
      const es = keep(await openRepository({ factory, lang: 'es' }));
      expect(es.reason).to.match(/^Este navegador no deja guardar datos a esta página/);
      expect(`${repo.reason} ${es.reason}`).to.not.match(/SecurityError|insecure/);
    });
  });

  describe('opening fails: no memory stand-in', () => {
    /** A factory whose open request answers with `error` and this DOMException. */
    const failingOpen = (name: string, text: string): IdbFactoryLike => ({
      open() {
        const request = new EventTarget() as IDBOpenDBRequest;
        Object.defineProperty(request, 'error', { value: new DOMException(text, name) });
        queueMicrotask(() => request.dispatchEvent(new Event('error')));
        return request;
      },
    });

    it('refuses a database left at a newer version, and leaves that data untouched', async () => {
      const name = uniqueName('newer');
      const current = await createIdbRepository({ name });
      await current.createPipeline(twoStages);
      await current.createDeal('p', { title: 'Written by the newer version' });
      current.close();
      // The newer version of the app bumped the schema; then the older one is served again.
      const bumped = indexedDB.open(name, DB_VERSION + 7);
      await new Promise((r) => (bumped.onsuccess = r));
      bumped.result.close();

      const error = await rejection(openRepository({ name }));
      expect(error.code).to.equal('newer-version');
      expect((error.cause as DOMException).name).to.equal('VersionError');

      const after = indexedDB.open(name);
      await new Promise((r) => (after.onsuccess = r));
      const db = after.result;
      expect(db.version).to.equal(DB_VERSION + 7);
      const deals = await new Promise<{ title: string }[]>((resolve) => {
        const get = db.transaction('deals').objectStore('deals').getAll();
        get.onsuccess = () => resolve(get.result as { title: string }[]);
      });
      db.close();
      expect(deals.map((d) => d.title)).to.deep.equal(['Written by the newer version']);
    });

    it('refuses with corrupt when the browser reports an internal error', async () => {
      const text = 'Internal error opening backing store for indexedDB.open.';
      const error = await rejection(openRepository({ factory: failingOpen('UnknownError', text) }));
      expect(error.code).to.equal('corrupt');
      expect((error.cause as DOMException).message).to.equal(text);
    });

    describe('an open request that never answers', () => {
      let clock: sinon.SinonFakeTimers | undefined;
      afterEach(() => clock?.restore());

      it('gives up with timed-out after 10 s without an event, not before', async () => {
        clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const silent: IdbFactoryLike = { open: () => new EventTarget() as IDBOpenDBRequest };
        let settled: StoreError | 'resolved' | undefined;
        openRepository({ factory: silent }).then(
          () => (settled = 'resolved'),
          (e: StoreError) => (settled = e),
        );
        await clock.tickAsync(9_999);
        expect(settled).to.equal(undefined);
        await clock.tickAsync(1);
        expect((settled as StoreError | undefined)?.code).to.equal('timed-out');
      });

      it('waits past 10 s once the request says it is blocked by an old tab', async () => {
        clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const request = new EventTarget() as IDBOpenDBRequest;
        const notices: RepositoryNotice[] = [];
        let settled = false;
        const opening = openRepository({
          factory: { open: () => request },
          onNotice: (n) => notices.push(n),
        });
        opening.catch(() => undefined).finally(() => (settled = true));
        request.dispatchEvent(new Event('blocked'));
        await clock.tickAsync(60_000);
        expect(notices).to.deep.equal([{ type: 'blocked' }]);
        expect(settled).to.equal(false);
      });
    });
  });

  describe('IndexedDB usable', () => {
    it('uses IndexedDB when it can', async () => {
      const repo = keep(await openRepository({ name: uniqueName('ok') }));
      expect(repo.persistent).to.equal(true);
      expect(repo.reason).to.equal(undefined);
    });
  });

  describe('quota exceeded', () => {
    let restore: (() => void) | undefined;
    afterEach(() => restore?.());

    it('refuses a move with code quota and writes neither the deal nor the event', async () => {
      const repo = keep(await createIdbRepository({ name: uniqueName('quota') }));
      await repo.createPipeline(twoStages);
      const deal = await repo.createDeal('p', { title: 'x' });
      // The deal put goes through; the event put, second in the same transaction, fails.
      restore = failPutsFrom(2);
      const error = await rejection(repo.moveDeal(deal.id, 'b', { expectedVersion: 1 }));
      restore();
      expect(error.code).to.equal('quota');
      expect(await repo.getDeal(deal.id)).to.deep.equal(deal);
      expect((await repo.listEvents('p')).map((e) => e.kind)).to.deep.equal(['created']);
    });

    for (const failAt of [2, 3]) {
      it(`refuses a reopen-and-move whose put ${failAt} of 3 fails, writing none of them`, async () => {
        const repo = keep(await createIdbRepository({ name: uniqueName('quota-reopen') }));
        await repo.createPipeline(twoStages);
        const deal = await repo.createDeal('p', { title: 'x' });
        const lost = await repo.setOutcome(deal.id, 'lost', { expectedVersion: 1, reason: 'r' });
        // Puts: the deal, the `reopened` event, the `moved` event.
        restore = failPutsFrom(failAt);
        const error = await rejection(
          repo.moveDeal(deal.id, 'b', { expectedVersion: 2, reopen: true }),
        );
        restore();
        expect(error.code).to.equal('quota');
        expect(await repo.getDeal(deal.id)).to.deep.equal(lost.deal);
        expect((await repo.listEvents('p')).map((e) => e.kind)).to.deep.equal(['created', 'lost']);
      });
    }

    it('refuses a reorder whose renumbering fails part-way, writing none of it', async () => {
      const name = uniqueName('quota-rank');
      const repo = keep(await createIdbRepository({ name }));
      await repo.createPipeline(twoStages);
      for (const id of ['w', 'x', 'y']) await repo.createDeal('p', { id, title: id });
      // w x y, with x and y as close as many moves leave them: no rank fits between them.
      const db = await openDatabase({ name });
      const tx = db.transaction('deals', 'readwrite');
      const x = (await tx.store.get('x'))!;
      await tx.store.put({ ...x, rank: 5 });
      await tx.store.put({ ...(await tx.store.get('y'))!, rank: 5 + 2 ** -30 });
      await tx.done;
      db.close();
      const before = await repo.listDeals('p');
      // Puts: w, then the renumbered x and y; the second fails.
      restore = failPutsFrom(2);
      const error = await rejection(repo.moveDeal('w', 'a', { expectedVersion: 1, before: 'y' }));
      restore();
      expect(error.code).to.equal('quota');
      expect(await repo.listDeals('p')).to.deep.equal(before);
      // Without the fault the same move renumbers: x w y.
      const change = await repo.moveDeal('w', 'a', { expectedVersion: 1, before: 'y' });
      expect(change.renumbered?.map((d) => d.id).sort()).to.deep.equal(['x', 'y']);
    });

    it('refuses an import part-way through and stores none of it', async () => {
      const repo = keep(await createIdbRepository({ name: uniqueName('quota-import') }));
      await repo.createPipeline(twoStages);
      restore = failPutsFrom(1500);
      const deals = Array.from({ length: 3000 }, (_, i) => ({ title: `D${i}` }));
      const error = await rejection(repo.importDeals('p', deals));
      restore();
      expect(error.code).to.equal('quota');
      expect(await repo.listDeals('p')).to.deep.equal([]);
      expect(await repo.listEvents('p')).to.deep.equal([]);
    });
  });

  describe('upgrade blocked by an old tab', () => {
    it('reports blocked while an old connection stays open, then opens and migrates', async () => {
      const name = uniqueName('blocked');
      // An old tab running the v1 code, which does not close itself on versionchange.
      const oldTab = await openDatabase({ name, version: 1 });
      const notices: RepositoryNotice[] = [];
      const opening = openRepository({ name, onNotice: (n) => notices.push(n) });
      await new Promise<void>((resolve) => {
        const wait = () => (notices.length ? resolve() : setTimeout(wait, 10));
        wait();
      });
      expect(notices).to.deep.equal([{ type: 'blocked' }]);
      oldTab.close();
      const repo = keep(await opening);
      expect(repo.persistent).to.equal(true);
      await repo.createPipeline(twoStages);
      expect(await repo.listPipelines()).to.have.length(1);
    });

    it('closes an outdated connection when a newer version opens, and says reload', async () => {
      const name = uniqueName('blocking');
      const repo = keep(await createIdbRepository({ name }));
      const notices: RepositoryNotice[] = [];
      repo.onNotice((n) => notices.push(n));
      // A newer version of the app in another tab.
      const request = indexedDB.open(name, DB_VERSION + 1);
      let blocked = false;
      request.onblocked = () => (blocked = true);
      await new Promise((r) => (request.onsuccess = r));
      request.result.close();
      expect(blocked).to.equal(false);
      expect(notices).to.deep.equal([{ type: 'reload-needed' }]);
      expect((await rejection(repo.listPipelines())).code).to.equal('closed');
    });
  });

  describe('connection terminated by the browser', () => {
    it('reopens on the next call after a close event', async () => {
      const { factory, connections } = recordingFactory();
      const repo = keep(await createIdbRepository({ name: uniqueName('terminated'), factory }));
      await repo.createPipeline(twoStages);
      const notices: RepositoryNotice[] = [];
      repo.onNotice((n) => notices.push(n));
      // What the browser does on abnormal termination: the connection dies and fires `close`.
      connections[0]!.close();
      connections[0]!.dispatchEvent(new Event('close'));
      expect((await repo.listPipelines()).map((p) => p.id)).to.deep.equal(['p']);
      expect(connections).to.have.length(2);
      expect(notices).to.deep.equal([{ type: 'reopened' }]);
    });

    it('says the data was cleared, not reopening an empty database, when it went with the connection', async () => {
      const name = uniqueName('cleared');
      const { factory, connections } = recordingFactory();
      const repo = keep(await createIdbRepository({ name, factory }));
      await repo.createPipeline(twoStages);
      const notices: RepositoryNotice[] = [];
      repo.onNotice((n) => notices.push(n));
      // "Clear site data": the browser closes the connection and deletes the database.
      connections[0]!.close();
      await deleteDB(name);
      connections[0]!.dispatchEvent(new Event('close'));
      expect((await rejection(repo.listPipelines())).code).to.equal('closed');
      expect(notices).to.deep.equal([{ type: 'data-cleared' }]);
      expect((await rejection(repo.createPipeline(twoStages))).code).to.equal('closed');
    });

    it('says the data was cleared when the database is deleted while open', async () => {
      const name = uniqueName('deleted');
      const repo = keep(await createIdbRepository({ name }));
      await repo.createPipeline(twoStages);
      const notices: RepositoryNotice[] = [];
      repo.onNotice((n) => notices.push(n));
      await deleteDB(name);
      expect(notices).to.deep.equal([{ type: 'data-cleared' }]);
      expect((await rejection(repo.listPipelines())).code).to.equal('closed');
    });

    it('reopens when a transaction finds the connection already closed', async () => {
      const { factory, connections } = recordingFactory();
      const repo = keep(await createIdbRepository({ name: uniqueName('closed'), factory }));
      await repo.createPipeline(twoStages);
      connections[0]!.close();
      const deal = await repo.createDeal('p', { title: 'after' });
      expect(await repo.getDeal(deal.id)).to.deep.equal(deal);
      expect(connections).to.have.length(2);
    });
  });
});
