import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { StoreError } from '../../../src/store/errors.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { DB_VERSION } from '../../../src/store/schema.js';
import {
  DAY,
  PIPELINE,
  THREE,
  alerts,
  board,
  boardWith,
  card,
  dbName,
  deleteDatabases,
  headings,
  memoryRepo,
  noticeTexts,
  root,
  seed,
  stored,
  titlesIn,
  totalsOf,
  boardWithAttributes,
  unfollowed,
  watching,
} from './helpers.js';

// What the board says about inputs it cannot use and about storage it cannot count on.

/** A repository whose `key` method fails with `error`; everything else works. */
function failing(inner: SalesRepository, key: keyof SalesRepository, error: Error) {
  return new Proxy(inner, {
    get(target, name, receiver) {
      if (name === key) return () => Promise.reject(error);
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('<sales-pipeline> attributes it cannot use', () => {
  it('uses 30 days for a bad stale-days, saying so in place, in the console and with an error event', async () => {
    const repo = memoryRepo();
    await seed(repo, [
      { title: 'Old', createdAt: Date.now() - 40 * DAY },
      { title: 'Recent', createdAt: Date.now() - 20 * DAY },
    ]);
    const {
      value: el,
      errors,
      warnings,
    } = await boardWithAttributes(repo, { 'stale-days': 'soon' });
    const message = 'stale-days must be a number from 0 to 3,650, not “soon”; 30 is used.';
    expect(errors).to.deep.equal([{ field: 'stale-days', message }]);
    expect(warnings).to.deep.equal([`<sales-pipeline> stale-days: ${message}`]);
    expect(noticeTexts(el)).to.include(message);
    expect(card(el, 'Old').getAttribute('part')).to.include('card-stale');
    expect(card(el, 'Recent').getAttribute('part')).to.not.include('card-stale');

    const more = await watching(async () => {
      el.staleDays = 10;
      await el.updateComplete;
      expect(noticeTexts(el).join(' ')).to.not.include('stale-days');
      expect(card(el, 'Recent').getAttribute('part')).to.include('card-stale');
      el.staleDays = -1;
      await el.updateComplete;
    });
    expect(errors.map((e) => e.message)).to.deep.equal([
      message,
      'stale-days must be a number from 0 to 3,650, not “-1”; 30 is used.',
    ]);
    expect(card(el, 'Recent').getAttribute('part')).to.not.include('card-stale');
    expect(more.warnings).to.have.length(1);
  });

  it('takes stale-days="abc" and a number past ten years as the default 30, and keeps working', async () => {
    const repo = memoryRepo();
    await seed(repo, [
      { title: 'Old', createdAt: Date.now() - 40 * DAY },
      { title: 'Recent', createdAt: Date.now() - 20 * DAY },
    ]);
    for (const [attribute, shown] of [
      ['abc', 'abc'],
      ['5000', '5000'],
    ] as const) {
      const { value: el, errors } = await boardWithAttributes(repo, { 'stale-days': attribute });
      expect(errors).to.deep.equal([
        {
          field: 'stale-days',
          message: `stale-days must be a number from 0 to 3,650, not “${shown}”; 30 is used.`,
        },
      ]);
      expect(card(el, 'Old').getAttribute('part'), attribute).to.include('card-stale');
      expect(card(el, 'Recent').getAttribute('part'), attribute).to.not.include('card-stale');
      // The board itself still works: a move is stored.
      const recent = (await stored(repo, 'Recent'))!;
      expect(await el.moveDeal(recent.id, { stageId: 'offer' })).to.equal(true);
      await el.moveDeal(recent.id, { stageId: 'lead' });
    }
  });

  it('starts a new pipeline in EUR for currency="EURO", saying so, and keeps working', async () => {
    const repo = memoryRepo();
    const {
      value: el,
      errors,
      warnings,
    } = await boardWithAttributes(repo, { pipeline: 'fresh', lang: 'en', currency: 'EURO' });
    const message =
      'currency must be a three-letter ISO 4217 code such as EUR or USD, not “EURO”; EUR is used.';
    expect(errors).to.deep.equal([{ field: 'currency', message }]);
    expect(warnings).to.deep.equal([`<sales-pipeline> currency: ${message}`]);
    expect(noticeTexts(el)).to.include(message);
    expect((await repo.getPipeline('fresh'))!.currency).to.equal('EUR');
    expect(totalsOf(el, 'Prospecting')[0]).to.equal('€0');
    const deal = await repo.createDeal('fresh', { title: 'Works', amount: 10 });
    await el.load();
    expect(titlesIn(el, 'Prospecting')).to.deep.equal(['Works']);
    expect(await el.moveDeal(deal.id, { outcome: 'won' })).to.equal(true);

    // A good code clears the message; an existing pipeline keeps its own currency.
    el.currency = 'usd';
    await el.updateComplete;
    expect(noticeTexts(el).join(' ')).to.not.include('currency');
    expect((await repo.getPipeline('fresh'))!.currency).to.equal('EUR');
  });

  it('uses the default stages for an unknown template, saying so', async () => {
    const repo = memoryRepo();
    const { value: el, errors } = await boardWithAttributes(repo, {
      pipeline: 'fresh',
      lang: 'en',
      template: 'kanban',
    });
    expect(errors.map((e) => e.field)).to.deep.equal(['template']);
    expect(errors[0]!.message).to.include('“kanban”').and.include('pipeline-7 is used');
    expect(headings(el)[0]).to.equal('Prospecting');
  });

  it('follows the system theme for an unknown theme, saying so', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const { value: el, errors } = await boardWithAttributes(repo, { lang: 'en', theme: 'blue' });
    expect(errors).to.deep.equal([
      {
        field: 'theme',
        message: 'theme must be one of light, dark, auto, not “blue”; the default is used.',
      },
    ]);
    expect(headings(el)).to.have.length(5);
    el.theme = 'dark';
    await el.updateComplete;
    expect(noticeTexts(el).join(' ')).to.not.include('theme');
  });

  it('marks error notices as "notice error" and the others as "notice"', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const { value: el } = await watching(() =>
      fixture<SalesPipeline>(
        html`<sales-pipeline pipeline=${PIPELINE} stale-days="x" .repository=${repo}>
        </sales-pipeline>`,
      ),
    );
    const parts = [...root(el).querySelectorAll('[part~="notice"]')].map((n) => [
      n.getAttribute('part'),
      n.textContent!.trim().slice(0, 12),
    ]);
    expect(parts).to.deep.equal([
      ['notice', 'Not saved: I'],
      ['notice error', 'stale-days m'],
    ]);
  });
});

describe('<sales-pipeline> storage faults', () => {
  const open: SalesRepository[] = [];
  afterEach(async () => {
    fixtureCleanup();
    for (const r of open.splice(0)) r.close();
    await deleteDatabases();
  });

  it('shows a visible notice when data is kept only in memory', async () => {
    const { el } = await boardWith([]);
    expect(noticeTexts(el).join(' ')).to.include('Not saved: IndexedDB is unavailable');
  });

  it('says in place, and with an error event, that the pipeline could not be opened', async () => {
    const repo = failing(memoryRepo(), 'ensurePipeline', new Error('disk on fire'));
    const { value: el, errors } = await boardWithAttributes(repo, { lang: 'en' });
    // The cause in plain words; the browser's own text only in the event's detail.
    const message =
      'The pipeline could not be opened: the browser’s storage reported an error. Try again; if it keeps failing, reload the page.';
    expect(errors).to.deep.equal([{ field: 'pipeline', message, cause: 'Error: disk on fire' }]);
    expect(alerts(el).map((a) => a.textContent!.trim())).to.deep.equal([message]);
    expect(root(el).textContent).to.not.include('disk on fire');
    expect(alerts(el)[0]!.getAttribute('part')).to.equal('notice error');
    expect(root(el).querySelector('[role="region"]')).to.equal(null);
    expect(root(el).textContent).to.not.include('Loading the pipeline');
  });

  it('refuses a move when the quota is exceeded: message shown, nothing changed', async () => {
    const inner = memoryRepo();
    await seed(inner, THREE);
    const repo = failing(
      inner,
      'moveDeal',
      new StoreError('quota', 'The browser has no room left for this data'),
    );
    const el = await board(repo);
    let moved = 0;
    el.addEventListener('deal-moved', () => (moved += 1));
    const alpha = (await stored(inner, 'Alpha'))!;
    expect(await el.moveDeal(alpha.id, { stageId: 'offer' })).to.equal(false);
    await el.updateComplete;
    expect(noticeTexts(el).join(' ')).to.include('no storage space left');
    expect(moved).to.equal(0);
    expect((await stored(inner, 'Alpha'))!.stageId).to.equal('lead');
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Alpha']);
    expect(alerts(el)).to.have.length(1);
    expect(alerts(el)[0]!.getAttribute('part')).to.equal('notice error');
  });

  it('shows a conflict instead of overwriting a deal changed elsewhere', async () => {
    const inner = memoryRepo();
    await seed(inner, THREE);
    // A change the board was never told about, as when another tab's message is still in flight.
    const repo = unfollowed(inner);
    const el = await board(repo);
    const alpha = (await stored(inner, 'Alpha'))!;
    await inner.updateDeal(alpha.id, { title: 'Alpha (renamed)' }, alpha.version);
    expect(await el.moveDeal(alpha.id, { stageId: 'offer' })).to.equal(false);
    await el.updateComplete;
    expect(noticeTexts(el).join(' ')).to.include('“Alpha” was changed in another tab or window');
    const now = await inner.getDeal(alpha.id);
    expect([now!.title, now!.stageId]).to.deep.equal(['Alpha (renamed)', 'lead']);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Alpha (renamed)']);
  });

  it('says reload, with a button, when a newer version of the app opens the database', async () => {
    const name = dbName('newer');
    const repo = await createIdbRepository({ name });
    open.push(repo);
    await seed(repo, THREE);
    const el = await board(repo);
    const [alpha] = await repo.listDeals(PIPELINE);
    expect(noticeTexts(el).join(' ')).to.not.include('Reload');
    // A newer version in another tab: this connection closes itself so its upgrade can run.
    const request = indexedDB.open(name, DB_VERSION + 1);
    await new Promise((resolve) => (request.onsuccess = resolve));
    request.result.close();
    await waitUntil(() => alerts(el).some((a) => a.querySelector('button')), 'no reload notice');
    const notice = alerts(el).find((a) => a.querySelector('button'))!;
    expect(notice.textContent).to.include('newer version');
    expect(notice.getAttribute('part')).to.equal('notice error');
    expect(notice.querySelector('button')!.textContent!.trim()).to.equal('Reload');
    // A move now fails instead of pretending to be saved; the card stays where it was.
    expect(await el.moveDeal(alpha!.id, { stageId: 'deal' })).to.equal(false);
    await el.updateComplete;
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Alpha']);
    await expect(el).to.be.accessible();
  });
});
