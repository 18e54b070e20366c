import { expect, waitUntil } from '@open-wc/testing';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import { DB_VERSION } from '../../../src/store/schema.js';
import { blockRequests } from '../../network/client.js';
import { THREE, alerts, board, dbName, deleteDatabases, seed } from './helpers.js';

// Offline when a newer version of the app takes the database: the words of "reload" do not
// arrive, and the board still says something is wrong, with its Reload button. (A page of its
// own: the board's later texts load once per page.)
describe('<sales-pipeline> reload notice whose words do not arrive', () => {
  after(deleteDatabases);

  it('still says so, with Reload', async () => {
    const name = dbName('newer-offline');
    const repo = await createIdbRepository({ name });
    await seed(repo, THREE);
    const el = await board(repo);
    await blockRequests('*later-strings*', { times: 1 });
    const request = indexedDB.open(name, DB_VERSION + 1);
    await new Promise((resolve) => (request.onsuccess = resolve));
    request.result.close();
    await waitUntil(() => alerts(el).some((a) => a.querySelector('button')), 'no reload notice');
    const notice = alerts(el).find((a) => a.querySelector('button'))!;
    expect(notice.textContent).to.include(
      'Part of the board could not be loaded (the connection may be down).',
    );
    expect(notice.querySelector('button')!.textContent!.trim()).to.equal('Reload');
    repo.close();
  });
});
