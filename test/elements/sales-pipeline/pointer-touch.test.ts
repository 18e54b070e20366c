import { expect, oneEvent } from '@open-wc/testing';
import type { DealMovedEvent } from '../../../src/elements/sales-pipeline/events.js';
import {
  PIPELINE,
  THREE,
  boardWith,
  card,
  centre,
  column,
  dialogOf,
  pointerOn,
  stored,
  titlesIn,
} from './helpers.js';

// Pointer and touch drags, with the events a mouse or a finger produces dispatched on the card:
// real CDP mouse input waits for a painted frame, which a background tab never paints (the real
// mouse has its own file, real-mouse.test.ts, and the bench drives the same drag).

const ghost = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="ghost"]');

describe('<sales-pipeline> pointer drag', () => {
  it('moves a deal by pointer drag, firing deal-before-move then deal-moved, and stores it', async () => {
    const { repo, el } = await boardWith(THREE);
    const order: string[] = [];
    el.addEventListener('deal-before-move', () => order.push('before'));
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    const alpha = card(el, 'Alpha');
    const [x, y] = centre(alpha);
    const [tx, ty] = centre(column(el, 'Negotiation').querySelector('header')!);
    const mouse = pointerOn(alpha, 'mouse');
    mouse('pointerdown', x, y);
    mouse('pointermove', x + 20, y);
    mouse('pointermove', tx, ty);
    await el.updateComplete;
    expect(column(el, 'Negotiation').classList.contains('target')).to.equal(true);
    expect(ghost(el)).to.not.equal(null);
    mouse('pointerup', tx, ty);
    const event = await moved;
    order.push('moved');
    expect(order).to.deep.equal(['before', 'moved']);
    expect(event.detail.from).to.deep.equal({ stageId: 'lead', outcome: 'open' });
    expect(event.detail.to).to.deep.equal({ stageId: 'deal', outcome: 'open' });
    expect(event.detail.source).to.equal('pointer');
    const deal = (await stored(repo, 'Alpha'))!;
    expect(deal.stageId).to.equal('deal');
    const events = await repo.listEvents(PIPELINE, { dealId: deal.id });
    expect(events.map((e) => [e.kind, e.from, e.to])).to.deep.equal([
      ['created', null, 'lead'],
      ['moved', 'lead', 'deal'],
    ]);
    await el.updateComplete;
    expect(titlesIn(el, 'Negotiation')).to.deep.equal(['Alpha']);
    expect(ghost(el)).to.equal(null);
  });

  it('lets the page cancel the drag’s pointer, leaving everything where it was', async () => {
    const { repo, el } = await boardWith(THREE);
    let moves = 0;
    el.addEventListener('deal-before-move', () => (moves += 1));
    const alpha = card(el, 'Alpha');
    const [x, y] = centre(alpha);
    const [tx, ty] = centre(column(el, 'Offer').querySelector('header')!);
    const mouse = pointerOn(alpha, 'mouse');
    mouse('pointerdown', x, y);
    mouse('pointermove', tx, ty);
    await el.updateComplete;
    expect(ghost(el)).to.not.equal(null);
    mouse('pointercancel', tx, ty);
    await el.updateComplete;
    expect(ghost(el)).to.equal(null);
    expect(column(el, 'Offer').classList.contains('target')).to.equal(false);
    expect(moves).to.equal(0);
    expect((await stored(repo, 'Alpha'))!.stageId).to.equal('lead');
  });
});

describe('<sales-pipeline> touch', () => {
  it('drags a card by its grip with a finger', async () => {
    const { repo, el } = await boardWith(THREE);
    const alpha = card(el, 'Alpha');
    const grip = alpha.querySelector('.grip')!;
    const [x, y] = centre(alpha);
    const [tx, ty] = centre(column(el, 'Offer').querySelector('header')!);
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    const finger = pointerOn(grip, 'touch', 11);
    finger('pointerdown', x, y);
    finger('pointermove', x + 10, y + 10);
    finger('pointermove', tx, ty);
    await el.updateComplete;
    expect(column(el, 'Offer').classList.contains('target')).to.equal(true);
    finger('pointerup', tx, ty);
    const event = await moved;
    expect(event.detail).to.deep.include({
      to: { stageId: 'offer', outcome: 'open' },
      source: 'pointer',
    });
    expect((await stored(repo, 'Alpha'))!.stageId).to.equal('offer');
  });

  it('leaves a finger on the rest of the card to scroll the column', async () => {
    const { el } = await boardWith(THREE);
    let moves = 0;
    el.addEventListener('deal-before-move', () => (moves += 1));
    const alpha = card(el, 'Alpha');
    const [x, y] = centre(alpha);
    const [tx, ty] = centre(column(el, 'Offer').querySelector('header')!);
    const finger = pointerOn(alpha.querySelector('p')!, 'touch', 12);
    finger('pointerdown', x, y);
    finger('pointermove', tx, ty);
    await el.updateComplete;
    expect(ghost(el)).to.equal(null);
    finger('pointerup', tx, ty);
    await el.updateComplete;
    expect(moves).to.equal(0);
    expect(dialogOf(el).open).to.equal(false);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Alpha']);
  });
});
