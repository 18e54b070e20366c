import { expect, oneEvent } from '@open-wc/testing';
import type { DealMovedEvent } from '../../../src/elements/sales-pipeline/events.js';
import { PIPELINE, THREE, announced, boardWith, stored, titlesIn } from './helpers.js';

// Moves made by the page (`moveDeal()`), and what the page can say about any move.

describe('<sales-pipeline> moveDeal() and the move events', () => {
  it('does not move a deal when the page cancels deal-before-move', async () => {
    const { repo, el } = await boardWith(THREE);
    el.addEventListener('deal-before-move', (e) => e.preventDefault());
    let movedEvents = 0;
    el.addEventListener('deal-moved', () => (movedEvents += 1));
    const done = await el.moveDeal((await stored(repo, 'Alpha'))!.id, { stageId: 'offer' });
    expect(done).to.equal(false);
    expect(movedEvents).to.equal(0);
    expect((await stored(repo, 'Alpha'))!.stageId).to.equal('lead');
    await el.updateComplete;
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Alpha']);
    expect(announced(el)).to.include('did not allow moving Alpha');
  });

  it('moves a deal backwards and records it', async () => {
    const { repo, el } = await boardWith(THREE);
    const gamma = (await stored(repo, 'Gamma'))!;
    await el.moveDeal(gamma.id, { stageId: 'lead' });
    const events = await repo.listEvents(PIPELINE, { dealId: gamma.id });
    expect(events.at(-1)).to.include({ kind: 'moved', from: 'offer', to: 'lead' });
  });

  it('moves a lost deal back into a stage as one write: reopened and moved together', async () => {
    const { repo, el } = await boardWith(THREE);
    const beta = (await stored(repo, 'Beta'))!;
    await el.moveDeal(beta.id, { outcome: 'lost', reason: 'Price' });
    const changes: string[] = [];
    repo.subscribe(PIPELINE, (c) => changes.push(c.type));
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    expect(await el.moveDeal(beta.id, { stageId: 'deal' })).to.equal(true);
    const event = await moved;
    expect(event.detail.from).to.deep.equal({ stageId: 'offer', outcome: 'lost' });
    expect(event.detail.to).to.deep.equal({ stageId: 'deal', outcome: 'open' });
    const after = (await stored(repo, 'Beta'))!;
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
    expect(titlesIn(el, 'Negotiation')).to.deep.equal(['Beta']);
    expect(announced(el)).to.include('Beta reopened in Negotiation');
  });

  it('does not take the focus from the page for a move made through moveDeal()', async () => {
    const { el } = await boardWith([
      { id: 'a', title: 'A', stageId: 'lead' },
      { id: 'd', title: 'D', stageId: 'offer' },
    ]);
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      outside.focus();
      expect(await el.moveDeal('a', { stageId: 'offer' })).to.equal(true);
      await el.updateComplete;
      expect(document.activeElement === outside, 'the page kept its focus').to.equal(true);
    } finally {
      outside.remove();
    }
  });

  it('refuses a deal it does not show, and a move to where the deal already is', async () => {
    const { repo, el } = await boardWith(THREE);
    let events = 0;
    el.addEventListener('deal-before-move', () => (events += 1));
    expect(await el.moveDeal('nope', { stageId: 'offer' })).to.equal(false);
    const alpha = (await stored(repo, 'Alpha'))!;
    expect(await el.moveDeal(alpha.id, { stageId: 'lead' })).to.equal(false);
    expect(events).to.equal(0);
    expect((await stored(repo, 'Alpha'))!.version).to.equal(alpha.version);
  });
});
