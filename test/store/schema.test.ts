import { expect } from '@open-wc/testing';
import type { Deal, Pipeline, StageEvent } from '../../src/model/types.js';
import { openDatabase } from '../../src/store/db.js';
import { createIdbRepository } from '../../src/store/idb-repository.js';
import { DB_VERSION, type DealV1, type DealV2 } from '../../src/store/schema.js';
import { cleanup, omit, uniqueName } from './helpers.js';

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
    const indexes = [...v2.transaction('deals').store.indexNames].sort();
    v2.close();
    expect(indexes).to.deep.equal(['byPipeline', 'byPipelineStage', 'byPipelineStageRank']);
  });

  it('ranks deals written by a version 2 database in the order the board showed them', async () => {
    const name = uniqueName('migrate-v2');
    // What the v2 code did: open at version 2 (only the v1 and v2 steps run) and write.
    const v2 = await openDatabase({ name, version: 2 });
    const pipeline: Pipeline = {
      id: 'p',
      name: 'Two',
      currency: 'EUR',
      stages: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      createdAt: 1,
      updatedAt: 1,
    };
    const deal = (id: string, stageId: string, stageEnteredAt: number, updatedAt = 900) => ({
      id,
      pipelineId: 'p',
      title: id.toUpperCase(),
      amount: 100,
      currency: 'EUR',
      stageId,
      outcome: 'open' as const,
      createdAt: 1,
      updatedAt,
      stageEnteredAt,
      version: 3,
    });
    // v2 showed a column newest in the stage first: later stageEnteredAt, then later
    // updatedAt, then id. In `a` that is a3, a2 (tie broken by updatedAt), a1, a0 (by id), a9.
    const deals: DealV2[] = [
      deal('a9', 'a', 100),
      deal('a1', 'a', 200),
      deal('a0', 'a', 200),
      deal('a2', 'a', 200, 950),
      deal('a3', 'a', 300),
      { ...deal('b1', 'b', 50), outcome: 'won' },
      deal('b2', 'b', 60),
    ];
    const events: StageEvent[] = [
      { id: 'e1', pipelineId: 'p', dealId: 'a9', kind: 'created', from: null, to: 'a', at: 1 },
    ];
    const tx = v2.transaction(['pipelines', 'deals', 'events'], 'readwrite');
    await tx.objectStore('pipelines').put(pipeline);
    for (const d of deals) await tx.objectStore('deals').put(d as Deal);
    for (const e of events) await tx.objectStore('events').put(e);
    await tx.done;
    v2.close();

    const repo = await createIdbRepository({ name });
    try {
      const stored = await repo.listDeals('p');
      const rankOf = new Map(stored.map((d) => [d.id, d.rank]));
      const inOrder = (stage: string) =>
        stored
          .filter((d) => d.stageId === stage)
          .sort((x, y) => x.rank! - y.rank!)
          .map((d) => d.id);
      expect(inOrder('a')).to.deep.equal(['a3', 'a2', 'a0', 'a1', 'a9']);
      expect(inOrder('b')).to.deep.equal(['b2', 'b1']);
      expect([...rankOf.values()].sort()).to.deep.equal([0, 0, 1, 1, 2, 3, 4]);
      // Nothing else changed: every field but the new rank is as v2 wrote it.
      const byId = new Map(stored.map((d) => [d.id, omit(d, 'rank')]));
      for (const d of deals) expect(byId.get(d.id)).to.deep.equal(d);
      expect(await repo.getPipeline('p')).to.deep.equal(pipeline);
      expect(await repo.listEvents('p')).to.deep.equal(events);
      // The rank index works on migrated records: a new deal goes on top of its column.
      const fresh = await repo.createDeal('p', { title: 'New', stageId: 'a' });
      expect(fresh.rank).to.equal(-1);
    } finally {
      repo.close();
    }
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
