import { expect } from '@open-wc/testing';
import { createIdbRepository } from '../../src/store/idb-repository.js';
import type { SalesRepository, StoreChange } from '../../src/store/repository.js';
import { cleanup, rejection, uniqueName } from './helpers.js';

/** The next change of `type` that `repo` hears about for the pipeline. */
const nextChange = (repo: SalesRepository, pipelineId: string, type: StoreChange['type']) =>
  new Promise<StoreChange>((resolve) => {
    const off = repo.subscribe(pipelineId, (c) => {
      if (c.type !== type) return; // earlier writes' messages may still be arriving
      off();
      resolve(c);
    });
  });

describe('store cross-tab sync', () => {
  let tabA: SalesRepository;
  let tabB: SalesRepository;

  beforeEach(async () => {
    // Two connections to one database, each with its own BroadcastChannel: two tabs.
    const name = uniqueName('sync');
    tabA = await createIdbRepository({ name });
    tabB = await createIdbRepository({ name });
  });
  afterEach(async () => {
    tabA.close();
    tabB.close();
    await cleanup();
  });

  it('tells the other tab about a move, which then reads the new state', async () => {
    await tabA.createPipeline({
      id: 'p',
      name: 'P',
      stages: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    });
    const deal = await tabA.createDeal('p', { title: 'Shared' });
    const heard = nextChange(tabB, 'p', 'deal-moved');
    await tabA.moveDeal(deal.id, 'b', { expectedVersion: 1 });
    const change = await heard;
    expect(change).to.deep.equal({
      type: 'deal-moved',
      pipelineId: 'p',
      ids: [deal.id],
      local: false,
    });
    expect(await tabB.getDeal(deal.id)).to.include({ stageId: 'b', version: 2 });
  });

  it('detects concurrent edits of the same deal in two tabs', async () => {
    await tabA.createPipeline({
      id: 'p',
      name: 'P',
      stages: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    });
    const deal = await tabA.createDeal('p', { title: 'Shared', amount: 1 });
    // Both tabs show version 1; A saves first.
    const saved = await tabA.updateDeal(deal.id, { amount: 2 }, 1);
    const error = await rejection(tabB.updateDeal(deal.id, { amount: 3 }, 1));
    expect(error.code).to.equal('conflict');
    expect(error.current).to.deep.equal(saved);
    expect(await tabA.getDeal(deal.id)).to.deep.equal(saved);
  });

  it('passes scenario changes to subscribers of all changes', async () => {
    const heard = new Promise<StoreChange>((resolve) => {
      const off = tabB.subscribe(null, (c) => {
        off();
        resolve(c);
      });
    });
    const s = await tabA.saveScenario({
      name: 'Q3',
      scenario: { leads: 1, dealValue: 1, currency: 'EUR', wonStage: 0, stages: [] },
    });
    expect(await heard).to.deep.equal({
      type: 'scenario',
      pipelineId: null,
      ids: [s.id],
      local: false,
    });
  });
});
