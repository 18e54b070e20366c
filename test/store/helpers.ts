import { deleteDB } from 'idb';
import { createIdbRepository } from '../../src/store/idb-repository.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';
import type { SalesRepository } from '../../src/store/repository.js';
import type { RepositoryOptions } from '../../src/store/core.js';
import { StoreError } from '../../src/store/errors.js';
import { SyncRepository } from '../../src/store/sync/sync-repository.js';
import * as Y from 'yjs';

let counter = 0;
const opened: string[] = [];

/** A database name no other test uses; `cleanup` deletes it. */
export function uniqueName(label: string): string {
  const name = `test-store-${label}-${Date.now().toString(36)}-${(counter += 1)}`;
  opened.push(name);
  return name;
}

/** Deletes every database created through `uniqueName` (connections must be closed first). */
export async function cleanup(): Promise<void> {
  for (const name of opened.splice(0)) await deleteDB(name);
}

/** A deterministic clock: 1000, 2000, 3000… */
export function stepClock(start = 1000, step = 1000): () => number {
  let t = start - step;
  return () => (t += step);
}

/** Ids `id-1`, `id-2`… so stored records are predictable. */
export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${(n += 1)}`;
}

/** `yjs`: the synced repository over a Y.Doc of its own (no network). */
export type Kind = 'indexeddb' | 'memory' | 'yjs';

export async function makeRepository(
  kind: Kind,
  options: RepositoryOptions = {},
): Promise<SalesRepository> {
  if (kind === 'memory') return createMemoryRepository(options);
  if (kind === 'yjs') return new SyncRepository(new Y.Doc(), options);
  return createIdbRepository({ ...options, name: uniqueName('repo') });
}

/** Resolves with the error a promise rejects with (the store only rejects with `StoreError`); fails if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof StoreError))
      throw new Error(`expected a StoreError, got ${String(e)}`, { cause: e });
    return e;
  }
  throw new Error('expected the promise to reject');
}

/** A copy of `value` without `keys`: for comparing records whose ids or times differ by design. */
export function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const k of keys) delete copy[k];
  return copy;
}
