import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Lang } from '../../model/types.js';
import type { SyncStatus } from '../repository.js';
import { SyncRepository, type Peer, type Presence, type SyncLink } from './sync-repository.js';

/**
 * Opens a team's room: the shared document kept in IndexedDB (`y-indexeddb`), so the board opens
 * from it at once and works offline, and connected to a Hocuspocus server, which exchanges it
 * with everyone in the room. Reconnects as soon as the browser says it is `online` (not after a
 * back-off). This module, with Yjs and the provider, loads only when an element has `sync`.
 */

export interface SyncOptions {
  /** `ws://` or `wss://` URL of the Hocuspocus server. */
  url: string;
  room: string;
  token?: string;
  lang?: Lang;
  /** Keep the document in IndexedDB (default: when IndexedDB exists). */
  persist?: boolean;
  /** For Node (tests, bench): the `ws` package's WebSocket. */
  WebSocketPolyfill?: unknown;
  now?: () => number;
  newId?: () => string;
}

/** The IndexedDB database a room's document is kept in. */
export const roomDatabase = (url: string, room: string) => `sales-funnel-sync:${url}:${room}`;

export async function openSyncRepository(options: SyncOptions): Promise<SyncRepository> {
  const doc = new Y.Doc();
  const persist = options.persist ?? typeof indexedDB !== 'undefined';
  let persistence: { destroy(): Promise<void> } | undefined;
  if (persist) {
    const { IndexeddbPersistence } = await import('y-indexeddb');
    const local = new IndexeddbPersistence(roomDatabase(options.url, options.room), doc);
    await local.whenSynced;
    persistence = local;
  }
  const repo = new SyncRepository(doc, { ...options, persistent: persist });
  repo.purgeTrash();
  repo.link = new ProviderLink(repo, doc, options, persistence);
  return repo;
}

class ProviderLink implements SyncLink {
  status: SyncStatus = 'offline';
  refused = false;
  readonly presence: Presence;
  private readonly provider: HocuspocusProvider;
  private readonly onOnline = () => void this.provider.connect();
  private contacted!: () => void;
  private readonly contact = new Promise<void>((resolve) => (this.contacted = resolve));

  constructor(
    private readonly repo: SyncRepository,
    doc: Y.Doc,
    options: SyncOptions,
    private readonly persistence?: { destroy(): Promise<void> },
  ) {
    this.provider = new HocuspocusProvider({
      url: options.url,
      name: options.room,
      document: doc,
      token: options.token ?? null,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      onStatus: () => this.update(),
      onSynced: () => {
        this.contacted();
        this.update();
      },
      onClose: () => this.contacted(),
      onUnsyncedChanges: () => this.update(),
      onAuthenticated: () => {
        this.refused = false;
        this.update();
      },
      onAuthenticationFailed: () => {
        this.refused = true;
        this.contacted();
        repo.notify({ type: 'sync-refused' });
        this.update();
      },
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    this.presence = new AwarenessPresence(this.provider);
    globalThis.addEventListener?.('online', this.onOnline);
    this.update();
  }

  /** Resolves once the server and this document agree (everything sent and received). */
  async whenSynced(): Promise<void> {
    if (this.status === 'online') return;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (this.status !== 'online') return;
        this.provider.off('synced', check);
        this.provider.off('unsyncedChanges', check);
        resolve();
      };
      this.provider.on('synced', check);
      this.provider.on('unsyncedChanges', check);
    });
  }

  firstContact(): Promise<void> {
    return this.contact;
  }

  setToken(token: string | undefined): void {
    this.provider.configuration.token = token ?? null;
    this.refused = false;
    const socket = this.provider.configuration.websocketProvider;
    if (socket.status === WebSocketStatus.Disconnected) {
      void this.provider.connect();
      return;
    }
    // connect() does nothing while the old socket is still open: wait until it has closed.
    const reconnect = () => {
      socket.off('disconnect', reconnect);
      void this.provider.connect();
    };
    socket.on('disconnect', reconnect);
    this.provider.disconnect();
  }

  /** Cuts the connection (offline) or takes it up again. */
  setOnline(online: boolean): void {
    if (online) void this.provider.connect();
    else this.provider.disconnect();
  }

  close(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    this.provider.destroy();
    void this.persistence?.destroy();
  }

  private update(): void {
    const connected = this.provider.configuration.websocketProvider.status;
    const waiting = this.provider.unsyncedChanges > 0;
    const next: SyncStatus =
      connected === WebSocketStatus.Connected && this.provider.isSynced && !this.refused
        ? waiting
          ? 'syncing'
          : 'online'
        : connected === WebSocketStatus.Connected && !this.refused
          ? 'syncing'
          : waiting
            ? 'unsaved'
            : 'offline';
    if (next === this.status) return;
    this.status = next;
    this.repo.notify({ type: 'sync-status', status: next });
  }
}

/** Who is in the room, from the provider's awareness: never stored in the document. */
class AwarenessPresence implements Presence {
  constructor(private readonly provider: HocuspocusProvider) {}

  set(state: { name?: string | null; dragging?: string | null }): void {
    const awareness = this.provider.awareness;
    if (!awareness) return;
    const next = { ...((awareness.getLocalState() ?? {}) as Record<string, unknown>) };
    // `null` takes the field away (a guest, nothing moving): absent is what peers read.
    for (const [k, v] of Object.entries(state)) {
      if (v === null) delete next[k];
      else if (v !== undefined) next[k] = v;
    }
    awareness.setLocalState(next);
  }

  others(): Peer[] {
    const awareness = this.provider.awareness;
    if (!awareness) return [];
    const out: Peer[] = [];
    for (const [client, state] of awareness.getStates()) {
      if (client === awareness.clientID) continue;
      // A peer's presence is text for the page: a string of bounded length, or nothing.
      const { name, dragging } = state as { name?: unknown; dragging?: unknown };
      out.push({
        client,
        ...(typeof name === 'string' && name.trim() && name.length <= 100
          ? { name: name.trim() }
          : {}),
        ...(typeof dragging === 'string' && dragging.length <= 200 ? { dragging } : {}),
      });
    }
    return out.sort((a, b) => a.client - b.client);
  }

  onChange(listener: () => void): () => void {
    const awareness = this.provider.awareness;
    // This browser's own changes are not news to it.
    const heard = (_: unknown, origin: unknown) => origin !== 'local' && listener();
    awareness?.on('change', heard);
    return () => awareness?.off('change', heard);
  }
}
