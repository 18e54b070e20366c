import { expect, oneEvent } from '@open-wc/testing';
import type { DealMovedEvent } from '../../../src/elements/sales-pipeline/events.js';
import {
  PIPELINE,
  THREE,
  alerts,
  announced,
  boardWith,
  button,
  card,
  column,
  field,
  focused,
  press,
  pressUndo,
  stored,
  storedOrder,
  titlesIn,
  SIX,
} from './helpers.js';

describe('<sales-pipeline> undo', () => {
  it('undoes the last move with the button and the last delete with Ctrl+Z', async () => {
    const { repo, el } = await boardWith(THREE);
    await el.moveDeal((await stored(repo, 'Alpha'))!.id, { stageId: 'offer' });
    await el.updateComplete;
    const undo = button(el, 'Undo');
    expect(undo.getAttribute('aria-label')).to.equal('Undo moving “Alpha”');
    undo.click();
    await el.updateComplete;
    expect((await stored(repo, 'Alpha'))!.stageId).to.equal('lead');

    card(el, 'Beta').focus();
    await press(el, 'Delete');
    expect(await stored(repo, 'Beta')).to.equal(undefined);
    expect(titlesIn(el, 'Offer')).to.deep.equal(['Gamma']);
    await pressUndo(el);
    expect(await stored(repo, 'Beta')).to.not.equal(undefined);
    expect(titlesIn(el, 'Offer')).to.have.members(['Beta', 'Gamma']);
    // Its history came back with it.
    const beta = (await stored(repo, 'Beta'))!;
    expect((await repo.listEvents(PIPELINE, { dealId: beta.id })).length).to.equal(1);
  });

  it('after a delete, focuses the next card, then the emptied column; Ctrl+Z brings the deal back focused', async () => {
    const { el } = await boardWith(SIX.filter((d) => d.id !== 'd' && d.id !== 'y'));
    // Lead: C B A; Offer: X.
    card(el, 'C').focus();
    await press(el, 'Delete');
    expect(focused(el), 'after deleting C').to.equal('card B');
    // The last card of its column: the one above it.
    card(el, 'A').focus();
    await press(el, 'Delete');
    expect(focused(el), 'after deleting A').to.equal('card B');
    // The only card of its column: the column itself.
    card(el, 'X').focus();
    await press(el, 'Delete');
    expect(focused(el), 'after deleting X').to.equal('column Offer');
    expect(column(el, 'Offer').textContent).to.include('No deals');
    // Undo is one key away from where the focus went.
    await pressUndo(el);
    expect(focused(el), 'after undo').to.equal('card X');
    expect(announced(el)).to.include('X restored');
  });

  it('undoes a reorder, putting the card back above the deal it was above', async () => {
    const { repo, el } = await boardWith(SIX);
    card(el, 'D').focus();
    await press(el, 'Space', 'ArrowDown', 'ArrowDown', 'Space');
    expect(titlesIn(el, 'Lead')).to.deep.equal(['C', 'B', 'D', 'A']);
    const undone = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    expect(await el.undo()).to.equal(true);
    const event = await undone;
    expect(event.detail).to.deep.include({ source: 'undo', before: 'c' });
    await el.updateComplete;
    expect(titlesIn(el, 'Lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    expect(await storedOrder(repo, 'lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    expect(announced(el)).to.equal('Undone.');
  });

  it('undoes a move to another column back to the place it had', async () => {
    const { el } = await boardWith(SIX);
    expect(await el.moveDeal('b', { stageId: 'offer' })).to.equal(true);
    await el.updateComplete;
    expect(titlesIn(el, 'Offer')).to.deep.equal(['B', 'Y', 'X']);
    expect(await el.undo()).to.equal(true);
    await el.updateComplete;
    expect(titlesIn(el, 'Lead')).to.deep.equal(['D', 'C', 'B', 'A']);
  });

  it('says there is nothing to undo, and keeps Undo disabled until there is', async () => {
    const { el } = await boardWith(SIX);
    expect(button(el, 'Undo').disabled).to.equal(true);
    expect(await el.undo()).to.equal(false);
    await el.updateComplete;
    expect(announced(el)).to.equal('Nothing to undo.');
    // Once undone, the move cannot be undone twice.
    await el.moveDeal('x', { stageId: 'lead' });
    expect(await el.undo()).to.equal(true);
    expect(await el.undo()).to.equal(false);
  });

  it('still undoes a move after this tab edited the deal: only other tabs stand in the way', async () => {
    const { repo, el } = await boardWith(THREE);
    await el.moveDeal((await stored(repo, 'Alpha'))!.id, { stageId: 'offer' });
    await el.updateComplete;
    card(el, 'Alpha').focus();
    await press(el, 'e');
    field(el, 'Owner').value = 'Marta';
    button(el, 'Save').click();
    await el.updateComplete;
    await pressUndo(el);
    expect(await stored(repo, 'Alpha')).to.include({ stageId: 'lead', owner: 'Marta' });
    expect(alerts(el)).to.deep.equal([]);
  });
});
