import { expect } from '@open-wc/testing';
import type { Pipeline, StageEvent } from '../../src/model/types.js';
import { openDatabase } from '../../src/store/db.js';
import { createIdbRepository } from '../../src/store/idb-repository.js';
import { DB_VERSION, type DealV1 } from '../../src/store/schema.js';
import { cleanup, uniqueName } from './helpers.js';

describe('store schema upgrades', () => {
  afterEach(cleanup);

  it('upgrades data written by a version 1 database', async () => {
    const name = uniqueName('migrate');
    // Exactly what the v1 code did: open at version 1 (only the v1 step runs) and write.
    const v1 = await openDatabase({ name, version: 1 });
    expect([...v1.objectStoreNames].sort()).to.deep.equal(['deals', 'events', 'pipelines']);
    const pipeline: Pipeline = {
      id: 'p',
      name: 'Old',
      currency: 'USD',
      stages: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      createdAt: 100,
      updatedAt: 100,
    };
    const moved: DealV1 = {
      id: 'd1',
      pipelineId: 'p',
      title: 'Moved',
      amount: 10,
      currency: 'USD',
      stageId: 'b',
      createdAt: 100,
      updatedAt: 900,
    };
    const fresh: DealV1 = { ...moved, id: 'd2', title: 'Fresh', stageId: 'a', updatedAt: 400 };
    const events: StageEvent[] = [
      { id: 'e1', pipelineId: 'p', dealId: 'd1', kind: 'created', from: null, to: 'a', at: 100 },
      { id: 'e2', pipelineId: 'p', dealId: 'd1', kind: 'moved', from: 'a', to: 'b', at: 300 },
      { id: 'e3', pipelineId: 'p', dealId: 'd1', kind: 'moved', from: 'b', to: 'a', at: 500 },
      { id: 'e4', pipelineId: 'p', dealId: 'd1', kind: 'moved', from: 'a', to: 'b', at: 700 },
    ];
    const tx = v1.transaction(['pipelines', 'deals', 'events'], 'readwrite');
    await tx.objectStore('pipelines').put(pipeline);
    // v1 records lack fields the v2 types require: exactly what the migration must fill.
    await tx.objectStore('deals').put(moved as never);
    await tx.objectStore('deals').put(fresh as never);
    for (const e of events) await tx.objectStore('events').put(e);
    await tx.done;
    v1.close();

    const repo = await createIdbRepository({ name });
    try {
      const d1 = await repo.getDeal('d1');
      expect(d1).to.include({ version: 1, outcome: 'open', stageEnteredAt: 700 });
      // No history: the last update is the best known entry time.
      expect(await repo.getDeal('d2')).to.include({ version: 1, stageEnteredAt: 400 });
      // The v2 compound index serves stage queries over migrated records.
      expect((await repo.listDeals('p', { stageId: 'b' })).map((d) => d.id)).to.deep.equal(['d1']);
      const moveBack = await repo.moveDeal('d1', 'a', { expectedVersion: 1 });
      expect(moveBack.deal.version).to.equal(2);
      const saved = await repo.saveScenario({
        name: 'New store',
        pipelineId: 'p',
        scenario: { leads: 1, dealValue: 1, currency: 'USD', wonStage: 0, stages: [] },
      });
      expect((await repo.listScenarios('p')).map((s) => s.id)).to.deep.equal([saved.id]);
    } finally {
      repo.close();
    }
    const v2 = await openDatabase({ name });
    expect(v2.version).to.equal(DB_VERSION);
    expect([...v2.transaction('deals').store.indexNames].sort()).to.deep.equal([
      'byPipeline',
      'byPipelineStage',
    ]);
    v2.close();
  });

  it('creates the current schema in one go on a fresh database', async () => {
    const name = uniqueName('fresh');
    const db = await openDatabase({ name });
    expect(db.version).to.equal(DB_VERSION);
    expect([...db.objectStoreNames].sort()).to.deep.equal([
      'deals',
      'events',
      'pipelines',
      'scenarios',
    ]);
    db.close();
  });
});
