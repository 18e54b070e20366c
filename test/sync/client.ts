import { executeServerCommand } from '@web/test-runner-commands';
import type { Peer as PresencePeer, SyncRepository } from '../../src/store/sync/sync-repository.js';

/** A sync server this test started (see `plugin.mjs`). */
export interface TestServer {
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(options: { secret?: string } = {}): Promise<TestServer> {
  const { id, url } = await executeServerCommand<{ id: string; url: string }, object>(
    'sync-server-start',
    options,
  );
  return {
    url,
    restart: async () => void (await executeServerCommand('sync-server-restart', { id })),
    stop: async () => void (await executeServerCommand('sync-server-stop', { id })),
  };
}

/** A token made by `npm run sync-token`'s script. */
export function makeToken(secret: string, room: string, role: 'editor' | 'reader' = 'editor') {
  return executeServerCommand<string, object>('sync-token', { secret, room, role });
}

type Method = {
  [K in keyof SyncRepository]-?: SyncRepository[K] extends (...a: never[]) => Promise<unknown>
    ? K
    : never;
}[keyof SyncRepository];

/** Another person's browser: its own context and storage, a synced repository on the room. */
export interface Peer {
  call<M extends Method>(
    method: M,
    ...params: Parameters<SyncRepository[M]>
  ): Promise<Awaited<ReturnType<SyncRepository[M]>>>;
  /** Resolves once the server has everything this peer wrote. */
  synced(): Promise<void>;
  setOnline(online: boolean): Promise<void>;
  /** Shows the room a name (`null`: a guest) and the deal being moved (`null`: none). */
  present(state: { name?: string | null; dragging?: string | null }): Promise<void>;
  /** Who this peer sees in the room (`Presence.others`). */
  others(): Promise<PresencePeer[]>;
  close(): Promise<void>;
}

export async function openPeer(url: string, room: string, token?: string): Promise<Peer> {
  const { id } = await executeServerCommand<{ id: string }, object>('sync-peer-open', {});
  const run = async (op: string, args: object = {}) =>
    (await executeServerCommand<{ value: unknown }, object>('sync-peer-run', { id, op, args }))
      .value;
  await run('open', { url, room, token });
  return {
    call: (method, ...params) => run('call', { method, params }) as never,
    synced: async () => void (await run('synced')),
    setOnline: async (online) => void (await run(online ? 'online' : 'offline')),
    present: async (state) => void (await run('presence', state)),
    others: async () => (await run('others')) as PresencePeer[],
    close: async () => void (await executeServerCommand('sync-peer-close', { id })),
  };
}

/**
 * For a `describe`: a sync server started before its tests and stopped after them, and the
 * peers a test opens (push them to `peers`), closed after each test.
 */
export function serverForSuite(): { readonly server: TestServer; readonly peers: Peer[] } {
  let server: TestServer | undefined;
  const peers: Peer[] = [];
  before(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) await p.close();
  });
  after(async () => {
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    peers,
  };
}
