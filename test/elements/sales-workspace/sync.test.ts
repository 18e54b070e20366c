import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/sales-funnel/define.js';
import '../../../src/elements/sales-workspace/define.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { SalesWorkspace } from '../../../src/elements/sales-workspace/sales-workspace.js';
import { openPeer, startServer, type Peer, type TestServer } from '../../sync/client.js';
import { tableRows } from '../sales-funnel/helpers.js';
import { titlesIn } from '../sales-pipeline/helpers.js';

/**
 * The other elements on a room: the workspace shares its room with its views, and a funnel on
 * the same room counts the same deals. A peer in a browser context of its own writes them.
 */

const STAGES = [
  { id: 'lead', name: 'Lead' },
  { id: 'offer', name: 'Offer' },
];
let rooms = 0;
const newRoom = () => `shared-${Date.now().toString(36)}-${(rooms += 1)}`;

describe('<sales-workspace sync> and <sales-funnel pipeline sync>', () => {
  let server: TestServer;
  let peer: Peer;
  let room: string;
  before(async () => {
    server = await startServer();
    room = newRoom();
    peer = await openPeer(server.url, room);
    await peer.call('ensurePipeline', 'p', { name: 'Team', stages: STAGES });
    const a = await peer.call('createDeal', 'p', { title: 'Alpha', stageId: 'lead' });
    await peer.call('createDeal', 'p', { title: 'Beta', stageId: 'lead' });
    await peer.call('moveDeal', a.id, 'offer', { expectedVersion: a.version });
    await peer.synced();
  });
  after(async () => {
    await peer.close();
    await server.stop();
  });

  it('the workspace’s board shows the room’s deals', async () => {
    const el = await fixture<SalesWorkspace>(
      html`<sales-workspace pipeline="p" room=${room} sync=${server.url}></sales-workspace>`,
    );
    const board = () => el.shadowRoot!.querySelector<SalesPipeline>('sales-pipeline');
    await waitUntil(() => board() && titlesIn(board()!).length === 2, 'no deals on the board', {
      timeout: 8000,
    });
    expect(titlesIn(board()!, 'Offer')).to.deep.equal(['Alpha']);
  });

  it('a funnel on the room counts the deals that reached each stage, and follows a move', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel pipeline="p" room=${room} sync=${server.url}></sales-funnel>`,
    );
    const counts = () => JSON.stringify(tableRows(el).map((r) => r.slice(0, 2)));
    await waitUntil(
      () =>
        counts() ===
        JSON.stringify([
          ['Lead', '2'],
          ['Offer', '1'],
          ['Won', '0'],
        ]),
      `counts ${counts()}`,
      {
        timeout: 8000,
      },
    );
    const beta = (await peer.call('listDeals', 'p')).find((d) => d.title === 'Beta')!;
    await peer.call('moveDeal', beta.id, 'offer', { expectedVersion: beta.version });
    await waitUntil(
      () =>
        counts() ===
        JSON.stringify([
          ['Lead', '2'],
          ['Offer', '2'],
          ['Won', '0'],
        ]),
      `counts ${counts()}`,
      {
        timeout: 8000,
      },
    );
  });
});
