import { expect, oneEvent } from '@open-wc/testing';
import type {
  DealBeforeMoveEvent,
  DealMovedEvent,
} from '../../../src/elements/sales-pipeline/events.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import {
  PIPELINE,
  THREE,
  announced,
  boardWith,
  card,
  column,
  focused,
  press,
  recordAnnouncements,
  root,
  stored,
  storedOrder,
  titlesIn,
  SIX,
} from './helpers.js';

// Moving cards with the keyboard alone, driven with real key presses.

/** The drop marker's gap in a column: 0 above the first card…, as its offset in rows. */
const markerIn = (el: SalesPipeline, heading: string) => {
  const marker = column(el, heading).querySelector<HTMLElement>('[part="drop-marker"]');
  return marker ? Math.round(marker.offsetTop / 124) : undefined;
};

describe('<sales-pipeline> keyboard', () => {
  it('moves a deal: Space picks up, arrows choose, Space drops; Escape cancels', async () => {
    const { repo, el } = await boardWith(THREE);
    card(el, 'Alpha').focus();
    await press(el, 'Space');
    expect(announced(el)).to.include('Picked up Alpha in Lead');
    await press(el, 'ArrowRight');
    expect(announced(el)).to.include('over Offer, column 2 of 5');
    await press(el, 'Escape');
    expect(announced(el)).to.include('Move of Alpha cancelled');
    expect((await stored(repo, 'Alpha'))!.stageId).to.equal('lead');

    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    card(el, 'Alpha').focus();
    await press(el, 'Enter', 'ArrowRight', 'ArrowRight', 'Space');
    const event = await moved;
    expect(event.detail.source).to.equal('keyboard');
    expect((await stored(repo, 'Alpha'))!.stageId).to.equal('deal');
    expect(announced(el)).to.include('Alpha moved to Negotiation');
    // Focus follows the deal to its new column.
    expect(focused(el)).to.equal('card Alpha');
    expect(titlesIn(el, 'Negotiation')).to.deep.equal(['Alpha']);
  });

  it('moves the focus between cards with the arrow keys', async () => {
    const { el } = await boardWith(THREE);
    card(el, 'Alpha').focus();
    await press(el, 'ArrowRight');
    const first = focused(el);
    await press(el, 'ArrowDown');
    const second = focused(el);
    expect([first, second]).to.deep.equal(titlesIn(el, 'Offer').map((t) => `card ${t}`));
  });

  it('moves a picked-up card down its column, announced by position', async () => {
    const { repo, el } = await boardWith(SIX);
    const before = oneEvent(el, 'deal-before-move') as Promise<DealBeforeMoveEvent>;
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    card(el, 'C').focus();
    await press(el, 'Space');
    expect(announced(el)).to.include('Picked up C in Lead, position 2 of 4');
    await press(el, 'ArrowDown');
    expect(announced(el)).to.include('C: position 3 of 4 in Lead');
    // Between B and A: the gap above the fourth card (index 3).
    expect(markerIn(el, 'Lead')).to.equal(3);
    await expect(el).to.be.accessible();
    await press(el, 'ArrowDown', 'ArrowDown');
    expect(announced(el)).to.include('C: position 4 of 4 in Lead');
    expect(markerIn(el, 'Lead')).to.equal(4);
    // Nothing is written until the drop.
    expect(await storedOrder(repo, 'lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    await press(el, 'Space');
    const [b, m] = [await before, await moved];
    const place = { stageId: 'lead', outcome: 'open' };
    expect(b.detail).to.deep.include({ from: place, to: place, source: 'keyboard', before: null });
    expect(m.detail).to.deep.include({ from: place, to: place, before: null });
    expect(await storedOrder(repo, 'lead')).to.deep.equal(['D', 'B', 'A', 'C']);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['D', 'B', 'A', 'C']);
    expect(announced(el)).to.include('C moved to position 4 of 4 in Lead');
    expect(root(el).querySelector('[part="drop-marker"]')).to.equal(null);
    expect(focused(el)).to.equal('card C');
    // A reorder is no step through the funnel: no history event.
    expect((await repo.listEvents(PIPELINE)).map((e) => e.kind)).to.not.include('moved');
  });

  it('moves across columns keeping the position, and up within the new one', async () => {
    const { repo, el } = await boardWith(SIX);
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    card(el, 'B').focus();
    await press(el, 'Enter', 'ArrowRight');
    // B was third in Lead; Offer has two deals, so third of three there.
    expect(announced(el)).to.include('B: over Offer, column 2 of 5, position 3 of 3');
    expect(markerIn(el, 'Offer')).to.equal(2);
    await press(el, 'ArrowUp');
    expect(announced(el)).to.include('B: position 2 of 3 in Offer');
    await press(el, 'Enter');
    const event = await moved;
    expect(event.detail).to.deep.include({
      from: { stageId: 'lead', outcome: 'open' },
      to: { stageId: 'offer', outcome: 'open' },
      before: 'x',
    });
    expect(titlesIn(el, 'Offer')).to.deep.equal(['Y', 'B', 'X']);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['D', 'C', 'A']);
    expect(await storedOrder(repo, 'offer')).to.deep.equal(['Y', 'B', 'X']);
  });

  it('Escape puts the card back where it was, and Left then Right returns to its place', async () => {
    const { repo, el } = await boardWith(SIX);
    const fired: string[] = [];
    el.addEventListener('deal-before-move', () => fired.push('before-move'));
    card(el, 'C').focus();
    await press(el, 'Space', 'ArrowDown', 'ArrowDown', 'Escape');
    expect(announced(el)).to.include('Move of C cancelled');
    expect(root(el).querySelector('[part="drop-marker"]')).to.equal(null);
    card(el, 'C').focus();
    // Right to Offer (position 2 of 3), Left back to Lead: position 2 again, so no move.
    await press(el, 'Space', 'ArrowRight', 'ArrowLeft');
    expect(announced(el)).to.include('position 2 of 4');
    expect(markerIn(el, 'Lead')).to.equal(undefined);
    await press(el, 'Space');
    expect(announced(el)).to.include('Move of C cancelled');
    expect(fired).to.deep.equal([]);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    expect((await repo.getDeal('c'))!.version).to.equal(1);
  });

  it('keeps focus on a card dropped in another column, announcing the move once', async () => {
    const { el } = await boardWith(SIX.slice(0, 5));
    const said = recordAnnouncements(el);
    card(el, 'B').focus();
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    await press(el, 'Space', 'ArrowRight', 'Space');
    await moved;
    await el.updateComplete;
    expect(focused(el)).to.equal('card B');
    expect(column(el, 'Offer').contains(root(el).activeElement)).to.equal(true);
    const afterDrop = said.slice(said.findIndex((s) => s.startsWith('B: over Offer')) + 1);
    expect(afterDrop).to.deep.equal(['B moved to Offer.']);
  });
});
