import { expect, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type {
  DealBeforeMoveEvent,
  DealMovedEvent,
} from '../../../src/elements/sales-pipeline/events.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import {
  DAY,
  PIPELINE,
  SIX,
  THREE,
  announced,
  boardWith,
  button,
  card,
  centre,
  column,
  dialogOf,
  field,
  focused,
  nameOf,
  press,
  root,
  stored,
  storedOrder,
} from './helpers.js';

// WCAG 2.5.7: every move a drag makes, with one pointer and no dragging — a card's "Move…"
// button and its dialog — through the same move path (events, undo, announcement).

const click = async (el: SalesPipeline, target: Element) => {
  await sendMouse({ type: 'click', position: centre(target) });
  await el.updateComplete;
};
const moveButton = (el: SalesPipeline, title: string) =>
  card(el, title).querySelector<HTMLButtonElement>('button')!;
const localDay = (at: number) => {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
};

describe('<sales-pipeline> "Move…" on each card', () => {
  afterEach(() => resetMouse());

  it('moves a deal to another stage with two clicks, as a drop does', async () => {
    const { repo, el } = await boardWith(THREE);
    const before = oneEvent(el, 'deal-before-move') as Promise<DealBeforeMoveEvent>;
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    expect(nameOf(moveButton(el, 'Alpha'))).to.equal('Move… Alpha');
    expect(moveButton(el, 'Alpha').getAttribute('aria-haspopup')).to.equal('dialog');
    await click(el, moveButton(el, 'Alpha'));
    expect(dialogOf(el).open).to.equal(true);
    expect(nameOf(dialogOf(el))).to.equal('Move “Alpha”');
    // The stage it is in is shown, not offered.
    expect(button(el, 'Lead (here now)').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await click(el, button(el, 'Negotiation'));
    expect((await before).detail).to.deep.include({ source: 'menu' });
    const event = await moved;
    expect(event.detail).to.deep.include({
      from: { stageId: 'lead', outcome: 'open' },
      to: { stageId: 'deal', outcome: 'open' },
      source: 'menu',
    });
    await el.updateComplete;
    expect((await stored(repo, 'Alpha'))!.stageId).to.equal('deal');
    expect(dialogOf(el).open).to.equal(false);
    expect(announced(el)).to.equal('Alpha moved to Negotiation.');
    // The focus follows the deal, as after a keyboard move.
    expect(focused(el)).to.equal('card Alpha');
    expect(el.shadowRoot!.querySelector('[part~="card"]:focus')).to.equal(card(el, 'Alpha'));
  });

  it('marks a deal won on a chosen day, and lost with a reason (asked for when missing)', async () => {
    const { repo, el } = await boardWith([
      { ...THREE[0]!, createdAt: Date.now() - 10 * DAY },
      ...THREE.slice(1),
    ]);
    await click(el, moveButton(el, 'Alpha'));
    const date = field(el, 'Won on');
    const day = localDay(Date.now() - 3 * DAY);
    date.value = day;
    await click(el, button(el, 'Mark as won'));
    await el.updateComplete;
    const alpha = (await stored(repo, 'Alpha'))!;
    expect(alpha.outcome).to.equal('won');
    const events = await repo.listEvents(PIPELINE, { dealId: alpha.id });
    expect(localDay(events.find((e) => e.kind === 'won')!.at)).to.equal(day);
    expect(announced(el)).to.equal('Alpha marked as won.');

    // A day after today is refused, in place and announced.
    await click(el, moveButton(el, 'Beta'));
    field(el, 'Won on').value = localDay(Date.now() + 2 * DAY);
    await click(el, button(el, 'Mark as won'));
    const dateError = dialogOf(el).querySelector('[role="alert"]')!;
    expect(dateError.textContent!.trim()).to.equal('Won on cannot be after today.');
    expect((await stored(repo, 'Beta'))!.outcome).to.equal('open');
    // So is a day before it entered its stage (today).
    field(el, 'Won on').value = localDay(Date.now() - DAY);
    await click(el, button(el, 'Mark as won'));
    expect(dialogOf(el).querySelector('[role="alert"]')!.textContent).to.match(
      /^\s*Won on cannot be before .+, the day it entered its stage\.\s*$/,
    );

    await click(el, button(el, 'Mark as lost'));
    const alert = dialogOf(el).querySelector('[role="alert"]')!;
    expect(alert.textContent!.trim()).to.equal('Why was it lost? is required.');
    expect(field(el, 'Why was it lost?').getAttribute('aria-invalid')).to.equal('true');
    field(el, 'Why was it lost?').focus();
    await sendKeys({ type: 'Price' });
    await press(el, 'Enter');
    const beta = (await stored(repo, 'Beta'))!;
    expect([beta.outcome, beta.lostReason]).to.deep.equal(['lost', 'Price']);
    expect(announced(el)).to.equal('Beta marked as lost: Price.');
  });

  it('moves a deal one place up or down its column', async () => {
    const { repo, el } = await boardWith(SIX);
    // Lead shows D C B A.
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    await click(el, moveButton(el, 'C'));
    await click(el, button(el, '↓ Down in Lead'));
    expect((await moved).detail).to.deep.include({ source: 'menu', before: 'a' });
    expect(await storedOrder(repo, 'lead')).to.deep.equal(['D', 'B', 'C', 'A']);
    await click(el, moveButton(el, 'D'));
    expect(button(el, '↑ Up in Lead').disabled).to.equal(true);
    await click(el, button(el, '↓ Down in Lead'));
    expect(await storedOrder(repo, 'lead')).to.deep.equal(['B', 'D', 'C', 'A']);
  });

  it('opens from the keyboard (Tab to the button, or M on the card); Escape gives the focus back', async () => {
    const { el } = await boardWith(THREE);
    card(el, 'Alpha').focus();
    await press(el, 'Tab');
    expect(focused(el)).to.equal('button Move… Alpha');
    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(true);
    // The first stage it can go to.
    expect(focused(el)).to.equal('button Offer');
    await press(el, 'Escape');
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('button Move… Alpha');

    card(el, 'Beta').focus();
    await press(el, 'm');
    expect(nameOf(dialogOf(el))).to.equal('Move “Beta”');
  });

  it('a move the page vetoes leaves the deal, and the focus back on its button', async () => {
    const { repo, el } = await boardWith(THREE);
    el.addEventListener('deal-before-move', (e) => e.preventDefault());
    await click(el, moveButton(el, 'Alpha'));
    await click(el, button(el, 'Offer'));
    expect((await stored(repo, 'Alpha'))!.stageId).to.equal('lead');
    expect(announced(el)).to.equal('The page did not allow moving Alpha.');
    expect(focused(el)).to.equal('button Move… Alpha');
  });

  it('a tap on the button does not start a drag', async () => {
    const { el } = await boardWith(THREE);
    const target = moveButton(el, 'Alpha');
    const [x, y] = centre(target);
    const init = { bubbles: true, composed: true, pointerId: 3, pointerType: 'touch' };
    target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: x, clientY: y }));
    target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: x, clientY: y }));
    target.click();
    await el.updateComplete;
    expect(nameOf(dialogOf(el))).to.equal('Move “Alpha”');
    expect(root(el).querySelector('[part="ghost"]')).to.equal(null);
  });
});

describe('<sales-pipeline> keyboard moves keep the target in view', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('scrolls the board to the column a picked-up card is over', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el } = await boardWith(THREE);
    const board = root(el).querySelector<HTMLElement>('[part="board"]')!;
    // Five columns do not fit: the last ones start off screen.
    expect(board.scrollWidth).to.be.greaterThan(board.clientWidth);
    card(el, 'Alpha').focus();
    await press(el, 'Space');
    for (let i = 0; i < 7; i += 1) await press(el, 'ArrowRight');
    const area = board.getBoundingClientRect();
    const target = column(el, 'Lost').getBoundingClientRect();
    expect(target.left).to.be.at.least(area.left - 1);
    expect(target.right).to.be.at.most(area.right + 1);
    await press(el, 'Home');
    const first = column(el, 'Lead').getBoundingClientRect();
    expect(first.left).to.be.at.least(board.getBoundingClientRect().left - 1);
  });
});
