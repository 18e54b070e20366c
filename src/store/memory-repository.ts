import {
  INDEXES,
  type Backend,
  type IndexName,
  type Records,
  type StoreName,
  type Tx,
} from './backend.js';
import type { Deal } from '../model/types.js';
import { CoreRepository, type RepositoryOptions } from './core.js';
import type { SalesRepository } from './repository.js';

type Tables = { [S in StoreName]: Map<string, Records[S]> };
/** A transaction's writes per store: the new record, or `undefined` for a delete. */
export type Overlay = Map<StoreName, Map<string, unknown>>;

const compareRank = (a: Deal, b: Deal) =>
  a.rank! - b.rank! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const matches = <S extends StoreName>(
  store: S,
  value: Records[S],
  index: IndexName<S>,
  key: string | string[],
): boolean => {
  const fields = (INDEXES[store] as Record<string, readonly string[]>)[index] ?? [];
  const keys = Array.isArray(key) ? key : [key];
  const record = value as unknown as Record<string, unknown>;
  return fields.length === keys.length && fields.every((f, i) => record[f] === keys[i]);
};

/**
 * Keeps the data in maps for as long as the page lives. Same contract as IndexedDB: values
 * are copied in and out (callers cannot mutate what is stored), results come in key order,
 * write transactions run one at a time and apply all of their writes or none.
 */
export class MemoryBackend implements Backend {
  readonly persistent: boolean = false;
  protected tables: Tables = {
    pipelines: new Map(),
    deals: new Map(),
    events: new Map(),
    scenarios: new Map(),
  };
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  read<T>(_stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    return fn(this.tx(new Map()));
  }

  write<T>(_stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async () => {
      // Writes land in an overlay first; it replaces the tables only when `fn` succeeds.
      const overlay: Overlay = new Map();
      const result = await fn(this.tx(overlay));
      this.commit(overlay);
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.closed = true;
  }

  /** Applies a successful transaction's writes (`undefined`: deleted) to the tables. */
  protected commit(overlay: Overlay): void {
    for (const [store, changes] of overlay) {
      const table = this.tables[store] as Map<string, unknown>;
      for (const [id, value] of changes) {
        if (value === undefined) table.delete(id);
        else table.set(id, value);
      }
    }
  }

  private tx(overlay: Overlay): Tx {
    const tables = this.tables;
    const view = <S extends StoreName>(store: S): Map<string, Records[S]> => {
      const changes = overlay.get(store);
      if (!changes || changes.size === 0) return tables[store];
      const merged = new Map(tables[store]);
      for (const [id, value] of changes) {
        if (value === undefined) merged.delete(id);
        else merged.set(id, value as Records[S]);
      }
      return merged;
    };
    const changesOf = (store: StoreName) => {
      let c = overlay.get(store);
      if (!c) overlay.set(store, (c = new Map()));
      return c;
    };
    const sorted = <S extends StoreName>(values: Iterable<Records[S]>) =>
      [...values]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((v) => structuredClone(v));
    const check = () => {
      if (this.closed) throw new DOMException('The repository is closed', 'InvalidStateError');
    };
    return {
      get: async (store, id) => {
        check();
        const changes = overlay.get(store);
        const value = changes?.has(id) ? changes.get(id) : tables[store].get(id);
        return value === undefined ? undefined : structuredClone(value as Records[typeof store]);
      },
      all: async (store, index, key) => {
        check();
        const values = [...view(store).values()];
        if (index === undefined || key === undefined) return sorted(values);
        return sorted(values.filter((v) => matches(store, v, index, key)));
      },
      count: async (store, index, key) => {
        check();
        let n = 0;
        for (const v of view(store).values()) if (matches(store, v, index, key)) n += 1;
        return n;
      },
      put: async (store, value) => {
        check();
        changesOf(store).set(value.id, structuredClone(value));
      },
      putMany: async (store, values, onWritten) => {
        check();
        const changes = changesOf(store);
        values.forEach((v, i) => {
          changes.set(v.id, structuredClone(v));
          if (onWritten && (i + 1) % 1000 === 0) onWritten(i + 1);
        });
        onWritten?.(values.length);
      },
      delete: async (store, id) => {
        check();
        changesOf(store).set(id, undefined);
      },
      dealNextTo: async (pipelineId, stageId, rank, direction) => {
        check();
        // The IndexedDB index's order: rank, then id; deals without a rank are not in it.
        const sign = direction === 'next' ? 1 : -1;
        let best: Deal | undefined;
        for (const d of view('deals').values()) {
          if (d.pipelineId !== pipelineId || d.stageId !== stageId) continue;
          if (typeof d.rank !== 'number') continue;
          if (rank !== undefined && sign * (d.rank - rank) <= 0) continue;
          if (!best || sign * compareRank(d, best) < 0) best = d;
        }
        return best && structuredClone(best);
      },
    };
  }
}

/**
 * A repository that keeps everything in memory: used when IndexedDB is unavailable (private
 * modes, blocked storage, some embedded web views). `persistent` is false and `reason` says
 * why, so the UI can tell the user that closing the page loses the data.
 */
export function createMemoryRepository(
  options: RepositoryOptions & { reason?: string } = {},
): SalesRepository {
  return new CoreRepository(new MemoryBackend(), { ...options, channelName: undefined });
}
