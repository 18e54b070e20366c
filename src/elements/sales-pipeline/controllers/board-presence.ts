import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SalesRepository } from '../../../store/repository.js';
import type { Peer, Presence } from '../../../store/sync/sync-repository.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/** Someone else on the board, with the name to show. */
export interface Viewer {
  client: number;
  name: string;
}

export interface BoardPresenceOptions {
  repository: () => SalesRepository | undefined;
  strings: () => PipelineStrings;
  /** The deal this person is moving now (dragging, picked up, in the Move dialog), if any. */
  moving: () => string | undefined;
  announce: (text: string) => void;
}

/** A guest's number: small, and the same for one connection on every screen. */
const guestNumber = (client: number) => (client % 99) + 1;

/**
 * Who else is on a synced board, from the room's awareness (never the document): the list the
 * toolbar shows, the name on a card someone is moving, and this person's own moving card told
 * to the others. Someone arriving is said once per board (their name), not at every change.
 */
export class BoardPresence implements ReactiveController {
  private presence?: Presence;
  private stop?: () => void;
  private peers: Peer[] = [];
  private sentMoving?: string;
  private readonly announced = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BoardPresenceOptions,
  ) {
    host.addController(this);
  }

  /** The others on the board, with their names (a guest's in this board's language). */
  viewers(): Viewer[] {
    const s = this.options.strings();
    return this.peers.map((p) => ({ client: p.client, name: this.nameOf(p, s) }));
  }

  /** Who is moving which deal, by deal id (the first of two moving the same one). */
  movers(): ReadonlyMap<string, string> {
    const s = this.options.strings();
    const out = new Map<string, string>();
    for (const p of this.peers) {
      if (p.dragging && !out.has(p.dragging)) out.set(p.dragging, this.nameOf(p, s));
    }
    return out;
  }

  hostUpdated(): void {
    const link = (this.options.repository() as { link?: { presence?: Presence } } | undefined)
      ?.link;
    if (link?.presence !== this.presence) this.follow(link?.presence);
    const moving = this.options.moving();
    if (this.presence && moving !== this.sentMoving) {
      this.sentMoving = moving;
      this.presence.set({ dragging: moving ?? null });
    }
  }

  hostDisconnected(): void {
    // A board taken off the page moves nothing any more.
    if (this.sentMoving) this.presence?.set({ dragging: null });
    this.follow(undefined);
  }

  private follow(presence: Presence | undefined): void {
    this.stop?.();
    this.stop = undefined;
    this.presence = presence;
    this.sentMoving = undefined;
    this.peers = [];
    if (!presence) return;
    this.stop = presence.onChange(() => this.read());
    this.read();
  }

  private read(): void {
    const peers = this.presence?.others() ?? [];
    const s = this.options.strings();
    const arrived = peers.map((p) => this.nameOf(p, s)).filter((name) => !this.announced.has(name));
    for (const name of arrived) this.announced.add(name);
    if (arrived.length) {
      this.options.announce(arrived.map((name) => t(s.presenceJoined, { name })).join(' '));
    }
    // Alone on the board (as every board starts): nothing to show, no update.
    if (peers.length || this.peers.length) this.host.requestUpdate();
    this.peers = peers;
  }

  private nameOf(peer: Peer, s: PipelineStrings): string {
    return peer.name ?? t(s.guest, { n: guestNumber(peer.client) });
  }
}
