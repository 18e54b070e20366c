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

  it('says, here and in the other tab, whether a pipeline change set a new plan', async () => {
    await tabA.createPipeline({ id: 'p', name: 'P', stages: [{ id: 'a', name: 'A' }] });
    const s = await tabA.saveScenario({
      name: 'Q3',
      scenario: { leads: 1, dealValue: 1, currency: 'EUR', wonStage: 0, stages: [] },
    });
    const heard: StoreChange[] = [];
    tabA.subscribe('p', (c) => heard.push(c));
    const there = nextChange(tabB, 'p', 'pipeline');
    await tabA.updatePipeline('p', { goal: { revenue: 1000 } });
    expect(await there).to.include({ type: 'pipeline', plan: false, local: false });
    const planned = nextChange(tabB, 'p', 'pipeline');
    await tabA.updatePipeline('p', { plan: s.id });
    expect(await planned).to.include({ type: 'pipeline', plan: true, local: false });
    // The same plan again, and a stage renamed, are no new plan.
    await tabA.updatePipeline('p', { plan: s.id });
    await tabA.renameStage('p', 'a', 'First');
    await tabA.updatePipeline('p', { plan: null });
    expect(heard.map((c) => [c.type, c.plan, c.local])).to.deep.equal([
      ['pipeline', false, true],
      ['pipeline', true, true],
      ['pipeline', false, true],
      ['pipeline', false, true],
      ['pipeline', true, true],
    ]);
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
