import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/sales-pipeline/define.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { sharedSyncRepository } from '../../../src/store/sync/shared.js';
import { makeToken, openPeer, serverForSuite, startServer, type Peer } from '../../sync/client.js';
import { dbName, deleteDatabases, noticeTexts, root, titlesIn } from './helpers.js';
import { sharedRepository } from '../../../src/elements/controllers/repository-controller.js';

/**
 * Two people on one room: this page's board (the test page's storage) and a peer in a browser
 * context of its own (separate storage, as another person's browser), through a real sync
 * server on 127.0.0.1 that the test starts and stops.
 */

const STAGES = [
  { id: 'lead', name: 'Lead' },
  { id: 'offer', name: 'Offer' },
  { id: 'won', name: 'Deal' },
];
let rooms = 0;
const newRoom = () => `room-${Date.now().toString(36)}-${(rooms += 1)}`;

const status = (el: SalesPipeline) =>
  root(el).querySelector('[part="status"][role="status"]')?.textContent?.trim();

async function shows(el: SalesPipeline, check: () => boolean, what: string) {
  await waitUntil(check, `${what}; board shows ${JSON.stringify(titlesIn(el))}`, {
    timeout: 8000,
  });
}

describe('<sales-pipeline sync> with a peer in another browser context', () => {
  const suite = serverForSuite();
  const { peers } = suite;

  async function boardAndPeer(room: string) {
    const peer = await openPeer(suite.server.url, room);
    peers.push(peer);
    await peer.call('ensurePipeline', 'p', { name: 'Team', stages: STAGES });
    await peer.synced();
    const el = await fixture<SalesPipeline>(
      html`<sales-pipeline pipeline="p" room=${room} sync=${suite.server.url}></sales-pipeline>`,
    );
    await shows(el, () => status(el) === 'Online', 'the board never said Online');
    return { el, peer, mine: await sharedSyncRepository({ url: suite.server.url, room }) };
  }

  it('converges after concurrent moves, edits, reorders and deletes, and tells the person whose move lost', async () => {
    const { el, peer, mine } = await boardAndPeer(newRoom());
    const acme = await peer.call('createDeal', 'p', { title: 'Acme', stageId: 'lead' });
    const bolt = await peer.call('createDeal', 'p', { title: 'Bolt', stageId: 'lead' });
    await peer.call('createDeal', 'p', { title: 'Core', stageId: 'offer' });
    await shows(el, () => titlesIn(el, 'Lead').length === 2, 'the peer’s deals never arrived');

    // Both move Acme at once (the peer is cut off while it moves), and edit and reorder.
    await peer.setOnline(false);
    await peer.call('moveDeal', acme.id, 'won', { expectedVersion: acme.version });
    await peer.call('updateDeal', bolt.id, { amount: 900 }, bolt.version);
    await mine.moveDeal(acme.id, 'offer', { expectedVersion: acme.version });
    await mine.moveDeal(bolt.id, 'lead', { expectedVersion: bolt.version, before: null });
    await mine.link!.whenSynced();
    await peer.setOnline(true);
    await peer.synced();
    await mine.link!.whenSynced();

    const theirs = await peer.call('listDeals', 'p');
    await shows(
      el,
      () =>
        titlesIn(el).length === 3 &&
        titlesIn(el, 'Deal').length + titlesIn(el, 'Offer').length === 2,
      'the board never converged',
    );
    const ours = await mine.listDeals('p');
    const byId = (list: typeof ours) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(theirs)).to.deep.equal(byId(ours));
    expect(ours.find((d) => d.id === bolt.id)?.amount).to.equal(900);
    const moves = (await mine.listEvents('p')).filter(
      (e) => e.dealId === acme.id && e.kind === 'moved',
    );
    expect(moves.map((e) => e.to).sort()).to.deep.equal(['offer', 'won']);
    const winner = ours.find((d) => d.id === acme.id)!.stageId;
    if (winner === 'won') {
      await shows(
        el,
        () => noticeTexts(el).some((t) => t.includes('Acme')),
        'no notice of the lost move',
      );
      expect(noticeTexts(el).join(' ')).to.include(
        'Someone else moved Acme to Deal at the same time',
      );
    }

    await peer.call('deleteDeal', bolt.id);
    await shows(el, () => !titlesIn(el).includes('Bolt'), 'the delete never arrived');
    expect(((await mine.listTrash('p')) ?? []).map((t) => t.deal.title)).to.deep.equal(['Bolt']);
  });

  it('says Unsaved changes while cut off, and syncs its edits once the browser is online again', async () => {
    const { el, peer, mine } = await boardAndPeer(newRoom());
    mine.link!.setOnline(false);
    await shows(el, () => status(el) === 'Offline', 'the board never said Offline');
    await mine.createDeal('p', { title: 'Written offline' });
    await shows(el, () => status(el) === 'Unsaved changes', 'never said Unsaved changes');
    await shows(el, () => titlesIn(el).includes('Written offline'), 'the deal never showed');
    // The browser's `online` event reconnects at once, without waiting for a back-off.
    window.dispatchEvent(new Event('online'));
    await shows(el, () => status(el) === 'Online', 'never back Online');
    await peer.synced();
    const theirs = await peer.call('listDeals', 'p');
    expect(theirs.map((d) => d.title)).to.deep.equal(['Written offline']);
  });

  it('publishes a pipeline kept only here to the room once, without losing a deal or its history', async function () {
    this.timeout(30_000);
    const room = newRoom();
    const database = dbName('publish');
    const local = await sharedRepository(database);
    await local.ensurePipeline('p', { name: 'Mine', stages: STAGES });
    const acme = await local.createDeal('p', { title: 'Acme', stageId: 'lead' });
    await local.moveDeal(acme.id, 'offer', { expectedVersion: acme.version });
    await local.createDeal('p', { title: 'Bolt', stageId: 'lead' });
    const peer = await openPeer(suite.server.url, room);
    peers.push(peer);
    await peer.call('ensurePipeline', 'p', { name: 'Team', stages: STAGES });
    await peer.call('createDeal', 'p', { title: 'Theirs', stageId: 'won' });
    await peer.synced();

    const el = await fixture<SalesPipeline>(
      html`<sales-pipeline
        pipeline="p"
        room=${room}
        database=${database}
        sync=${suite.server.url}
      ></sales-pipeline>`,
    );
    await shows(el, () => titlesIn(el).includes('Theirs'), 'the room never showed');
    expect(await el.publishToRoom()).to.equal(2);
    expect(await el.publishToRoom()).to.equal(0);
    await shows(el, () => titlesIn(el).length === 3, 'the published deals never showed');
    await (await sharedSyncRepository({ url: suite.server.url, room })).link!.whenSynced();
    const theirs = await peer.call('listDeals', 'p');
    expect(theirs.map((d) => d.title).sort()).to.deep.equal(['Acme', 'Bolt', 'Theirs']);
    const history = (await peer.call('listEvents', 'p')).filter((e) => e.dealId === acme.id);
    expect(history.map((e) => e.kind)).to.deep.equal(['created', 'moved']);
    local.close();
    await deleteDatabases();
  });

  it('keeps the data through a server restart, and another room stays apart', async function () {
    this.timeout(30_000);
    const room = newRoom();
    const { el, peer } = await boardAndPeer(room);
    await peer.call('createDeal', 'p', { title: 'Survives' });
    await peer.synced();
    await shows(el, () => titlesIn(el).includes('Survives'), 'the deal never arrived');
    await suite.server.restart();
    const late = await openPeer(suite.server.url, room);
    peers.push(late);
    await late.synced();
    expect((await late.call('listDeals', 'p')).map((d) => d.title)).to.deep.equal(['Survives']);
    const other = await openPeer(suite.server.url, newRoom());
    peers.push(other);
    await other.synced();
    expect(await other.call('listPipelines')).to.deep.equal([]);
  });
});

describe('<sales-pipeline sync> on a server that needs a token', () => {
  it('shows the refusal and no deals, and connects once a token is set', async function () {
    this.timeout(30_000);
    const secret = 'browser-test-secret';
    const server = await startServer({ secret });
    let peer: Peer | undefined;
    try {
      const room = newRoom();
      const el = await fixture<SalesPipeline>(
        html`<sales-pipeline pipeline="p" room=${room} sync=${server.url}></sales-pipeline>`,
      );
      await shows(
        el,
        () => noticeTexts(el).some((t) => t.startsWith('The sync server refused this client')),
        'no refusal notice',
      );
      // The new pipeline the board made is kept here, and not on the server.
      expect(status(el)).to.equal('Unsaved changes');
      expect(titlesIn(el)).to.deep.equal([]);

      peer = await openPeer(server.url, room, await makeToken(secret, room));
      await peer.call('ensurePipeline', 'p', { name: 'Team', stages: STAGES });
      await peer.call('createDeal', 'p', { title: 'Members only' });
      await peer.synced();
      el.token = await makeToken(secret, room);
      await shows(el, () => status(el) === 'Online', 'never Online with the token');
      await shows(el, () => titlesIn(el).includes('Members only'), 'the deal never arrived');
    } finally {
      await peer?.close();
      await server.stop();
    }
  });
});
