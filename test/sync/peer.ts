// Another person's browser in the sync tests (plugin.mjs opens it in a browser context of its
// own): a synced repository on the room tab A names, kept in this context's IndexedDB, whose
// methods the test calls by name; `offline` / `online` cut and restore the connection;
// `presence` sets what it shows the room, `others` says who it sees there.
import { openSyncRepository } from '../../src/store/sync/connect.js';
import type { SyncRepository } from '../../src/store/sync/sync-repository.js';

let repo: SyncRepository | undefined;

async function run(op: string, args: Record<string, unknown>): Promise<unknown> {
  if (op === 'open') {
    let n = 0;
    repo = await openSyncRepository({
      url: String(args.url),
      room: String(args.room),
      token: args.token as string | undefined,
      newId: () => `peer-${Date.now().toString(36)}-${(n += 1)}`,
    });
    return repo.link!.status;
  }
  if (!repo) throw new Error('peer: open first');
  if (op === 'synced') return repo.link!.whenSynced().then(() => repo!.link!.status);
  // Presence: what this person shows the room, and who else this peer sees there.
  if (op === 'presence') {
    repo.link!.presence.set(args as { name?: string | null; dragging?: string | null });
    return null;
  }
  if (op === 'others') return repo.link!.presence.others();
  if (op === 'offline' || op === 'online') {
    repo.link!.setOnline(op === 'online');
    return null;
  }
  const method = (repo as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
    String(args.method)
  ];
  if (typeof method !== 'function') throw new Error(`peer: no repository method ${args.method}`);
  return method.apply(repo, (args.params as unknown[]) ?? []);
}

declare global {
  interface Window {
    peer?: { run: typeof run };
  }
}
window.peer = { run };
