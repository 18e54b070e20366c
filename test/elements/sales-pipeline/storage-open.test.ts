import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import { DB_VERSION } from '../../../src/store/schema.js';
import {
  PIPELINE,
  THREE,
  alerts,
  button,
  dbName,
  deleteDatabases,
  dialogOf,
  field,
  board,
  headings,
  memoryRepo,
  noticeTexts,
  root,
  seed,
  stored,
  unfollowed,
} from './helpers.js';

/**
 * The board while its saved data cannot be opened: each reason said in words (es and en), the
 * browser's own text only in the console and the `error` event's `cause`, no board that would
 * take changes it cannot save, and a button that does what it says.
 */

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A board on the shared repository of `database`, attached before its data is open. */
async function boardOn(database: string, lang = 'en') {
  const errors: SalesErrorEvent['detail'][] = [];
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('sales-pipeline') as SalesPipeline;
  el.setAttribute('pipeline', PIPELINE);
  el.setAttribute('database', database);
  el.setAttribute('lang', lang);
  el.addEventListener('error', (e) => errors.push((e as SalesErrorEvent).detail));
  parent.append(el);
  return { el, errors };
}

/** An open request that fires nothing until the test says so. */
const silentRequest = () => new EventTarget() as IDBOpenDBRequest;

/** Makes `indexedDB.open` of database `name` answer with `request()` (other names open as usual). */
function stubOpen(name: string, request: () => IDBOpenDBRequest) {
  const real = indexedDB.open.bind(indexedDB);
  return sinon
    .stub(indexedDB, 'open')
    .callsFake((n: string, v?: number) => (n === name ? request() : real(n, v)));
}

const shown = (el: SalesPipeline) => squash(root(el).textContent);

describe('<sales-pipeline> when its saved data cannot be opened', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  let stub: sinon.SinonStub | undefined;
  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    stub?.restore();
    stub = undefined;
    fixtureCleanup();
    await deleteDatabases();
  });

  /** A database a newer version of the app left at a higher version, with one deal in it. */
  async function newerDatabase(): Promise<string> {
    const name = dbName('newer');
    const repo = await createIdbRepository({ name });
    await seed(repo, [{ title: 'Kept by the newer version', stageId: 'lead' }]);
    repo.close();
    const bump = indexedDB.open(name, DB_VERSION + 7);
    await new Promise((r) => (bump.onsuccess = r));
    bump.result.close();
    return name;
  }

  it('asks to reload for a database left at a newer version, shows no board and leaves that data untouched', async () => {
    const name = await newerDatabase();
    const { el, errors } = await boardOn(name);
    await el.updateComplete;

    const message =
      'The saved data was written by a newer version of this app than the one this page loaded. Reload the page to get the newer version; until then nothing is shown or changed here, so that data stays as it is.';
    expect(alerts(el).map((a) => squash(a.textContent))).to.deep.equal([`${message} Reload`]);
    expect(button(el, 'Reload').closest('[role="alert"]')).to.equal(alerts(el)[0]);
    expect(root(el).querySelector('[role="region"]')).to.equal(null);
    expect(shown(el)).to.not.include('Loading the pipeline');
    expect(shown(el)).to.not.include('IndexedDB is unavailable');
    expect(shown(el)).to.not.include('VersionError');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ field: 'pipeline', message });
    expect(errors[0]!.cause).to.match(/^StoreError: .*\(VersionError: /);

    // Nothing was written over the newer data.
    const after = indexedDB.open(name);
    await new Promise((r) => (after.onsuccess = r));
    const db = after.result;
    expect(db.version).to.equal(DB_VERSION + 7);
    const titles = await new Promise<string[]>((resolve) => {
      const all = db.transaction('deals').objectStore('deals').getAll();
      all.onsuccess = () => resolve((all.result as { title: string }[]).map((d) => d.title));
    });
    db.close();
    expect(titles).to.deep.equal(['Kept by the newer version']);
    await expect(el).to.be.accessible();
  });

  it('says so in Spanish too', async () => {
    const { el, errors } = await boardOn(await newerDatabase(), 'es');
    await el.updateComplete;
    expect(squash(alerts(el)[0]?.textContent)).to.equal(
      'Los datos guardados los escribió una versión de esta aplicación más nueva que la que cargó esta página. Recargue la página para obtener la versión nueva; hasta entonces aquí no se muestra ni se cambia nada, así que esos datos quedan como están. Recargar',
    );
    expect(errors[0]!.message).to.match(/^Los datos guardados los escribió/);
  });

  it('gives up on an open with no event after 10 s, says so, and Try again really opens it', async () => {
    const name = dbName('silent');
    stub = stubOpen(name, silentRequest);
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { el, errors } = await boardOn(name);
    await clock.tickAsync(9_999);
    expect(stub.calledWith(name)).to.equal(true);
    expect(shown(el)).to.include('Loading the pipeline…');
    expect(alerts(el)).to.deep.equal([]);

    await clock.tickAsync(1);
    await el.updateComplete;
    const message =
      'The browser did not answer for 10 seconds while opening the saved data. Nothing was changed. Try again; if it keeps happening, close the other tabs of this site or restart the browser.';
    expect(alerts(el).map((a) => squash(a.textContent))).to.deep.equal([`${message} Try again`]);
    expect(shown(el)).to.not.include('Loading the pipeline');
    expect(errors.map((e) => e.message)).to.deep.equal([message]);

    // The browser answers again: Try again opens the database for real.
    clock.restore();
    clock = undefined;
    stub.restore();
    stub = undefined;
    button(el, 'Try again').click();
    await el.updateComplete;
    expect(alerts(el)).to.deep.equal([]);
    expect(root(el).querySelector('[role="region"]')).to.not.equal(null);
    expect(headings(el).length).to.be.greaterThan(0);
  });

  it('says the browser could not read its storage, in words, for an internal error', async () => {
    const name = dbName('corrupt');
    const raw = 'Internal error opening backing store for indexedDB.open.';
    stub = stubOpen(name, () => {
      const request = silentRequest();
      Object.defineProperty(request, 'error', { value: new DOMException(raw, 'UnknownError') });
      queueMicrotask(() => request.dispatchEvent(new Event('error')));
      return request;
    });
    const { el, errors } = await boardOn(name, 'es');
    await el.updateComplete;
    expect(squash(alerts(el)[0]?.textContent)).to.equal(
      'El navegador no pudo leer los datos guardados de este sitio (su almacenamiento informó de un error interno). No se cambió nada. Vuelva a intentarlo; si sigue fallando, reinicie el navegador. Reintentar',
    );
    expect(shown(el)).to.not.include('backing store');
    expect(shown(el)).to.not.include('UnknownError');
    expect(errors[0]!.cause).to.include(raw);
  });

  it('keeps waiting, saying why, past 10 s while an old tab blocks the upgrade', async () => {
    const name = dbName('blocked');
    const request = silentRequest();
    stub = stubOpen(name, () => request);
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { el } = await boardOn(name);
    await clock.tickAsync(0);
    request.dispatchEvent(new Event('blocked'));
    await clock.tickAsync(60_000);
    expect(noticeTexts(el)).to.deep.equal([
      'Waiting for another tab with an older version of this app to close…',
    ]);
    expect(alerts(el)).to.deep.equal([]);
  });
});

describe('<sales-pipeline> and a stage removed elsewhere', () => {
  it('names the stage by its name when a move to it is refused, and shows the stages as they are', async () => {
    const inner = memoryRepo();
    await seed(inner, THREE);
    // The other tab's change has not reached this board yet.
    const repo = unfollowed(inner);
    const el = await board(repo);
    const alpha = (await stored(inner, 'Alpha'))!;
    await inner.removeStage(PIPELINE, 'offer', 'lead');

    expect(await el.moveDeal(alpha.id, { stageId: 'offer' })).to.equal(false);
    await el.updateComplete;
    expect(noticeTexts(el)).to.include(
      'The stage “Offer” was removed in another tab or window, so nothing was changed. The board now shows the stages as they are. ×',
    );
    expect(shown(el)).to.not.include('“offer”');
    expect(headings(el).some((h) => h.startsWith('Offer'))).to.equal(false);
    expect((await inner.getDeal(alpha.id))!.stageId).to.equal('lead');
  });

  it('names it by its name in the new deal dialog too, keeping what was typed', async () => {
    const inner = memoryRepo();
    await seed(inner, THREE);
    const repo = unfollowed(inner);
    const el = await board(repo, 'es');
    button(el, 'Nueva oportunidad').click();
    await el.updateComplete;
    field(el, 'Título').value = 'Delta';
    field<HTMLSelectElement>(el, 'Etapa').value = 'offer';
    await inner.removeStage(PIPELINE, 'offer', 'lead');
    button(el, 'Guardar').click();
    await el.updateComplete;
    expect(squash(dialogOf(el).textContent)).to.include(
      'La etapa «Offer» se eliminó en otra pestaña o ventana, así que no se cambió nada.',
    );
    expect(squash(dialogOf(el).textContent)).to.not.include('«offer»');
    expect(field(el, 'Título').value).to.equal('Delta');
    expect(await stored(inner, 'Delta')).to.equal(undefined);
  });
});
