import type * as Y from 'yjs';
import type { Pipeline } from '../../model/types.js';
import { CoreRepository, type RepositoryOptions } from '../core.js';
import type {
  DealChange,
  DeletedDeal,
  RepositoryNotice,
  SalesRepository,
  StageMoveOptions,
  SyncStatus,
} from '../repository.js';
import { DocBackend, type DocChange } from './doc-backend.js';

/** A deal in the trash: what `restoreDeal` puts back, and when it was deleted. */
export interface TrashedDeal extends DeletedDeal {
  deletedAt: number;
}

/** Someone else in the room, as their browser says (checked: bounded text, or nothing). */
export interface Peer {
  /** Their connection's number in the room: names a guest ("Guest 3"), orders the list. */
  client: number;
  /** The name they gave (`user-name`); none for a guest. */
  name?: string;
  /** The deal they are moving (dragging, picked up, or in the Move dialog). */
  dragging?: string;
}

/** Who else is in the room (from the server's awareness; never stored). */
export interface Presence {
  /**
   * What this person shows the others: their name (`null`: a guest), the deal they are moving
   * (`null`: none).
   */
  set(state: { name?: string | null; dragging?: string | null }): void;
  others(): Peer[];
  /** Called when someone else arrives, leaves or changes what they show. */
  onChange(listener: () => void): () => void;
}

/** The connection of a synced repository to its server (`connect.ts`). */
export interface SyncLink {
  readonly status: SyncStatus;
  /** The server refused this client (no, or a wrong, token); nothing is exchanged. */
  readonly refused: boolean;
  readonly presence: Presence;
  whenSynced(): Promise<void>;
  /**
   * Resolves once the server first answered: synced, refused, or unreachable (then the
   * document stays as IndexedDB had it).
   */
  firstContact(): Promise<void>;
  /** A new token: reconnects with it. */
  setToken(token: string | undefined): void;
  setOnline(online: boolean): void;
  close(): void;
}

/** A move made here, remembered until the deal moves again, to tell when it lost to another. */
interface OwnMove {
  from: string;
  to: string;
  eventId: string;
  at: number;
}

/**
 * The repository over a team's shared Y.Doc: every rule of `CoreRepository` (versions, history
 * events, validation, all-or-nothing), with the document as storage. Changes that arrive from
 * peers reach `subscribe` listeners as changes from elsewhere (`local: false`), and when a deal
 * this person moved was moved elsewhere at the same time and the other move won, `onNotice`
 * receives `move-lost`. Pure: the network and IndexedDB are attached by `connect.ts`.
 */
export class SyncRepository extends CoreRepository {
  readonly doc: Y.Doc;
  readonly docBackend: DocBackend;
  /** The connection to the server, when there is one. */
  link?: SyncLink;
  private readonly ownMoves = new Map<string, OwnMove>();

  constructor(doc: Y.Doc, options: RepositoryOptions & { persistent?: boolean } = {}) {
    const backend = new DocBackend(doc, options);
    super(backend, { ...options, channelName: undefined });
    this.doc = doc;
    this.docBackend = backend;
    backend.onChange((change, origin) => {
      if (origin !== backend) this.received(change);
    });
  }

  /**
   * Creates a missing pipeline only after the server's copy of the room had a chance to
   * arrive: two browsers creating the same pipeline at once would race for its stages.
   */
  override async ensurePipeline(
    id: string,
    input?: Parameters<CoreRepository['ensurePipeline']>[1],
  ): Promise<Pipeline> {
    if (!this.docBackend.roots.pipelines.has(id)) await this.link?.firstContact();
    return super.ensurePipeline(id, input);
  }

  override async moveDeal(
    id: string,
    toStageId: string,
    options: StageMoveOptions,
  ): Promise<DealChange> {
    const change = await super.moveDeal(id, toStageId, options);
    const moved = change.events?.find((e) => e.kind === 'moved');
    if (moved) {
      this.ownMoves.set(id, { from: moved.from!, to: moved.to, eventId: moved.id, at: moved.at });
    }
    return change;
  }

  /**
   * Publishes a pipeline kept elsewhere (the page's own IndexedDB store, from before the team
   * shared it) to this room: a room without the pipeline gets all of it; a room that has it
   * gets every deal (with its history) it has in neither its board nor its trash, and keeps
   * its own. Deals are matched by id, so publishing twice adds nothing the second time.
   * Resolves with the number of deals added.
   */
  async publishFrom(source: SalesRepository, pipelineId: string): Promise<number> {
    await this.link?.firstContact();
    const file = await source.exportPipeline(pipelineId);
    if (!(await this.getPipeline(pipelineId))) {
      await this.importPipeline(file);
      return file.deals.length;
    }
    const known = new Set([
      ...(await this.listDeals(pipelineId)).map((d) => d.id),
      ...(await this.listTrash(pipelineId)).map((t) => t.deal.id),
    ]);
    const deals = file.deals.filter((d) => !known.has(d.id));
    const ids = new Set(deals.map((d) => d.id));
    const events = file.events.filter((e) => ids.has(e.dealId));
    await this.docBackend.write(['deals', 'events'], async (tx) => {
      await tx.putMany('deals', deals);
      await tx.putMany('events', events);
    });
    if (deals.length) this.feed.publish('deals-imported', pipelineId, [...ids]);
    return deals.length;
  }

  /** Deleted deals of the pipeline still in the trash (kept `TRASH_DAYS`), newest first. */
  async listTrash(pipelineId: string): Promise<TrashedDeal[]> {
    return this.docBackend.trash(pipelineId);
  }

  /** Empties the trash of deals deleted more than `TRASH_DAYS` ago; how many went. */
  purgeTrash(): number {
    return this.docBackend.purgeTrash();
  }

  override close(): void {
    this.link?.close();
    super.close();
  }

  /** Tells this repository's listeners of a notice about its connection. */
  notify(notice: RepositoryNotice): void {
    this.emitNotice(notice);
  }

  private received(change: DocChange): void {
    const byPipeline = new Map<string, { deals: string[]; moved: boolean }>();
    const add = (pipelineId: string, ids: string[], moved: boolean) => {
      const entry = byPipeline.get(pipelineId) ?? { deals: [], moved: false };
      entry.deals.push(...ids);
      entry.moved ||= moved;
      byPipeline.set(pipelineId, entry);
    };
    for (const id of new Set([...change.deals, ...change.moved])) {
      const pipelineId = this.pipelineOf(id);
      if (pipelineId) add(pipelineId, [id], change.moved.has(id));
    }
    for (const id of change.pipelines) this.feed.receive('pipeline', id, [id]);
    for (const [pipelineId, { deals, moved }] of byPipeline) {
      this.feed.receive(moved ? 'deal-moved' : 'deal', pipelineId, deals);
    }
    const scenarioIds = [...change.scenarios];
    if (scenarioIds.length) this.feed.receive('scenario', null, scenarioIds);
    for (const id of change.moved) this.checkOwnMove(id);
    if (change.rejected) this.emitNotice({ type: 'sync-rejected', count: change.rejected });
  }

  private pipelineOf(dealId: string): string | undefined {
    const map = this.docBackend.roots.deals.get(dealId);
    const id = map?.get('pipelineId');
    return typeof id === 'string' ? id : undefined;
  }

  /** A move of mine and one of someone else's, from the same stage: did mine lose? */
  private checkOwnMove(dealId: string): void {
    const mine = this.ownMoves.get(dealId);
    if (!mine) return;
    const deal = this.docBackend.dealNow(dealId);
    const events = this.docBackend.historyOf(dealId);
    const rival = events.find(
      (e) =>
        e.kind === 'moved' && e.id !== mine.eventId && e.from === mine.from && e.to !== mine.to,
    );
    // A later move that started from where mine put the deal is no rival: it saw mine.
    const seenMine = events.some(
      (e) => e.id !== mine.eventId && e.from === mine.to && e.at >= mine.at,
    );
    if (!rival || seenMine || !deal) return;
    this.ownMoves.delete(dealId);
    if (deal.stageId !== mine.to) {
      this.emitNotice({ type: 'move-lost', dealId, title: deal.title, stageId: deal.stageId });
    }
  }
}
