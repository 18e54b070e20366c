import { unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Deal } from '../model/types.js';
import type { Backend, IndexName, Records, StoreName, Tx } from './backend.js';
import { CoreRepository, type RepositoryOptions } from './core.js';
import { openDatabase, type IdbFactoryLike } from './db.js';
import { StoreError } from './errors.js';
import type { RepositoryNotice, SalesRepository } from './repository.js';
import { DEFAULT_DB_NAME, type SalesDB } from './schema.js';

type AnyTx = IDBPTransaction<unknown, string[], IDBTransactionMode>;

/** Time `putMany` spends queuing puts before it waits for them, in ms (a long task is 50). */
const PUT_SLICE_MS = 8;
/** `Tx` over one IndexedDB transaction. Only IDB requests are awaited, so it never auto-commits early. */
class IdbTx implements Tx {
  constructor(private readonly tx: AnyTx) {}

  get<S extends StoreName>(store: S, id: string): Promise<Records[S] | undefined> {
    return this.tx.objectStore(store).get(id);
  }

  all<S extends StoreName>(
    store: S,
    index?: IndexName<S>,
    key?: string | string[],
  ): Promise<Records[S][]> {
    const s = this.tx.objectStore(store);
    return index === undefined ? s.getAll() : s.index(index).getAll(key);
  }

  count<S extends StoreName>(
    store: S,
    index: IndexName<S>,
    key: string | string[],
  ): Promise<number> {
    return this.tx.objectStore(store).index(index).count(key);
  }

  async put<S extends StoreName>(store: S, value: Records[S]): Promise<void> {
    await this.tx.objectStore(store).put!(value);
  }

  putMany<S extends StoreName>(
    store: S,
    values: readonly Records[S][],
    onWritten?: (done: number) => void,
  ): Promise<void> {
    // Raw requests, queued a slice of time at a time and only each slice's last awaited: a
    // promise per record would cost more than the write itself, and each put clones its record
    // at once, so queuing 100,000 together holds the page for seconds. Waiting on a request
    // keeps the transaction open between slices; slicing by time keeps each task short however
    // large the records or slow the machine.
    const raw = unwrap(this.tx.objectStore(store)) as IDBObjectStore;
    const put = (from: number): Promise<number> =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        let i = from;
        let request: IDBRequest | undefined;
        do request = raw.put(values[i++]);
        while (i < values.length && performance.now() - start < PUT_SLICE_MS);
        request.onsuccess = () => {
          // A progress callback that throws fails the write (and so aborts it), never stalls it.
          try {
            onWritten?.(i);
            resolve(i);
          } catch (e) {
            reject(e);
          }
        };
        request.onerror = () => reject(request.error);
      });
    return (async () => {
      for (let from = 0; from < values.length;) from = await put(from);
    })();
  }

  async delete(store: StoreName, id: string): Promise<void> {
    await this.tx.objectStore(store).delete!(id);
  }

  async dealNextTo(
    pipelineId: string,
    stageId: string,
    rank: number | undefined,
    direction: 'next' | 'prev',
  ): Promise<Deal | undefined> {
    const lower = [
      pipelineId,
      stageId,
      direction === 'next' && rank !== undefined ? rank : -Infinity,
    ];
    const upper = [
      pipelineId,
      stageId,
      direction === 'prev' && rank !== undefined ? rank : Infinity,
    ];
    // Open at the end `rank` is on: the deal at `rank` itself is not its own neighbour.
    const range = IDBKeyRange.bound(
      lower,
      upper,
      direction === 'next' && rank !== undefined,
      direction === 'prev' && rank !== undefined,
    );
    const index = this.tx.objectStore('deals').index('byPipelineStageRank');
    const cursor = await index.openCursor(range, direction);
    return cursor?.value as Deal | undefined;
  }
}

export interface IdbRepositoryOptions extends RepositoryOptions {
  /** Database name. Default `sales-funnel`. */
  name?: string;
  /** Default: the global `indexedDB`. */
  factory?: IdbFactoryLike;
  /** Notices raised while opening (`blocked`), before the repository exists. */
  onNotice?: (notice: RepositoryNotice) => void;
}

/**
 * Holds the connection: reopens it when the browser terminated it, and closes it for good
 * when a newer version of the app needs to upgrade (`versionchange`), telling the UI to reload,
 * or when the database is deleted under it (site data cleared): then it says so (`data-cleared`)
 * instead of carrying on over an empty new database.
 */
class IdbBackend implements Backend {
  readonly persistent = true;
  private db?: IDBPDatabase<SalesDB>;
  private opening?: Promise<IDBPDatabase<SalesDB>>;
  private state: 'open' | 'superseded' | 'cleared' | 'closed' = 'open';

  constructor(
    private readonly options: IdbRepositoryOptions,
    private readonly notice: (n: RepositoryNotice) => void,
  ) {}

  async open(): Promise<void> {
    this.db = await this.connect();
  }

  async read<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = await this.transaction(stores, 'readonly');
    const result = await fn(new IdbTx(tx));
    await tx.done;
    return result;
  }

  async write<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = await this.transaction(stores, 'readwrite');
    const done = tx.done;
    done.catch(() => undefined); // observed below; avoids an unhandled rejection on abort
    try {
      const result = await fn(new IdbTx(tx));
      await done;
      return result;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the browser (quota, constraint) or finished.
      }
      // The transaction's own error names the real cause (QuotaExceededError) when a request
      // only reported the resulting AbortError.
      if (e instanceof StoreError) throw e;
      throw (e as { name?: string } | null)?.name === 'AbortError' && tx.error ? tx.error : e;
    }
  }

  close(): void {
    this.state = 'closed';
    this.db?.close();
    this.db = undefined;
  }

  private connect(onCreated?: () => void): Promise<IDBPDatabase<SalesDB>> {
    return openDatabase({
      name: this.options.name ?? DEFAULT_DB_NAME,
      factory: this.options.factory,
      onBlocked: () => {
        this.options.onNotice?.({ type: 'blocked' });
        this.notice({ type: 'blocked' });
      },
      onBlocking: (db, deleting) => {
        db.close();
        if (this.db === db) this.db = undefined;
        if (this.state === 'open') this.end(deleting ? 'cleared' : 'superseded');
      },
      onTerminated: () => {
        this.db = undefined;
      },
      onUpgrade: (oldVersion) => {
        if (oldVersion === 0) onCreated?.();
      },
    });
  }

  /** The connection is over for good: the UI is told why, and every call fails with `closed`. */
  private end(state: 'superseded' | 'cleared'): void {
    this.state = state;
    this.notice({ type: state === 'cleared' ? 'data-cleared' : 'reload-needed' });
  }

  private async connection(): Promise<IDBPDatabase<SalesDB>> {
    if (this.state === 'superseded') {
      throw new StoreError('closed', 'A newer version of this app is open: reload the page');
    }
    if (this.state === 'cleared') {
      throw new StoreError('closed', 'The stored data was deleted (site data cleared): reload');
    }
    if (this.state === 'closed') throw new StoreError('closed', 'The repository is closed');
    if (this.db) return this.db;
    // Reopening finds no database at all when the browser deleted it with the connection.
    let created = false;
    this.opening ??= this.connect(() => (created = true)).then(
      (db) => {
        this.opening = undefined;
        if (created) {
          db.close();
          if (this.state === 'open') this.end('cleared');
          return this.connection();
        }
        this.db = db;
        this.notice({ type: 'reopened' });
        return db;
      },
      (e: unknown) => {
        this.opening = undefined;
        throw e;
      },
    );
    return this.opening;
  }

  private async transaction(stores: StoreName[], mode: IDBTransactionMode): Promise<AnyTx> {
    const db = (await this.connection()) as unknown as IDBPDatabase<unknown>;
    try {
      return db.transaction(stores, mode) as AnyTx;
    } catch (e) {
      // A connection closed under us without a `close` event: reopen once and retry.
      if ((e as { name?: string }).name !== 'InvalidStateError' || this.state !== 'open') throw e;
      if (this.db === (db as unknown)) this.db = undefined;
      const again = (await this.connection()) as unknown as IDBPDatabase<unknown>;
      return again.transaction(stores, mode) as AnyTx;
    }
  }
}

/** The BroadcastChannel that repositories on the same database share. */
export const channelNameFor = (dbName: string) => `sales-funnel:${dbName}`;

/** Opens (creating or upgrading) the database and returns a repository over it. */
export async function createIdbRepository(
  options: IdbRepositoryOptions = {},
): Promise<SalesRepository> {
  // The backend raises notices before the repository that relays them exists.
  const relay: { to?: CoreRepository } = {};
  const backend = new IdbBackend(options, (n) => relay.to?.emitNotice(n));
  await backend.open();
  relay.to = new CoreRepository(backend, {
    ...options,
    channelName: channelNameFor(options.name ?? DEFAULT_DB_NAME),
  });
  return relay.to;
}
