import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import * as Y from 'yjs';
import '../../../src/elements/sales-pipeline/define.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { sharedSyncRepository } from '../../../src/store/sync/shared.js';
import { openPeer, serverForSuite } from '../../sync/client.js';
import { button, card, dialogOf, press, recordAnnouncements, root } from './helpers.js';

/**
 * Presence on a synced board, with another person's browser (a peer in a browser context of
 * its own) through a real sync server: who is viewing, and who is moving which card.
 */

const STAGES = [
  { id: 'lead', name: 'Lead' },
  { id: 'offer', name: 'Offer' },
];
let rooms = 0;
const newRoom = () => `presence-${Date.now().toString(36)}-${(rooms += 1)}`;
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The toolbar's group of the others viewing, and the names a screen reader reads in it. */
const viewingGroup = (el: SalesPipeline) =>
  root(el).querySelector<HTMLElement>('[role="toolbar"] [role="group"]');
const viewerNames = (el: SalesPipeline) =>
  [...(viewingGroup(el)?.querySelectorAll('li') ?? [])].map((li) =>
    squash(
      [...li.childNodes]
        .filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'))
        .map((n) => n.textContent)
        .join(' '),
    ),
  );
/** The "… is moving this" line of a card, if it has one. */
const movingLine = (el: SalesPipeline, title: string) =>
  squash(card(el, title).querySelector('[part="moving-by"]')?.textContent) || undefined;

const until = (check: () => boolean | Promise<boolean>, what: string) =>
  waitUntil(check, what, { timeout: 8000 });

describe('<sales-pipeline sync> presence', function () {
  // Each step is a round trip to another browser context through the server.
  this.timeout(30_000);
  const suite = serverForSuite();
  const { peers } = suite;

  async function boardAndPeer(attributes: { userName?: string; lang?: string } = {}) {
    const room = newRoom();
    const peer = await openPeer(suite.server.url, room);
    peers.push(peer);
    await peer.call('ensurePipeline', 'p', { name: 'Team', stages: STAGES });
    const acme = await peer.call('createDeal', 'p', { title: 'Acme', stageId: 'lead' });
    await peer.synced();
    const el = await fixture<SalesPipeline>(
      html`<sales-pipeline
        pipeline="p"
        room=${room}
        sync=${suite.server.url}
        user-name=${attributes.userName ?? ''}
        lang=${attributes.lang ?? 'en'}
      ></sales-pipeline>`,
    );
    await waitUntil(() => root(el).querySelector('[data-deal]'), 'the deal never showed', {
      timeout: 8000,
    });
    return { el, peer, acme, room };
  }

  it('lists who else is viewing in a named group, says an arrival once, and tells the room this person’s name', async () => {
    const { el, peer, room } = await boardAndPeer({ userName: 'Bea Ruiz' });
    const said = recordAnnouncements(el);
    await peer.present({ name: 'Ana' });
    await until(() => viewerNames(el).includes('Ana'), 'Ana never showed as viewing');
    expect(viewingGroup(el)!.getAttribute('aria-label')).to.equal('Also viewing');
    expect(viewerNames(el)).to.deep.equal(['Ana']);
    // The others see this person by their user-name.
    await until(
      async () => (await peer.others()).some((o) => o.name === 'Bea Ruiz'),
      'the peer never saw Bea Ruiz',
    );
    // Ana changes what she shows twice: her arrival was said once, not at every change.
    const acme = (await peer.call('listDeals', 'p'))[0]!;
    await peer.present({ dragging: acme.id });
    await until(() => movingLine(el, 'Acme') !== undefined, 'the card never showed Ana');
    await peer.present({ dragging: null });
    await until(() => movingLine(el, 'Acme') === undefined, 'the card kept Ana');
    expect(said.filter((s) => s.includes('Ana'))).to.deep.equal(['Ana is viewing this pipeline']);
    // Nothing of it is in the shared document.
    const doc = (await sharedSyncRepository({ url: suite.server.url, room })).doc;
    const stored = new TextDecoder().decode(Y.encodeStateAsUpdate(doc));
    expect(stored).not.to.include('Bea Ruiz');
    expect(stored).not.to.include('Ana');
    await expect(el).to.be.accessible();
  });

  it('tells a room it moves to the same name', async () => {
    const { el } = await boardAndPeer({ userName: 'Bea Ruiz' });
    const next = newRoom();
    const other = await openPeer(suite.server.url, next);
    peers.push(other);
    el.setAttribute('room', next);
    await until(
      async () => (await other.others()).some((o) => o.name === 'Bea Ruiz'),
      'the second room never saw Bea Ruiz',
    );
  });

  it('shows the name of whoever is moving a card on that card, in the board’s language', async () => {
    const { el, peer, acme } = await boardAndPeer({ lang: 'es' });
    await peer.present({ name: 'Ana', dragging: acme.id });
    await until(() => movingLine(el, 'Acme') !== undefined, 'the card never showed Ana');
    expect(movingLine(el, 'Acme')).to.equal('Ana está moviendo esto');
    expect(viewingGroup(el)!.getAttribute('aria-label')).to.equal('También viendo');
    // A guest (no user-name) is "Invitado N".
    await peer.present({ name: null });
    await until(() => /^Invitado \d+$/.test(viewerNames(el)[0] ?? ''), 'no guest name');
    expect(movingLine(el, 'Acme')).to.match(/^Invitado \d+ está moviendo esto$/);
  });

  it('tells the room which card this person moves: picked up by keyboard, or in the Move dialog', async () => {
    const { el, peer, acme } = await boardAndPeer({ userName: 'Bea' });
    const beaMoving = async () =>
      (await peer.others()).find((o) => o.name === 'Bea')?.dragging ?? null;
    await until(async () => (await peer.others()).some((o) => o.name === 'Bea'), 'no Bea');
    expect(await beaMoving()).to.equal(null);

    card(el, 'Acme').focus();
    await press(el, 'Space');
    await until(async () => (await beaMoving()) === acme.id, 'the pick-up never reached the room');
    await press(el, 'Escape');
    await until(async () => (await beaMoving()) === null, 'the drop never reached the room');

    button(el, 'Move… Acme').click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    await until(async () => (await beaMoving()) === acme.id, 'the Move dialog never told the room');
    await press(el, 'Escape');
    await until(async () => (await beaMoving()) === null, 'closing the dialog never told it');
  });
});
