import type { ChangeType, RepositoryNotice, StoreChange } from './repository.js';

/**
 * The change feed of one repository: who listens to committed changes (per pipeline, or to
 * everything), delivering each change to them, the BroadcastChannel that carries changes to
 * and from repositories on the same database in other tabs, and the connection notices
 * (`blocked`, `reload-needed`, `reopened`). Only committed writes are published, and a
 * failing listener never undoes one.
 */

/** The message other tabs receive after a committed write. */
interface ChannelMessage {
  type: ChangeType;
  pipelineId: string | null;
  ids: string[];
}

export class ChangeFeed {
  private readonly listeners = new Map<string | null, Set<(c: StoreChange) => void>>();
  private readonly noticeListeners = new Set<(n: RepositoryNotice) => void>();
  private readonly channel?: BroadcastChannel;

  /** With `channelName`, changes also go to and come from other tabs on that channel. */
  constructor(channelName?: string) {
    if (!channelName || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = (e: MessageEvent<ChannelMessage>) => {
      const m = e.data;
      if (m && typeof m.type === 'string' && Array.isArray(m.ids)) {
        this.deliver({ type: m.type, pipelineId: m.pipelineId ?? null, ids: m.ids, local: false });
      }
    };
  }

  /** See `SalesRepository.subscribe`. */
  subscribe(pipelineId: string | null, listener: (change: StoreChange) => void): () => void {
    let set = this.listeners.get(pipelineId);
    if (!set) this.listeners.set(pipelineId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  onNotice(listener: (notice: RepositoryNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  notice(notice: RepositoryNotice): void {
    for (const l of [...this.noticeListeners]) guarded(() => l(notice));
  }

  /** A change this repository committed: to its own listeners, and to other tabs. */
  publish(type: ChangeType, pipelineId: string | null, ids: string[]): void {
    this.deliver({ type, pipelineId, ids, local: true });
    const m: ChannelMessage = { type, pipelineId, ids };
    try {
      this.channel?.postMessage(m);
    } catch {
      // A closed channel (repository closed meanwhile): other tabs re-read on their next change.
    }
  }

  /** A change that arrived from elsewhere (a synced peer): to this repository's listeners only. */
  receive(type: ChangeType, pipelineId: string | null, ids: string[]): void {
    this.deliver({ type, pipelineId, ids, local: false });
  }

  close(): void {
    this.channel?.close();
  }

  private deliver(change: StoreChange): void {
    const targets = [...(this.listeners.get(null) ?? [])];
    if (change.pipelineId !== null) targets.push(...(this.listeners.get(change.pipelineId) ?? []));
    for (const l of targets) guarded(() => l(change));
  }
}

/** Runs a listener; what it throws is logged, since the write it hears about is committed. */
function guarded(call: () => void): void {
  try {
    call();
  } catch (e) {
    console.error(e);
  }
}
