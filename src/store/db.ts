import { wrap, type IDBPDatabase } from 'idb';
import { DB_VERSION, DEFAULT_DB_NAME, runUpgrades, type SalesDB } from './schema.js';

/** The part of `IDBFactory` we use; tests pass a wrapper to simulate faults. */
export type IdbFactoryLike = Pick<IDBFactory, 'open'>;

export interface OpenDatabaseOptions {
  /** Database name; one per independent data set. Default `sales-funnel`. */
  name?: string;
  /** Schema version to open; only tests open an older one. Default: the current one. */
  version?: number;
  /** Default: the global `indexedDB`. */
  factory?: IdbFactoryLike;
  /** Another connection (an old tab) holds an older version open; the open waits. */
  onBlocked?(): void;
  /** This connection blocks a newer version opened elsewhere. */
  onBlocking?(db: IDBPDatabase<SalesDB>): void;
  /** The browser closed the connection on its own (storage cleared, disk error). */
  onTerminated?(): void;
}

/**
 * Opens the database and runs the upgrade steps it needs. Written over `wrap` instead of idb's
 * `openDB` so the factory can be injected (`openDB` always uses the global one).
 */
export async function openDatabase(
  options: OpenDatabaseOptions = {},
): Promise<IDBPDatabase<SalesDB>> {
  const factory = options.factory ?? globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available in this browser');
  const version = options.version ?? DB_VERSION;
  const request = factory.open(options.name ?? DEFAULT_DB_NAME, version);
  request.addEventListener('upgradeneeded', (event) => {
    const tx = request.transaction;
    if (!tx) return;
    runUpgrades(wrap(request.result), wrap(tx) as never, event.oldVersion, version);
  });
  request.addEventListener('blocked', () => options.onBlocked?.());
  const db = (await wrap(request)) as unknown as IDBPDatabase<SalesDB>;
  db.addEventListener('versionchange', () => options.onBlocking?.(db));
  db.addEventListener('close', () => options.onTerminated?.());
  return db;
}
