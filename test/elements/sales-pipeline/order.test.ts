import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  DealBeforeMoveEvent,
  DealMovedEvent,
} from '../../../src/elements/sales-pipeline/events.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import {
  PIPELINE,
  board,
  card,
  column,
  dbName,
  deleteDatabases,
  liveText,
  memoryRepo,
  root,
  seed,
  titlesIn,
} from './helpers.js';

/** Created in this order, so each column shows them newest first: D C B A, then Y X. */
const DEALS = [
  { id: 'a', title: 'A', stageId: 'lead' },
  { id: 'b', title: 'B', stageId: 'lead' },
  { id: 'c', title: 'C', stageId: 'lead' },
  { id: 'd', title: 'D', stageId: 'lead' },
  { id: 'x', title: 'X', stageId: 'offer' },
  { id: 'y', title: 'Y', stageId: 'offer' },
];

const press = async (el: SalesPipeline, ...keys: string[]) => {
  for (const key of keys) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }
};

/** The marker's gap: 0 above the first card… as its offset in rows. */
const markerIn = (el: SalesPipeline, key: string) => {
  const marker = column(el, key).querySelector<HTMLElement>('.drop-marker');
  return marker ? Math.round(marker.offsetTop / 112) : undefined;
};

/** A column's titles in the stored order (rank), for what persists. */
const storedOrder = async (repo: SalesRepository, stageId: string) =>
  (await repo.listDeals(PIPELINE, { stageId }))
    .sort((p, q) => p.rank! - q.rank!)
    .map((d) => d.title);

describe('<sales-pipeline> card order within a column', () => {
  afterEach(async () => {
    fixtureCleanup();
    await deleteDatabases();
  });

  it('shows each column in stored rank order, new deals on top', async () => {
    const repo = memoryRepo();
    await seed(repo, DEALS);
    const el = await board(repo);
    expect(titlesIn(el, 'lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    expect(titlesIn(el, 'offer')).to.deep.equal(['Y', 'X']);
  });

  it('moves a picked-up card down its column with the keyboard, announced by position', async () => {
    const repo = memoryRepo();
    await seed(repo, DEALS);
    const el = await board(repo);
    const before = oneEvent(el, 'deal-before-move') as Promise<DealBeforeMoveEvent>;
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    card(el, 'C').focus();
    await press(el, 'Space');
    expect(liveText(el)).to.include('Picked up C in Lead, position 2 of 4');
    await press(el, 'ArrowDown');
    expect(liveText(el)).to.include('C: position 3 of 4 in Lead');
    // Between B and A: the gap above the fourth card (index 3).
    expect(markerIn(el, 'lead')).to.equal(3);
    await expect(el).to.be.accessible();
    await press(el, 'ArrowDown', 'ArrowDown');
    expect(liveText(el)).to.include('C: position 4 of 4 in Lead');
    expect(markerIn(el, 'lead')).to.equal(4);
    // Nothing is written until the drop.
    expect(await storedOrder(repo, 'lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    await press(el, 'Space');
    const [b, m] = [await before, await moved];
    const place = { stageId: 'lead', outcome: 'open' };
    expect(b.detail).to.deep.include({ from: place, to: place, source: 'keyboard', before: null });
    expect(m.detail).to.deep.include({ from: place, to: place, before: null });
    expect(await storedOrder(repo, 'lead')).to.deep.equal(['D', 'B', 'A', 'C']);
    await el.updateComplete;
    expect(titlesIn(el, 'lead')).to.deep.equal(['D', 'B', 'A', 'C']);
    expect(liveText(el)).to.include('C moved to position 4 of 4 in Lead');
    expect(root(el).querySelector('.drop-marker')).to.equal(null);
    expect(root(el).activeElement).to.equal(card(el, 'C'));
    // A reorder is no step through the funnel: no history event.
    expect((await repo.listEvents(PIPELINE)).map((e) => e.kind)).to.not.include('moved');
  });

  it('moves across columns keeping the position, and up within the new one', async () => {
    const repo = memoryRepo();
    await seed(repo, DEALS);
    const el = await board(repo);
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    card(el, 'B').focus();
    await press(el, 'Enter', 'ArrowRight');
    // B was third in Lead; Offer has two deals, so third of three there.
    expect(liveText(el)).to.include('B: over Offer, column 2 of 5, position 3 of 3');
    expect(markerIn(el, 'offer')).to.equal(2);
    await press(el, 'ArrowUp');
    expect(liveText(el)).to.include('B: position 2 of 3 in Offer');
    await press(el, 'Enter');
    const event = await moved;
    expect(event.detail).to.deep.include({
      from: { stageId: 'lead', outcome: 'open' },
      to: { stageId: 'offer', outcome: 'open' },
      before: 'x',
    });
    await el.updateComplete;
    expect(titlesIn(el, 'offer')).to.deep.equal(['Y', 'B', 'X']);
    expect(titlesIn(el, 'lead')).to.deep.equal(['D', 'C', 'A']);
    expect(await storedOrder(repo, 'offer')).to.deep.equal(['Y', 'B', 'X']);
  });

  it('Escape puts the card back where it was, and Left then Right returns to its place', async () => {
    const repo = memoryRepo();
    await seed(repo, DEALS);
    const el = await board(repo);
    const fired: string[] = [];
    el.addEventListener('deal-before-move', () => fired.push('before-move'));
    card(el, 'C').focus();
    await press(el, 'Space', 'ArrowDown', 'ArrowDown', 'Escape');
    expect(liveText(el)).to.include('Move of C cancelled');
    expect(root(el).querySelector('.drop-marker')).to.equal(null);
    card(el, 'C').focus();
    // Right to Offer (position 2 of 3), Left back to Lead: position 2 again, so no move.
    await press(el, 'Space', 'ArrowRight', 'ArrowLeft');
    expect(liveText(el)).to.include('position 2 of 4');
    expect(markerIn(el, 'lead')).to.equal(undefined);
    await press(el, 'Space');
    expect(liveText(el)).to.include('Move of C cancelled');
    expect(fired).to.deep.equal([]);
    expect(titlesIn(el, 'lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    expect((await repo.getDeal('c'))!.version).to.equal(1);
  });

  it('undoes a reorder, putting the card back above the deal it was above', async () => {
    const repo = memoryRepo();
    await seed(repo, DEALS);
    const el = await board(repo);
    card(el, 'D').focus();
    await press(el, 'Space', 'ArrowDown', 'ArrowDown', 'Space');
    await waitUntil(() => titlesIn(el, 'lead').join() === 'C,B,D,A', 'the reorder never showed');
    const undone = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    expect(await el.undo()).to.equal(true);
    const event = await undone;
    expect(event.detail).to.deep.include({ source: 'undo', before: 'c' });
    await el.updateComplete;
    expect(titlesIn(el, 'lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    expect(await storedOrder(repo, 'lead')).to.deep.equal(['D', 'C', 'B', 'A']);
  });

  it('undoes a move to another column back to the place it had', async () => {
    const repo = memoryRepo();
    await seed(repo, DEALS);
    const el = await board(repo);
    expect(await el.moveDeal('b', { stageId: 'offer' })).to.equal(true);
    await el.updateComplete;
    expect(titlesIn(el, 'offer')).to.deep.equal(['B', 'Y', 'X']);
    expect(await el.undo()).to.equal(true);
    await el.updateComplete;
    expect(titlesIn(el, 'lead')).to.deep.equal(['D', 'C', 'B', 'A']);
  });

  it('keeps a keyboard reorder across a re-created element, and another tab follows it', async () => {
    const name = dbName('order');
    const tabA = await createIdbRepository({ name });
    const tabB = await createIdbRepository({ name });
    try {
      await seed(tabA, DEALS);
      const el = await board(tabA);
      const other = await board(tabB);
      card(el, 'A').focus();
      await press(el, 'Space', 'ArrowUp', 'ArrowUp', 'Space');
      await waitUntil(() => titlesIn(el, 'lead').join() === 'D,A,C,B', 'the reorder never showed');
      await waitUntil(
        () => titlesIn(other, 'lead').join() === 'D,A,C,B',
        'the other tab never followed',
      );
      el.remove();
      const again = await board(tabA);
      expect(titlesIn(again, 'lead')).to.deep.equal(['D', 'A', 'C', 'B']);
    } finally {
      tabA.close();
      tabB.close();
    }
  });
});
