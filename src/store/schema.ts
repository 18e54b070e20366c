import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { Deal, Pipeline, StageEvent } from '../model/types.js';
import type { SavedScenario } from './records.js';

/**
 * The IndexedDB schema and its upgrade path. Each version is one step that takes a database
 * at the previous version to this one, store changes and data rewrites together; opening
 * runs every step after the stored version, so a v1 database reaches v2 by the same code a
 * fresh one does. Never edit a released step: add the next one.
 */

export const DEFAULT_DB_NAME = 'sales-funnel';
export const DB_VERSION = 3;

export interface SalesDB extends DBSchema {
  pipelines: { key: string; value: Pipeline };
  deals: {
    key: string;
    value: Deal;
    indexes: {
      byPipeline: string;
      byPipelineStage: [string, string];
      byPipelineStageRank: [string, string, number];
    };
  };
  events: { key: string; value: StageEvent; indexes: { byDeal: string; byPipeline: string } };
  scenarios: { key: string; value: SavedScenario; indexes: { byPipeline: string } };
}

/** Steps see the database untyped: at their time the schema was different. */
type UpgradeDB = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
/**
 * A step may rewrite data asynchronously, awaiting only requests of `tx` (anything else would
 * let the upgrade transaction commit early); the next step starts once its promise settles,
 * so a step always reads what the previous one wrote.
 */
export type UpgradeStep = (db: UpgradeDB, tx: UpgradeTx) => void | Promise<void>;

/** A deal as version 1 stored it: no `version`, no `stageEnteredAt`, `outcome` optional. */
export type DealV1 = Omit<Deal, 'version' | 'stageEnteredAt' | 'outcome'> & {
  outcome?: Deal['outcome'];
};

const v1: UpgradeStep = (db) => {
  db.createObjectStore('pipelines', { keyPath: 'id' });
  const deals = db.createObjectStore('deals', { keyPath: 'id' });
  deals.createIndex('byPipeline', 'pipelineId');
  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('byDeal', 'dealId');
  events.createIndex('byPipeline', 'pipelineId');
};

const v2: UpgradeStep = (db, tx) => {
  const scenarios = db.createObjectStore('scenarios', { keyPath: 'id' });
  scenarios.createIndex('byPipeline', 'pipelineId');
  // Column counts for the board and the funnel come from this index without loading deals.
  tx.objectStore('deals').createIndex('byPipelineStage', ['pipelineId', 'stageId']);
  // Finished before the open succeeds: the open waits for this transaction.
  return migrateV1Records(tx);
};

/**
 * v1 deals get a `version` (1) and the time they entered their current stage: the latest
 * history event that put them there, else their last update. A failure aborts the upgrade,
 * leaving the v1 data untouched.
 */
async function migrateV1Records(tx: UpgradeTx): Promise<void> {
  const entered = new Map<string, number>();
  let events = await tx.objectStore('events').openCursor();
  while (events) {
    const e = events.value as StageEvent;
    if (e.kind === 'created' || e.kind === 'moved') {
      const key = `${e.dealId}\u0000${e.to}`;
      entered.set(key, Math.max(entered.get(key) ?? 0, e.at));
    }
    events = await events.continue();
  }
  let deals = await tx.objectStore('deals').openCursor();
  while (deals) {
    const old = deals.value as DealV1 & Partial<Deal>;
    const migrated: Deal = {
      ...old,
      outcome: old.outcome ?? 'open',
      version: old.version ?? 1,
      stageEnteredAt:
        old.stageEnteredAt ??
        entered.get(`${old.id}\u0000${old.stageId}`) ??
        old.updatedAt ??
        old.createdAt,
    };
    await deals.update(migrated);
    deals = await deals.continue();
  }
  let pipelines = await tx.objectStore('pipelines').openCursor();
  while (pipelines) {
    const p = pipelines.value as Partial<Pipeline> & { id: string };
    const now = p.createdAt ?? 0;
    await pipelines.update({
      ...p,
      currency: p.currency ?? 'EUR',
      stages: p.stages ?? [],
      updatedAt: p.updatedAt ?? now,
    });
    pipelines = await pipelines.continue();
  }
}

/** A deal as version 2 stored it: everything but `rank`. */
export type DealV2 = Omit<Deal, 'rank'>;

const v3: UpgradeStep = (_db, tx) => {
  // A column's top, bottom and the neighbours of a card come from this index in one step.
  tx.objectStore('deals').createIndex('byPipelineStageRank', ['pipelineId', 'stageId', 'rank']);
  return rankV2Deals(tx);
};

/**
 * Until v3 a column showed its deals newest in the stage first (latest `stageEnteredAt`, then
 * latest `updatedAt`, then id): ranks 0, 1, 2… per pipeline and stage keep exactly that order.
 */
async function rankV2Deals(tx: UpgradeTx): Promise<void> {
  const store = tx.objectStore('deals');
  const deals = (await store.getAll()) as DealV2[];
  const columns = new Map<string, DealV2[]>();
  for (const d of deals) {
    const key = `${d.pipelineId}\u0000${d.stageId}`;
    const column = columns.get(key);
    if (column) column.push(d);
    else columns.set(key, [d]);
  }
  const writes: Promise<unknown>[] = [];
  for (const column of columns.values()) {
    column.sort(
      (a, b) =>
        b.stageEnteredAt - a.stageEnteredAt ||
        b.updatedAt - a.updatedAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    column.forEach((d, rank) => writes.push(store.put!({ ...d, rank })));
  }
  await Promise.all(writes);
}

/** `UPGRADES[v - 1]` takes a database from version `v - 1` to `v`. */
export const UPGRADES: readonly UpgradeStep[] = [v1, v2, v3];

/**
 * Runs the steps from `oldVersion + 1` through `newVersion`, one after another. A failing step
 * aborts the upgrade, which leaves the database at its old version with its data untouched.
 */
export function runUpgrades(
  db: UpgradeDB,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
): void {
  const steps: UpgradeStep[] = [];
  for (let v = oldVersion + 1; v <= newVersion; v += 1) {
    const step = UPGRADES[v - 1];
    if (!step) throw new Error(`No upgrade step to schema version ${v}`);
    steps.push(step);
  }
  // The first step runs inside the `upgradeneeded` event (a throw there aborts the upgrade);
  // the others in promise callbacks of the same transaction's requests, while it is active.
  let done: Promise<void> | undefined;
  for (const step of steps) {
    done = done ? done.then(() => step(db, tx)) : Promise.resolve(step(db, tx));
  }
  done?.catch(() => {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
  });
}
