import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { DealMovedEvent } from '../../../src/elements/sales-pipeline/events.js';
import {
  PIPELINE,
  boardWith,
  card,
  centre,
  column,
  dialogOf,
  field,
  focused,
  nameOf,
  root,
  storedOrder,
  titlesIn,
} from './helpers.js';

const ghost = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="ghost"]');
const markerOf = (list: HTMLElement) => list.querySelector('[part="drop-marker"]')!;

// Real mouse input through the browser (CDP), in a file of its own: it needs the page to paint,
// which web-test-runner.config.mjs keeps true for tabs in the background too.
describe('<sales-pipeline> with a real mouse', () => {
  afterEach(() => resetMouse());

  it('drags a card to another column: ghost and target while dragging, stored on release', async () => {
    const { repo, el } = await boardWith([
      { title: 'Alpha', amount: 1000, stageId: 'lead' },
      { title: 'Beta', amount: 2000, stageId: 'offer' },
    ]);
    const order: string[] = [];
    el.addEventListener('deal-before-move', () => order.push('before'));
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    const [x, y] = centre(card(el, 'Alpha'));
    const [tx, ty] = centre(column(el, 'Negotiation').querySelector('header')!);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 30, y + 5] });
    await sendMouse({ type: 'move', position: [tx, ty] });
    await el.updateComplete;
    expect(ghost(el)!.querySelector('p')!.textContent).to.equal('Alpha');
    expect(column(el, 'Negotiation').classList.contains('target')).to.equal(true);
    await sendMouse({ type: 'up' });
    const event = await moved;
    order.push('moved');
    expect(order).to.deep.equal(['before', 'moved']);
    expect(event.detail).to.deep.include({
      from: { stageId: 'lead', outcome: 'open' },
      to: { stageId: 'deal', outcome: 'open' },
      source: 'pointer',
    });
    const alpha = (await repo.listDeals(PIPELINE)).find((d) => d.title === 'Alpha')!;
    expect(alpha.stageId).to.equal('deal');
    await el.updateComplete;
    expect(titlesIn(el, 'Negotiation')).to.deep.equal(['Alpha']);
    expect(ghost(el)).to.equal(null);
  });

  it('drops a card between the two cards under the pointer, with a marker where it goes', async () => {
    // Shown newest first: Lead has Alpha; Offer has Gamma, Beta.
    const { repo, el } = await boardWith([
      { id: 'alpha', title: 'Alpha', stageId: 'lead' },
      { id: 'beta', title: 'Beta', stageId: 'offer' },
      { id: 'gamma', title: 'Gamma', stageId: 'offer' },
    ]);
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    const [x, y] = centre(card(el, 'Alpha'));
    const gamma = card(el, 'Gamma').getBoundingClientRect();
    const beta = card(el, 'Beta').getBoundingClientRect();
    // The gap between Gamma and Beta, a little into Beta's top half.
    const [tx, ty] = [Math.round(beta.left + beta.width / 2), Math.round(beta.top + 10)];
    expect(gamma.bottom).to.be.lessThan(ty);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 30, y + 5] });
    await sendMouse({ type: 'move', position: [tx, ty] });
    await el.updateComplete;
    const marker = column(el, 'Offer').querySelector<HTMLElement>('[part="drop-marker"]')!;
    const box = marker.getBoundingClientRect();
    expect(box.top).to.be.at.least(gamma.bottom - 1);
    expect(box.bottom).to.be.at.most(beta.top + 1);
    await sendMouse({ type: 'up' });
    const event = await moved;
    expect(event.detail).to.deep.include({ source: 'pointer', before: 'beta' });
    await el.updateComplete;
    expect(titlesIn(el, 'Offer')).to.deep.equal(['Gamma', 'Alpha', 'Beta']);
    expect(await storedOrder(repo, 'offer')).to.deep.equal(['Gamma', 'Alpha', 'Beta']);
  });

  it('reorders within a column by dragging a card below the next one', async () => {
    const { el } = await boardWith([
      { id: 'a', title: 'A', stageId: 'lead' },
      { id: 'b', title: 'B', stageId: 'lead' },
      { id: 'c', title: 'C', stageId: 'lead' },
    ]);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['C', 'B', 'A']);
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    const [x, y] = centre(card(el, 'C'));
    const b = card(el, 'B').getBoundingClientRect();
    // Into B's lower half: the gap between B and A.
    const ty = Math.round(b.bottom - 10);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 2, y + 30] });
    await sendMouse({ type: 'move', position: [x, ty] });
    await sendMouse({ type: 'up' });
    const event = await moved;
    expect(event.detail).to.deep.include({
      from: { stageId: 'lead', outcome: 'open' },
      to: { stageId: 'lead', outcome: 'open' },
      before: 'a',
    });
    await el.updateComplete;
    expect(titlesIn(el, 'Lead')).to.deep.equal(['B', 'C', 'A']);
  });

  it('scrolls a column while the pointer rests near its bottom, so a card drops below the last one', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: `d${i}`,
      title: `Deal ${i}`,
      stageId: 'lead',
    }));
    const { repo, el } = await boardWith([
      ...many,
      { id: 'mover', title: 'Mover', stageId: 'offer' },
    ]);
    el.style.setProperty('--sales-pipeline-column-height', '300px');
    await el.updateComplete;
    const list = column(el, 'Lead').querySelector('ul')!.parentElement!;
    expect(list.scrollTop).to.equal(0);
    expect(titlesIn(el, 'Lead')).to.not.include('Deal 0');
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    const [x, y] = centre(card(el, 'Mover'));
    const r = list.getBoundingClientRect();
    const bottom = Math.round(r.bottom - 4);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x - 30, y + 5] });
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), bottom] });
    // No more pointer moves: the list keeps scrolling on its own, to its end.
    await waitUntil(
      () => list.scrollTop >= list.scrollHeight - list.clientHeight - 1,
      `stopped at ${list.scrollTop} of ${list.scrollHeight - list.clientHeight}`,
      { timeout: 5000 },
    );
    await el.updateComplete;
    // The oldest deal, at the bottom, is rendered now, with the marker centred on its lower edge.
    expect(titlesIn(el, 'Lead')).to.include('Deal 0');
    const marker = markerOf(list).getBoundingClientRect();
    const last = card(el, 'Deal 0').getBoundingClientRect();
    expect(marker.top + marker.height / 2).to.be.closeTo(last.bottom, 1);
    await sendMouse({ type: 'up' });
    const event = await moved;
    expect(event.detail).to.deep.include({
      to: { stageId: 'lead', outcome: 'open' },
      before: null,
    });
    const order = await storedOrder(repo, 'lead');
    expect(order.at(-1)).to.equal('Mover');
    expect(order.at(-2)).to.equal('Deal 0');
    // The focus stays on the card that moved.
    await el.updateComplete;
    expect(focused(el), 'the moved card kept the focus').to.equal('card Mover');
  });

  it('scrolls the board sideways while the pointer rests near its right edge', async () => {
    const { el } = await boardWith([{ title: 'Alpha', stageId: 'lead' }]);
    el.style.setProperty('inline-size', '600px');
    await el.updateComplete;
    const boardEl = root(el).querySelector<HTMLElement>('[role="region"]')!;
    const end = boardEl.scrollWidth - boardEl.clientWidth;
    expect(end).to.be.above(0);
    expect(boardEl.scrollLeft).to.equal(0);
    const [x, y] = centre(card(el, 'Alpha'));
    const r = boardEl.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 30, y] });
    await sendMouse({ type: 'move', position: [Math.round(r.right - 4), y] });
    await waitUntil(() => boardEl.scrollLeft >= end - 1, `stopped at ${boardEl.scrollLeft}`, {
      timeout: 5000,
    });
    await el.updateComplete;
    // The last column came under the still pointer: it is the target now.
    expect(nameOf(root(el).querySelector('section.target')!)).to.equal('Lost');
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    // Lost asks for a reason first.
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include('Mark “Alpha” as lost');
  });

  it('opens the deal dialog on a click that does not move', async () => {
    const { el } = await boardWith([{ title: 'Alpha', stageId: 'lead' }]);
    const [x, y] = centre(card(el, 'Alpha'));
    await sendMouse({ type: 'click', position: [x, y] });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    expect(field(el, 'Title').value).to.equal('Alpha');
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Alpha']);
  });
});
