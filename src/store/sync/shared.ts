import type { Lang } from '../../model/types.js';
import { StoreError } from '../errors.js';
import { openSyncRepository } from './connect.js';
import type { SyncRepository } from './sync-repository.js';

/**
 * The page's synced repositories, one per server and room, opened on first use and shared by
 * every element on that room (so a board and a funnel on one room hold one document).
 */
const rooms = new Map<string, Promise<SyncRepository>>();

export function sharedSyncRepository(options: {
  url: string;
  room: string;
  token?: string;
  lang?: Lang;
}): Promise<SyncRepository> {
  if (!/^wss?:\/\/[^\s]+$/.test(options.url)) {
    const message =
      options.lang === 'es'
        ? `sync debe ser una dirección ws:// o wss://: «${options.url}»`
        : `sync must be a ws:// or wss:// URL: “${options.url}”`;
    return Promise.reject(new StoreError('invalid', message));
  }
  const key = `${options.url}\n${options.room}`;
  let repo = rooms.get(key);
  if (!repo) {
    repo = openSyncRepository(options);
    rooms.set(key, repo);
    // A room that could not be opened is tried again by the next element that asks.
    repo.catch(() => rooms.delete(key));
  }
  return repo;
}
