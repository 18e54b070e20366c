import type { IdbFactoryLike } from './db.js';
import { createIdbRepository, type IdbRepositoryOptions } from './idb-repository.js';
import { createMemoryRepository } from './memory-repository.js';
import { message } from './messages.js';
import type { SalesRepository } from './repository.js';

/**
 * The factory: which implementation of `SalesRepository` a page gets. It sits above the
 * implementations (IndexedDB, memory), which sit above the interface, so nothing imports back.
 */

export interface OpenRepositoryOptions extends Omit<IdbRepositoryOptions, 'factory'> {
  /** `null` forces the in-memory repository (as if IndexedDB were missing). */
  factory?: IdbFactoryLike | null;
}

/**
 * The repository elements should use: IndexedDB when it can be opened, else memory with
 * `persistent: false` and a `reason` (in `options.lang`) the UI shows to the user.
 * Resolves only once the database is usable: while an old tab blocks an upgrade it waits,
 * and `onNotice` receives `blocked`.
 */
export async function openRepository(
  options: OpenRepositoryOptions = {},
): Promise<SalesRepository> {
  const lang = options.lang ?? 'en';
  const factory = options.factory === undefined ? globalThis.indexedDB : options.factory;
  if (!factory) {
    return createMemoryRepository({ ...options, reason: message(lang, 'idb-unavailable') });
  }
  try {
    return await createIdbRepository({ ...options, factory });
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return createMemoryRepository({ ...options, reason: message(lang, 'idb-failed', { detail }) });
  }
}
