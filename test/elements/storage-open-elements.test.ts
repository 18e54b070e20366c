import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/sales-forecast/define.js';
import '../../src/elements/sales-funnel/define.js';
import '../../src/elements/sales-simulator/define.js';
import type { SalesErrorEvent } from '../../src/elements/events.js';
import { createIdbRepository } from '../../src/store/idb-repository.js';
import { DB_VERSION } from '../../src/store/schema.js';
import { PIPELINE, dbName, deleteDatabases, seed } from './sales-pipeline/helpers.js';

/**
 * The forecast, the simulator and the funnel reading a pipeline whose saved data cannot be
 * opened say why as the board does, in plain words (es and en), in place; the browser's own text
 * only reaches the console and the `error` event's `cause`. One element per way of failing.
 */

type Host = HTMLElement & { updateComplete: Promise<unknown> };

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const shown = (el: Host) => squash(el.shadowRoot!.textContent);

/** `tag` reading the test pipeline from `database`, attached; resolves with its first `error`. */
async function reading(tag: string, database: string, lang: string) {
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement(tag) as Host;
  el.setAttribute('pipeline', PIPELINE);
  el.setAttribute('database', database);
  el.setAttribute('lang', lang);
  const fired = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
  parent.append(el);
  return { el, fired };
}

/** Makes `indexedDB.open` of `name` answer with `request()`; resolves `opened` once it is asked. */
function stubOpen(name: string, request: () => IDBOpenDBRequest) {
  let asked!: () => void;
  const opened = new Promise<void>((r) => (asked = r));
  const real = indexedDB.open.bind(indexedDB);
  const stub = sinon.stub(indexedDB, 'open').callsFake((n: string, v?: number) => {
    if (n !== name) return real(n, v);
    asked();
    return request();
  });
  return { stub, opened };
}

const silentRequest = () => new EventTarget() as IDBOpenDBRequest;

describe('the other elements when the saved data cannot be opened', () => {
  const restore: (() => void)[] = [];
  afterEach(async () => {
    for (const undo of restore.splice(0).reverse()) undo();
    fixtureCleanup();
    await deleteDatabases();
  });

  it('<sales-forecast>: a database left at a newer version asks to reload, in words, not the log text', async () => {
    const name = dbName('forecast-newer');
    const repo = await createIdbRepository({ name });
    await seed(repo, [{ title: 'Kept by the newer version', stageId: 'lead' }]);
    repo.close();
    const bump = indexedDB.open(name, DB_VERSION + 3);
    await new Promise((r) => (bump.onsuccess = r));
    bump.result.close();

    const { el, fired } = await reading('sales-forecast', name, 'en');
    const { detail } = await fired;
    await el.updateComplete;
    const message =
      'The saved data was written by a newer version of this app than the one this page loaded. Reload the page to get the newer version; until then nothing is shown or changed here, so that data stays as it is.';
    expect(detail).to.include({ field: 'pipeline', message });
    expect(detail.cause).to.match(/^StoreError: The stored database is newer .*\(VersionError: /);
    expect(shown(el)).to.include(message);
    expect(shown(el)).not.to.match(/stored database is newer|VersionError|could not be read:/);
  });

  it('<sales-simulator pipeline>: an internal error of the browser’s storage is said in Spanish', async () => {
    const name = dbName('simulator-corrupt');
    const raw = 'Internal error opening backing store for indexedDB.open.';
    const { stub } = stubOpen(name, () => {
      const request = silentRequest();
      Object.defineProperty(request, 'error', { value: new DOMException(raw, 'UnknownError') });
      queueMicrotask(() => request.dispatchEvent(new Event('error')));
      return request;
    });
    restore.push(() => stub.restore());

    const { el, fired } = await reading('sales-simulator', name, 'es');
    const { detail } = await fired;
    await el.updateComplete;
    const message =
      'El navegador no pudo leer los datos guardados de este sitio (su almacenamiento informó de un error interno). No se cambió nada. Vuelva a intentarlo; si sigue fallando, reinicie el navegador.';
    expect(detail).to.include({ field: 'pipeline', message });
    expect(detail.cause).to.include(raw);
    expect(shown(el)).to.include(message);
    expect(shown(el)).not.to.match(/backing store|UnknownError|Storage failed/);
  });

  it('<sales-funnel pipeline>: an open with no event for 10 s says so, the cause only in the console', async () => {
    const name = dbName('funnel-silent');
    const { stub, opened } = stubOpen(name, silentRequest);
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const warn = sinon.stub(console, 'warn');
    restore.push(
      () => stub.restore(),
      () => clock.restore(),
      () => warn.restore(),
    );

    const { el, fired } = await reading('sales-funnel', name, 'en');
    await opened;
    await clock.tickAsync(10_000);
    const { detail } = await fired;
    await el.updateComplete;
    const message =
      'The browser did not answer for 10 seconds while opening the saved data. Nothing was changed. Try again; if it keeps happening, close the other tabs of this site or restart the browser.';
    expect(detail).to.include({ field: 'pipeline', message });
    expect(shown(el)).to.include(message);
    expect(shown(el)).not.to.match(/StoreError|timed out|timed-out/i);
    const logged = warn.getCalls().map((c) => c.args.map(String).join(' '));
    expect(logged.some((l) => l.includes(message) && /StoreError/.test(l))).to.equal(true);
  });
});
