import { wrap, type IDBPDatabase } from 'idb';
import { StoreError } from './errors.js';
import { DB_VERSION, DEFAULT_DB_NAME, runUpgrades, type SalesDB } from './schema.js';

/** How long an open may go without any event (success, error, blocked, upgrade) before it gives up. */
export const OPEN_TIMEOUT_MS = 10_000;

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
  /**
   * This connection blocks a newer version opened elsewhere, or (`deleting`) the deletion of
   * the database (site data cleared, or `deleteDatabase` called by this site).
   */
  onBlocking?(db: IDBPDatabase<SalesDB>, deleting: boolean): void;
  /** The browser closed the connection on its own (storage cleared, disk error). */
  onTerminated?(): void;
  /** An upgrade ran from `oldVersion` (0: the database did not exist and was created). */
  onUpgrade?(oldVersion: number): void;
  /** Milliseconds the open may go without an event before failing with `timed-out`. */
  timeout?: number;
}

/**
 * Opens the database and runs the upgrade steps it needs. Written over `wrap` instead of idb's
 * `openDB` so the factory can be injected (`openDB` always uses the global one). A request
 * that gives no event within `timeout` fails with `timed-out` (a browser whose storage hangs);
 * once blocked, it waits for as long as the other tab takes, as the `blocked` notice says.
 */
export async function openDatabase(
  options: OpenDatabaseOptions = {},
): Promise<IDBPDatabase<SalesDB>> {
  const factory = options.factory ?? globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available in this browser');
  const version = options.version ?? DB_VERSION;
  const request = factory.open(options.name ?? DEFAULT_DB_NAME, version);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const heard = () => clearTimeout(timer);
  request.addEventListener('upgradeneeded', (event) => {
    heard();
    const tx = request.transaction;
    if (!tx) return;
    options.onUpgrade?.(event.oldVersion);
    runUpgrades(wrap(request.result), wrap(tx) as never, event.oldVersion, version);
  });
  request.addEventListener('blocked', () => {
    heard();
    options.onBlocked?.();
  });
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Should the request answer after all, its connection is closed, not leaked.
      request.addEventListener('success', () => request.result.close());
      const seconds = (options.timeout ?? OPEN_TIMEOUT_MS) / 1000;
      reject(new StoreError('timed-out', `Opening IndexedDB gave no event in ${seconds} s`));
    }, options.timeout ?? OPEN_TIMEOUT_MS);
  });
  // Its own promise rather than idb's `wrap(request)`, so that any object with the request's
  // events will do (a test's request that never answers).
  const opened = new Promise<IDBPDatabase<SalesDB>>((resolve, reject) => {
    request.addEventListener('success', () =>
      resolve(wrap(request.result) as unknown as IDBPDatabase<SalesDB>),
    );
    request.addEventListener('error', () => reject(request.error));
  });
  opened.catch(() => undefined); // an error after the time-out has nobody left to tell
  const db = await Promise.race([opened, timedOut]).finally(heard);
  db.addEventListener('versionchange', (event) =>
    options.onBlocking?.(db, event.newVersion === null),
  );
  db.addEventListener('close', () => options.onTerminated?.());
  return db;
}
