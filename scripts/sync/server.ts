import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { SqliteStore } from './sqlite-store.js';
import { verifyToken } from './tokens.js';

/**
 * The team sync server: Hocuspocus on the loopback interface only, its rooms in one SQLite
 * file, and, with a secret, only clients holding a token for the room (readers get the
 * document but their changes are not applied). Limits: one message, and a room's document, at
 * most so many bytes; at most so many messages per connection per second.
 */

export interface SyncServerOptions {
  /** 0: any free port. */
  port: number;
  /** The SQLite file. */
  db: string;
  /** Without one, any client may read and write every room (one machine, development). */
  secret?: string;
  /** To run several instances behind a load balancer: they share changes through Redis. */
  redis?: { host: string; port: number };
  maxMessageBytes?: number;
  maxDocumentBytes?: number;
  maxMessagesPerSecond?: number;
  quiet?: boolean;
}

/** Close codes a refused client sees (4000–4999 are the application's). */
export const CLOSE = {
  tooLarge: { code: 4413, reason: 'Document or message too large' },
  tooFast: { code: 4429, reason: 'Too many messages' },
} as const;

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;

/** Whether a Hocuspocus message would change the document (a sync step 2 or an update). */
function isWrite(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
    return decoding.readVarUint(decoder) !== SYNC_STEP_1;
  } catch {
    return true;
  }
}

function limits(options: SyncServerOptions): Extension {
  const maxMessage = options.maxMessageBytes ?? 2 * 1024 * 1024;
  const maxDocument = options.maxDocumentBytes ?? 20 * 1024 * 1024;
  const perSecond = options.maxMessagesPerSecond ?? 200;
  const sizes = new Map<string, number>();
  const windows = new WeakMap<object, { start: number; count: number }>();
  return {
    extensionName: 'sales-funnel-limits',
    // Measured when the document is stored (debounced), not on every change.
    async onStoreDocument({ documentName, document }) {
      sizes.set(documentName, Y.encodeStateAsUpdate(document).byteLength);
    },
    async beforeHandleMessage({ connection, documentName, update }) {
      const now = Date.now();
      let window = windows.get(connection);
      if (!window || now - window.start >= 1000)
        windows.set(connection, (window = { start: now, count: 0 }));
      window.count += 1;
      if (window.count > perSecond) throw { ...CLOSE.tooFast };
      if (update.byteLength > maxMessage) throw { ...CLOSE.tooLarge };
      if ((sizes.get(documentName) ?? 0) > maxDocument && isWrite(update))
        throw { ...CLOSE.tooLarge };
    },
    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
    },
  };
}

function authenticate(secret: string | undefined) {
  return async (data: onAuthenticatePayload) => {
    if (secret === undefined) return;
    const claims = verifyToken(data.token ?? '', secret);
    if (!claims || claims.room !== data.documentName) {
      throw new Error('The sync server refused this client');
    }
    if (claims.role === 'reader') data.connectionConfig.readOnly = true;
    return { role: claims.role };
  };
}

/** Starts the server; resolves once it listens (its port is `server.address.port`). */
export async function startSyncServer(
  options: SyncServerOptions,
): Promise<{ server: Server; close: () => Promise<void> }> {
  const store = await SqliteStore.open(options.db);
  const extensions: Extension[] = [
    limits(options),
    new Database({
      fetch: async ({ documentName }) => store.fetch(documentName),
      store: async ({ documentName, state }) => store.store(documentName, state),
    }),
  ];
  if (options.redis) {
    // ioredis's ready check (an INFO) can run after the subscriber connection has subscribed,
    // where Redis refuses it and the subscription is lost: the check is left out.
    extensions.push(new Redis({ ...options.redis, options: { enableReadyCheck: false } }));
  }
  const server = new Server({
    address: '127.0.0.1',
    port: options.port,
    quiet: options.quiet ?? true,
    stopOnSignals: false,
    debounce: 200,
    maxDebounce: 2000,
    extensions,
    onAuthenticate: authenticate(options.secret || undefined),
  });
  // Hocuspocus 3.4 hands `address` to http's listen() as `address`, which Node ignores (it
  // wants `host`), so `server.listen()` binds every interface. Listen here, on loopback only.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen({ port: options.port, host: '127.0.0.1' }, resolve);
  });
  await server.hocuspocus.hooks('onListen', {
    instance: server.hocuspocus,
    configuration: server.configuration,
    port: server.address.port,
  });
  return {
    server,
    close: async () => {
      await server.destroy();
      await store.close();
    },
  };
}
