import type { IdbFactoryLike } from './db.js';
import { openError, technicalDetail } from './errors.js';
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
 * The repository elements should use: IndexedDB when it can be opened; memory, with
 * `persistent: false` and a `reason` (in `options.lang`) the UI shows, only when this page may
 * not store anything (no IndexedDB, or storage refused to it). Any other failure rejects with a
 * `StoreError` of an opening code (`newer-version`, `corrupt`, `timed-out`): saved data exists
 * that this page cannot reach, and a memory stand-in would hide it and pretend to save.
 * Resolves only once the database is usable: while an old tab blocks an upgrade it waits, and
 * `onNotice` receives `blocked`.
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
    console.error('sales-funnel: the saved data could not be opened:', technicalDetail(e));
    const refused = openError(e);
    if (refused) throw refused;
    return createMemoryRepository({ ...options, reason: message(lang, 'idb-refused') });
  }
}
