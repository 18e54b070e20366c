import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import type { ErrorEventDetail } from '../../../src/elements/events.js';
import type { DealMovedEvent } from '../../../src/elements/sales-pipeline/events.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { CARD_ROW_HEIGHT } from '../../../src/elements/sales-pipeline/windowing.js';
import { LOST_KEY, WON_KEY } from '../../../src/elements/sales-pipeline/board-model.js';
import { StoreError } from '../../../src/store/errors.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import {
  DAY,
  PIPELINE,
  board,
  card,
  centre,
  column,
  liveText,
  memoryRepo,
  noticeTexts,
  root,
  seed,
  titlesIn,
} from './helpers.js';

const THREE = [
  { title: 'Alpha', company: 'Acme', amount: 1000, owner: 'Ana', stageId: 'lead' },
  { title: 'Beta', company: 'Bolt', amount: 2000, owner: 'Luis', stageId: 'offer' },
  { title: 'Gamma', company: 'Core', amount: 4000, owner: 'Ana', stageId: 'offer' },
];

async function stored(repo: SalesRepository, title: string) {
  return (await repo.listDeals(PIPELINE)).find((d) => d.title === title)!;
}

describe('<sales-pipeline>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('shows a column per stage plus won and lost, with count, total and weighted total', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const keys = [...root(el).querySelectorAll<HTMLElement>('.column')].map((c) => c.dataset.col);
    expect(keys).to.deep.equal(['lead', 'offer', 'deal', WON_KEY, LOST_KEY]);
    const offer = column(el, 'offer');
    expect(offer.querySelector('h3')!.textContent).to.equal('Offer');
    expect(offer.querySelector('.count')!.textContent).to.equal('2 deals');
    // 2000 + 4000 = 6000; weighted at 50 %: 3000.
    const totals = [...offer.querySelectorAll('dd')].map((d) => d.textContent);
    expect(totals).to.deep.equal(['€6,000', '€3,000']);
    expect(titlesIn(el, 'lead')).to.deep.equal(['Alpha']);
    const alpha = card(el, 'Alpha');
    expect(alpha.textContent).to.include('Acme').and.include('€1,000').and.include('Ana');
    expect(alpha.textContent).to.include('0 d in stage');
  });

  it('marks deals that waited longer than stale-days', async () => {
    const repo = memoryRepo();
    await seed(repo, [{ title: 'Old', createdAt: Date.now() - 40 * 86_400_000 }, { title: 'New' }]);
    const el = await board(repo, 'en', 30);
    expect(card(el, 'Old').classList.contains('stale')).to.equal(true);
    expect(card(el, 'Old').getAttribute('part')).to.include('card-stale');
    // Short on a stale card (the stale mark must fit beside a close date), full in its tooltip.
    const days = card(el, 'Old').querySelector<HTMLElement>('.days')!;
    expect(days.textContent!.replace(/\s+/g, ' ').trim()).to.equal('40 d · stale');
    expect(days.title).to.equal('40 d in stage');
    expect(card(el, 'New').classList.contains('stale')).to.equal(false);
  });

  it('uses 30 days for a bad stale-days, saying so in place, in the console and with an error event', async () => {
    const repo = memoryRepo();
    await seed(repo, [
      { title: 'Old', createdAt: Date.now() - 40 * DAY },
      { title: 'Recent', createdAt: Date.now() - 20 * DAY },
    ]);
    const errors: ErrorEventDetail[] = [];
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<SalesPipeline>(
        html`<sales-pipeline
          pipeline=${PIPELINE}
          stale-days="soon"
          .repository=${repo}
          @error=${(e: CustomEvent<ErrorEventDetail>) => errors.push(e.detail)}
        ></sales-pipeline>`,
      );
      await waitUntil(() => root(el).querySelector('.board'));
      const message = 'stale-days must be a number from 0 to 3,650, not “soon”; 30 is used.';
      expect(errors).to.deep.equal([{ field: 'stale-days', message }]);
      expect(warnings).to.deep.equal([`<sales-pipeline> stale-days: ${message}`]);
      expect(noticeTexts(el)).to.include(message);
      expect(card(el, 'Old').classList.contains('stale')).to.equal(true);
      expect(card(el, 'Recent').classList.contains('stale')).to.equal(false);

      el.staleDays = 10;
      await el.updateComplete;
      expect(noticeTexts(el).join(' ')).to.not.include('stale-days');
      expect(card(el, 'Recent').classList.contains('stale')).to.equal(true);

      el.staleDays = -1;
      await el.updateComplete;
      expect(errors.map((e) => e.message)).to.deep.equal([
        message,
        'stale-days must be a number from 0 to 3,650, not “-1”; 30 is used.',
      ]);
      expect(card(el, 'Recent').classList.contains('stale')).to.equal(false);
      expect(warnings).to.have.length(2);
    } finally {
      console.warn = warn;
    }
  });

  it('moves a deal by pointer drag, firing deal-before-move then deal-moved, and stores it', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const order: string[] = [];
    el.addEventListener('deal-before-move', () => order.push('before'));
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    // Real CDP mouse input waits for a painted frame, which a background tab (a concurrent test
    // file) never paints; the events a mouse or finger produces are dispatched instead. The
    // bench drives the same drag with a real mouse.
    const alpha = card(el, 'Alpha');
    const [x, y] = centre(alpha);
    const [tx, ty] = centre(column(el, 'deal').querySelector('header')!);
    const pointer = (type: string, clientX: number, clientY: number) =>
      alpha.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          composed: true,
          cancelable: true,
          pointerId: 7,
          pointerType: 'mouse',
          isPrimary: true,
          button: 0,
          clientX,
          clientY,
        }),
      );
    pointer('pointerdown', x, y);
    pointer('pointermove', x + 20, y);
    pointer('pointermove', tx, ty);
    await el.updateComplete;
    expect(column(el, 'deal').classList.contains('target')).to.equal(true);
    expect(root(el).querySelector('.ghost')).to.not.equal(null);
    pointer('pointerup', tx, ty);
    const event = await moved;
    order.push('moved');
    expect(order).to.deep.equal(['before', 'moved']);
    expect(event.detail.from).to.deep.equal({ stageId: 'lead', outcome: 'open' });
    expect(event.detail.to).to.deep.equal({ stageId: 'deal', outcome: 'open' });
    expect(event.detail.source).to.equal('pointer');
    const deal = await stored(repo, 'Alpha');
    expect(deal.stageId).to.equal('deal');
    const events = await repo.listEvents(PIPELINE, { dealId: deal.id });
    expect(events.map((e) => [e.kind, e.from, e.to])).to.deep.equal([
      ['created', null, 'lead'],
      ['moved', 'lead', 'deal'],
    ]);
    await el.updateComplete;
    expect(titlesIn(el, 'deal')).to.deep.equal(['Alpha']);
  });

  it('moves a deal by keyboard: Space picks up, arrows choose, Space drops; Escape cancels', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    card(el, 'Alpha').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(liveText(el)).to.include('Picked up Alpha in Lead');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(liveText(el)).to.include('over Offer, column 2 of 5');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(liveText(el)).to.include('Move of Alpha cancelled');
    expect((await stored(repo, 'Alpha')).stageId).to.equal('lead');

    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    card(el, 'Alpha').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    const event = await moved;
    expect(event.detail.source).to.equal('keyboard');
    expect((await stored(repo, 'Alpha')).stageId).to.equal('deal');
    await el.updateComplete;
    expect(liveText(el)).to.include('Alpha moved to Negotiation');
    // Focus follows the deal to its new column.
    expect(root(el).activeElement).to.equal(card(el, 'Alpha'));
  });

  it('moves focus between cards with the arrow keys', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    card(el, 'Alpha').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const first = (root(el).activeElement as HTMLElement).querySelector('.title')!.textContent;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const second = (root(el).activeElement as HTMLElement).querySelector('.title')!.textContent;
    expect([first, second]).to.deep.equal(titlesIn(el, 'offer'));
  });

  it('does not move a deal when the page cancels deal-before-move', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    el.addEventListener('deal-before-move', (e) => e.preventDefault());
    let movedEvents = 0;
    el.addEventListener('deal-moved', () => (movedEvents += 1));
    const done = await el.moveDeal((await stored(repo, 'Alpha')).id, { stageId: 'offer' });
    expect(done).to.equal(false);
    expect(movedEvents).to.equal(0);
    expect((await stored(repo, 'Alpha')).stageId).to.equal('lead');
    await el.updateComplete;
    expect(titlesIn(el, 'lead')).to.deep.equal(['Alpha']);
    expect(liveText(el)).to.include('did not allow moving Alpha');
  });

  it('closes a deal as won, and as lost only with a reason given in the dialog', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const beta = await stored(repo, 'Beta');
    expect(await el.moveDeal(beta.id, { outcome: 'won' })).to.equal(true);
    await el.updateComplete;
    expect(titlesIn(el, WON_KEY)).to.deep.equal(['Beta']);
    expect((await stored(repo, 'Beta')).outcome).to.equal('won');

    card(el, 'Alpha').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Enter' }); // empty reason
    await el.updateComplete;
    expect(dialog.querySelector('.field-error')!.textContent).to.include('Why was it lost?');
    expect((await stored(repo, 'Alpha')).outcome).to.equal('open');
    await sendKeys({ type: 'Competitor' });
    const moved = oneEvent(el, 'deal-moved');
    await sendKeys({ press: 'Enter' });
    await moved;
    const alpha = await stored(repo, 'Alpha');
    expect([alpha.outcome, alpha.lostReason]).to.deep.equal(['lost', 'Competitor']);
    await el.updateComplete;
    expect(card(el, 'Alpha').textContent).to.include('Lost: Competitor');
  });

  it('moves a deal backwards and records it', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const gamma = await stored(repo, 'Gamma');
    await el.moveDeal(gamma.id, { stageId: 'lead' });
    const events = await repo.listEvents(PIPELINE, { dealId: gamma.id });
    expect(events.at(-1)).to.include({ kind: 'moved', from: 'offer', to: 'lead' });
  });

  it('moves a lost deal back into a stage as one write: reopened and moved together', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    const beta = await stored(repo, 'Beta');
    await el.moveDeal(beta.id, { outcome: 'lost', reason: 'Price' });
    const changes: string[] = [];
    repo.subscribe(PIPELINE, (c) => changes.push(c.type));
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    expect(await el.moveDeal(beta.id, { stageId: 'deal' })).to.equal(true);
    const event = await moved;
    expect(event.detail.from).to.deep.equal({ stageId: 'offer', outcome: 'lost' });
    expect(event.detail.to).to.deep.equal({ stageId: 'deal', outcome: 'open' });
    const after = await stored(repo, 'Beta');
    expect(after).to.include({ stageId: 'deal', outcome: 'open', version: beta.version + 2 });
    expect(after.lostReason).to.equal(undefined);
    const history = await repo.listEvents(PIPELINE, { dealId: beta.id });
    expect(history.map((e) => [e.kind, e.from, e.to])).to.deep.equal([
      ['created', null, 'offer'],
      ['lost', 'offer', 'offer'],
      ['reopened', 'offer', 'offer'],
      ['moved', 'offer', 'deal'],
    ]);
    expect(history[2]!.at).to.equal(history[3]!.at);
    // One committed change, not two.
    expect(changes).to.deep.equal(['deal-moved']);
    await el.updateComplete;
    expect(titlesIn(el, 'deal')).to.deep.equal(['Beta']);
    expect(liveText(el)).to.include('Beta reopened in Negotiation');
  });

  it('undoes the last move with the button and the last delete with Ctrl+Z', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    await el.moveDeal((await stored(repo, 'Alpha')).id, { stageId: 'offer' });
    await el.updateComplete;
    const undo = [...root(el).querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Undo',
    )!;
    expect(undo.getAttribute('aria-label')).to.equal('Undo moving “Alpha”');
    undo.click();
    await waitUntil(async () => (await stored(repo, 'Alpha')).stageId === 'lead');

    card(el, 'Beta').focus();
    await sendKeys({ press: 'Delete' });
    await waitUntil(async () => !(await stored(repo, 'Beta')));
    await el.updateComplete;
    expect(titlesIn(el, 'offer')).to.deep.equal(['Gamma']);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await waitUntil(async () => Boolean(await stored(repo, 'Beta')));
    await el.updateComplete;
    expect(titlesIn(el, 'offer')).to.have.members(['Beta', 'Gamma']);
    // Its history came back with it.
    const beta = await stored(repo, 'Beta');
    expect((await repo.listEvents(PIPELINE, { dealId: beta.id })).length).to.equal(1);
  });

  it('filters by text, owner and staleness', async () => {
    const repo = memoryRepo();
    await seed(repo, [
      ...THREE,
      { title: 'Delta', owner: 'Luis', createdAt: Date.now() - 60 * 86_400_000 },
    ]);
    const el = await board(repo);
    const search = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await sendKeys({ type: 'acme' });
    await el.updateComplete;
    expect(root(el).querySelectorAll('.cards .card').length).to.equal(1);
    expect(column(el, 'offer').querySelector('.empty')!.textContent).to.equal('No deals match');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    const owner = root(el).querySelector<HTMLSelectElement>('select')!;
    owner.value = 'Ana';
    owner.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(
      [...root(el).querySelectorAll('.cards .card .title')].map((t) => t.textContent),
    ).to.have.members(['Alpha', 'Gamma']);
    owner.value = '';
    owner.dispatchEvent(new Event('change'));
    const stale = root(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    stale.click();
    await el.updateComplete;
    expect(
      [...root(el).querySelectorAll('.cards .card .title')].map((t) => t.textContent),
    ).to.deep.equal(['Delta']);
  });

  it('validates the deal dialog, naming each field, then creates the deal', async () => {
    const repo = memoryRepo();
    await seed(repo);
    const el = await board(repo);
    const add = [...root(el).querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Add deal',
    )!;
    add.click();
    await el.updateComplete;
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLInputElement>('[name="amount"]')!.value = 'abc';
    dialog.querySelector<HTMLInputElement>('[name="currency"]')!.value = 'EURO';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    const errors = [...dialog.querySelectorAll('.field-error')].map((e) => e.textContent);
    expect(errors).to.deep.equal([
      'Title is required.',
      'Amount must be a number, such as 1500 or 1500.50.',
      'Currency must be a three-letter code such as EUR or USD.',
    ]);
    expect(dialog.querySelector('[name="title"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(await repo.listDeals(PIPELINE)).to.have.length(0);

    dialog.querySelector<HTMLInputElement>('[name="title"]')!.value = '<b>Bold</b> & co';
    dialog.querySelector<HTMLInputElement>('[name="amount"]')!.value = '1500.50';
    dialog.querySelector<HTMLInputElement>('[name="currency"]')!.value = 'usd';
    dialog.querySelector<HTMLSelectElement>('[name="stageId"]')!.value = 'offer';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => !dialog.open);
    const [deal] = await repo.listDeals(PIPELINE);
    expect(deal).to.include({
      title: '<b>Bold</b> & co',
      amount: 1500.5,
      currency: 'USD',
      stageId: 'offer',
    });
    await el.updateComplete;
    // HTML in a title is shown as text, never parsed.
    const c = card(el, '<b>Bold</b> & co');
    expect(c.querySelector('b')).to.equal(null);
  });

  it('shows a visible notice when data is kept only in memory', async () => {
    const el = await board(memoryRepo());
    expect(noticeTexts(el).join(' ')).to.include('Not saved: IndexedDB is unavailable');
  });

  it('refuses a move when the quota is exceeded: message shown, nothing changed', async () => {
    const inner = memoryRepo();
    await seed(inner, THREE);
    const repo = new Proxy(inner, {
      get(target, key, receiver) {
        if (key === 'moveDeal') {
          return () =>
            Promise.reject(new StoreError('quota', 'The browser has no room left for this data'));
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const el = await board(repo);
    let moved = 0;
    el.addEventListener('deal-moved', () => (moved += 1));
    expect(await el.moveDeal((await stored(inner, 'Alpha')).id, { stageId: 'offer' })).to.equal(
      false,
    );
    await el.updateComplete;
    expect(noticeTexts(el).join(' ')).to.include('no storage space left');
    expect(moved).to.equal(0);
    expect((await stored(inner, 'Alpha')).stageId).to.equal('lead');
    expect(titlesIn(el, 'lead')).to.deep.equal(['Alpha']);
    expect(root(el).querySelector('.notice[role="alert"]')).to.not.equal(null);
  });

  it('shows a conflict instead of overwriting a deal changed elsewhere', async () => {
    const inner = memoryRepo();
    await seed(inner, THREE);
    // A change the board was never told about, as when another tab's message is still in flight.
    const repo = new Proxy(inner, {
      get(target, key, receiver) {
        if (key === 'subscribe') return () => () => undefined;
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const el = await board(repo);
    const alpha = await stored(inner, 'Alpha');
    await inner.updateDeal(alpha.id, { title: 'Alpha (renamed)' }, alpha.version);
    expect(await el.moveDeal(alpha.id, { stageId: 'offer' })).to.equal(false);
    await el.updateComplete;
    expect(noticeTexts(el).join(' ')).to.include('“Alpha” was changed in another tab or window');
    const now = await inner.getDeal(alpha.id);
    expect([now!.title, now!.stageId]).to.deep.equal(['Alpha (renamed)', 'lead']);
    expect(titlesIn(el, 'lead')).to.deep.equal(['Alpha (renamed)']);
  });

  it('imports a good CSV all at once, and reports every bad row of a bad one without storing any', async () => {
    const repo = memoryRepo();
    await seed(repo);
    const el = await board(repo);
    const good = 'Title,Company,Amount,Stage\nOne,Uno SL,100,Lead\nTwo,Dos SL,200,Offer\n';
    await el.importFile(new File([good], 'good.csv', { type: 'text/csv' }));
    await el.updateComplete;
    expect(titlesIn(el, 'lead')).to.deep.equal(['One']);
    expect(titlesIn(el, 'offer')).to.deep.equal(['Two']);
    expect(noticeTexts(el).join(' ')).to.include('Imported 2 deals from good.csv');

    const bad = 'Title,Amount,Stage\nThree,300,Lead\n,abc,Lead\nFour,10,Nowhere\n';
    await el.importFile(new File([bad], 'bad.csv', { type: 'text/csv' }));
    await el.updateComplete;
    const report = root(el).querySelector('.import-errors')!;
    expect(report.getAttribute('role')).to.equal('alert');
    const rows = [...report.querySelectorAll('li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(rows.some((r) => r.startsWith('Row 3') && r.includes('Amount'))).to.equal(true);
    expect(rows.some((r) => r.startsWith('Row 3') && r.includes('Title'))).to.equal(true);
    expect(rows.some((r) => r.startsWith('Row 4') && r.includes('Nowhere'))).to.equal(true);
    expect((await repo.listDeals(PIPELINE)).map((d) => d.title)).to.have.members(['One', 'Two']);
  });

  it('renders only a window of cards for 10,000 deals and follows the scroll', async () => {
    const repo = memoryRepo();
    await seed(repo);
    const deals = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Deal ${i}`,
      amount: 10,
      stageId: i % 2 ? 'lead' : 'offer',
      createdAt: 1_700_000_000_000 + i * 1000,
    }));
    await repo.importDeals(PIPELINE, deals);
    const el = await board(repo);
    const cardsNow = () => root(el).querySelectorAll('.cards .card').length;
    expect(cardsNow()).to.be.greaterThan(2).and.lessThan(60);
    const lead = column(el, 'lead');
    expect(lead.querySelector('.count')!.textContent).to.equal('5,000 deals');
    const first = lead.querySelector('.card')!;
    expect(first.getAttribute('aria-setsize')).to.equal('5000');
    expect(first.querySelector('.title')!.textContent).to.equal('Deal 9999');
    const list = lead.querySelector<HTMLElement>('.list')!;
    list.scrollTop = 112 * 2500;
    list.dispatchEvent(new Event('scroll'));
    await waitUntil(() => lead.querySelector('.card')!.getAttribute('aria-posinset') !== '1');
    const shown = [...lead.querySelectorAll('.card')].map((c) =>
      Number(c.getAttribute('aria-posinset')),
    );
    expect(shown).to.include(2501);
    expect(cardsNow()).to.be.lessThan(60);
  });

  it('renders as many cards as the column height holds, and follows a change of height', async () => {
    const repo = memoryRepo();
    await seed(repo);
    await repo.importDeals(
      PIPELINE,
      Array.from({ length: 200 }, (_, i) => ({ title: `Deal ${i}`, stageId: 'lead' })),
    );
    const el = await fixture<SalesPipeline>(
      html`<sales-pipeline
        pipeline=${PIPELINE}
        .repository=${repo}
        style="--sales-pipeline-column-height: 1344px"
      ></sales-pipeline>`,
    );
    await waitUntil(() => root(el).querySelector('.list'));
    await el.updateComplete;
    const list = column(el, 'lead').querySelector<HTMLElement>('.list')!;
    const rendered = () => column(el, 'lead').querySelectorAll('.card').length;
    // A list of height h shows ⌈h / 112⌉ + 1 rows, plus 3 more below for smooth scrolling.
    const expected = () => Math.ceil(list.clientHeight / CARD_ROW_HEIGHT) + 1 + 3;
    expect(list.clientHeight).to.be.greaterThan(1000);
    // Measured by a ResizeObserver, whose report asks for an update in a later frame.
    await waitUntil(() => rendered() === expected(), `${rendered()} rendered`);
    expect(rendered()).to.equal(expected());
    el.style.setProperty('--sales-pipeline-column-height', '300px');
    await waitUntil(() => list.clientHeight < 400 && rendered() === expected(), 'no re-window');
    expect(rendered()).to.be.lessThan(10);
  });

  it('is accessible on the board', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish with lang="es"', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo, 'es');
    expect(column(el, WON_KEY).querySelector('h3')!.textContent).to.equal('Ganadas');
    expect(column(el, 'offer').querySelector('.count')!.textContent).to.equal('2 oportunidades');
    const totals = [...column(el, 'offer').querySelectorAll('dd')].map((d) =>
      d.textContent!.replace(/\s/g, ' '),
    );
    expect(totals).to.deep.equal(['6000 €', '3000 €']);
    expect(noticeTexts(el).join(' ')).to.include('Sin guardar');
    expect(card(el, 'Alpha').textContent).to.include('0 d en la etapa');
    // A pipeline is a "flujo de ventas" on the board ("embudo" is the funnel chart's word).
    expect(root(el).querySelector('.board')!.getAttribute('aria-label')).to.equal(
      'Tablero del flujo de ventas',
    );
    const buttons = [...root(el).querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).to.include('Cargar flujo de ventas de ejemplo');
  });

  it('takes host overrides of its strings', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(repo);
    el.strings = { won: 'Closed won' };
    await el.updateComplete;
    expect(column(el, WON_KEY).querySelector('h3')!.textContent).to.equal('Closed won');
  });
});
