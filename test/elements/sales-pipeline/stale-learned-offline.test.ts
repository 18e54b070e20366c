import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { allowRequests, blockRequests } from '../../network/client.js';
import { PIPELINE, board, memoryRepo, seed, titlesIn } from './helpers.js';

/**
 * The learned stale thresholds load with the first history; when their code never arrives
 * (offline, a chunk removed by a deploy), the board still shows every deal, each stage keeps the
 * default threshold, and the console says why, with the browser's own words.
 */

describe('<sales-pipeline> when the learned stale thresholds cannot load', () => {
  afterEach(async () => {
    sinon.restore();
    await allowRequests();
  });

  it('shows the board with the default threshold and warns in the console with the cause', async () => {
    await blockRequests('*learned-stale*');
    const warn = sinon.stub(console, 'warn');
    const repo = memoryRepo();
    await seed(repo, [{ title: 'Alpha', stageId: 'lead' }]);
    const [alpha] = await repo.listDeals(PIPELINE);
    await repo.moveDeal(alpha!.id, 'offer', { expectedVersion: alpha!.version });
    const el = await board(repo);
    expect(titlesIn(el, 'Offer')).to.deep.equal(['Alpha']);
    const said = warn.getCalls().find((c) => String(c.args[0]).includes('stale'));
    expect(said, 'no warning about the thresholds').to.not.equal(undefined);
    expect(String(said!.args[0])).to.include('sales-pipeline');
    const cause = said!.args.slice(1).map(String).join(' ');
    expect(cause).to.match(/learned-stale/);
  });
});
