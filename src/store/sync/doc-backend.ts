import * as Y from 'yjs';
import type { Deal, Pipeline, StageEvent } from '../../model/types.js';
import type { Records, StoreName } from '../backend.js';
import { MemoryBackend, type Overlay } from '../memory-repository.js';
import {
  readDeal,
  readEvent,
  readPipeline,
  readScenario,
  rootsOf,
  writeFields,
  type DocRoots,
} from './doc-records.js';

/** What one transaction of the document changed, by store (ids), and which deals moved. */
export interface DocChange {
  pipelines: Set<string>;
  deals: Set<string>;
  /** Deals whose stage, outcome or history changed. */
  moved: Set<string>;
  scenarios: Set<string>;
  /** Records a peer wrote that were left out as invalid. */
  rejected: number;
}

/** How long a deleted deal stays in the trash. */
export const TRASH_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/**
 * The repository's storage engine over a Y.Doc. Records are read from tables kept in step with
 * the document (every change, local or a peer's, updates exactly the records it touched, after
 * checking them); a write transaction's changes go into the document in one Yjs transaction,
 * so peers receive all of it or nothing. Deletes are tombstones: a deal goes to the trash, an
 * event is hidden, and putting them back undoes that; the history array is never shortened.
 */
export class DocBackend extends MemoryBackend {
  override readonly persistent: boolean;
  readonly roots: DocRoots;
  /** Every event the history holds (hidden ones too), by id; the first of a duplicated id wins. */
  private readonly allEvents = new Map<string, StageEvent>();
  private readonly eventsByDeal = new Map<string, Set<string>>();
  private readonly listeners = new Set<(change: DocChange, origin: unknown) => void>();
  private pending = emptyChange();

  constructor(
    readonly doc: Y.Doc,
    options: { persistent?: boolean; now?: () => number } = {},
  ) {
    super();
    this.persistent = options.persistent ?? false;
    this.now = options.now ?? Date.now;
    this.roots = rootsOf(doc);
    this.rescanAll();
    this.observe();
  }

  private readonly now: () => number;

  /** Called after every document transaction that changed records, with its origin. */
  onChange(listener: (change: DocChange, origin: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Deals in the trash of `pipelineId`, newest deletion first, with their whole history. */
  trash(pipelineId: string): { deal: Deal; events: StageEvent[]; deletedAt: number }[] {
    const out: { deal: Deal; events: StageEvent[]; deletedAt: number }[] = [];
    for (const [id, deletedAt] of this.roots.trash.entries()) {
      const map = this.roots.deals.get(id);
      const deal = map && readDeal(id, map);
      if (!deal || deal.pipelineId !== pipelineId) continue;
      out.push({ deal, events: structuredClone(this.historyOf(id)), deletedAt });
    }
    return out.sort((a, b) => b.deletedAt - a.deletedAt);
  }

  /** The deal as it shows now (a copy), if it does. */
  dealNow(id: string): Deal | undefined {
    const deal = this.tables.deals.get(id);
    return deal && structuredClone(deal);
  }

  /** Every history event of a deal, hidden ones too. */
  historyOf(dealId: string): StageEvent[] {
    return [...(this.eventsByDeal.get(dealId) ?? [])].map((id) => this.allEvents.get(id)!);
  }

  /** Removes for good the deals deleted more than `TRASH_DAYS` ago. */
  purgeTrash(): number {
    const cutoff = this.now() - TRASH_DAYS * DAY;
    const expired = [...this.roots.trash.entries()].filter(([, at]) => at < cutoff);
    if (expired.length === 0) return 0;
    this.doc.transact(() => {
      for (const [id] of expired) {
        this.roots.trash.delete(id);
        this.roots.deals.delete(id);
      }
    }, this);
    return expired.length;
  }

  protected override commit(overlay: Overlay): void {
    const { pipelines, deals, events, hiddenEvents, trash, scenarios } = this.roots;
    const at = this.now();
    this.doc.transact(() => {
      for (const [store, changes] of overlay) {
        for (const [id, value] of changes) {
          if (store === 'pipelines') {
            if (value === undefined) pipelines.delete(id);
            else writeFields(mapIn(pipelines, id), value as object);
          } else if (store === 'deals') {
            if (value === undefined) {
              if (deals.has(id)) trash.set(id, at);
            } else {
              writeFields(mapIn(deals, id), value as object);
              if (trash.has(id)) trash.delete(id);
            }
          } else if (store === 'events') {
            if (value === undefined) hiddenEvents.set(id, at);
            else if (this.allEvents.has(id)) {
              if (hiddenEvents.has(id)) hiddenEvents.delete(id);
            } else events.push([structuredClone(value as StageEvent)]);
          } else if (value === undefined) scenarios.delete(id);
          else scenarios.set(id, structuredClone(value as Records['scenarios']));
        }
      }
    }, this);
  }

  private observe(): void {
    const { pipelines, deals, events, hiddenEvents, trash, scenarios } = this.roots;
    pipelines.observeDeep((evs) => {
      for (const id of touchedKeys(pipelines, evs)) this.refreshPipeline(id);
    });
    deals.observeDeep((evs) => {
      for (const id of touchedKeys(deals, evs)) this.refreshDeal(id);
    });
    trash.observe((ev) => {
      for (const id of ev.keysChanged) this.refreshDeal(id);
    });
    hiddenEvents.observe((ev) => {
      for (const id of ev.keysChanged) {
        const e = this.allEvents.get(id);
        if (e) this.refreshEvent(e);
      }
    });
    events.observe((ev) => {
      if (ev.changes.deleted.size > 0) {
        // Only a misbehaving peer removes history; read it all again.
        this.rescanEvents();
        return;
      }
      for (const item of ev.changes.added) {
        for (const value of item.content.getContent()) this.addEvent(value);
      }
    });
    scenarios.observe((ev) => {
      for (const id of ev.keysChanged) this.refreshScenario(id);
    });
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      const change = this.pending;
      this.pending = emptyChange();
      const any =
        change.pipelines.size || change.deals.size || change.moved.size || change.scenarios.size;
      if (any) for (const l of [...this.listeners]) l(change, tr.origin);
    });
  }

  private rescanAll(): void {
    for (const id of this.roots.pipelines.keys()) this.refreshPipeline(id, false);
    for (const id of this.roots.deals.keys()) this.refreshDeal(id);
    this.rescanEvents();
    for (const id of this.roots.scenarios.keys()) this.refreshScenario(id);
    this.pending = emptyChange();
  }

  private rescanEvents(): void {
    this.allEvents.clear();
    this.eventsByDeal.clear();
    this.tables.events.clear();
    for (const value of this.roots.events) this.addEvent(value);
  }

  private refreshPipeline(id: string, dealsToo = true): void {
    const map = this.roots.pipelines.get(id);
    const before = this.tables.pipelines.get(id);
    const pipeline = map instanceof Y.Map ? readPipeline(id, map) : undefined;
    this.put('pipelines', id, pipeline, map !== undefined);
    this.pending.pipelines.add(id);
    // Which stages exist decides where its deals show.
    const stagesChanged = JSON.stringify(before?.stages) !== JSON.stringify(pipeline?.stages);
    if (dealsToo && stagesChanged) {
      for (const [dealId, dealMap] of this.roots.deals.entries()) {
        if (dealMap instanceof Y.Map && dealMap.get('pipelineId') === id) this.refreshDeal(dealId);
      }
    }
  }

  private refreshDeal(id: string): void {
    const map = this.roots.deals.get(id);
    const before = this.tables.deals.get(id);
    let deal: Deal | undefined;
    if (map instanceof Y.Map && !this.roots.trash.has(id)) {
      const pipelineId = map.get('pipelineId');
      const pipeline = typeof pipelineId === 'string' ? this.pipeline(pipelineId) : undefined;
      deal = readDeal(id, map, pipeline);
      if (!deal) this.pending.rejected += 1;
    }
    this.put('deals', id, deal, false);
    this.pending.deals.add(id);
    if (before?.stageId !== deal?.stageId || before?.outcome !== deal?.outcome) {
      this.pending.moved.add(id);
    }
    // A deal's history shows only while the deal does.
    if (!before !== !deal) {
      for (const e of this.eventsByDeal.get(id) ?? []) this.refreshEvent(this.allEvents.get(e)!);
    }
  }

  private addEvent(value: unknown): void {
    const e = readEvent(value);
    if (!e) {
      this.pending.rejected += 1;
      return;
    }
    if (this.allEvents.has(e.id)) return;
    this.allEvents.set(e.id, e);
    let ids = this.eventsByDeal.get(e.dealId);
    if (!ids) this.eventsByDeal.set(e.dealId, (ids = new Set()));
    ids.add(e.id);
    this.refreshEvent(e);
  }

  private refreshEvent(e: StageEvent): void {
    const visible = !this.roots.hiddenEvents.has(e.id) && this.tables.deals.has(e.dealId);
    this.put('events', e.id, visible ? e : undefined, false);
    this.pending.moved.add(e.dealId);
  }

  private refreshScenario(id: string): void {
    const value = this.roots.scenarios.get(id);
    const scenario = value === undefined ? undefined : readScenario(id, value);
    this.put('scenarios', id, scenario, value !== undefined);
    this.pending.scenarios.add(id);
  }

  private pipeline(id: string): Pipeline | undefined {
    return this.tables.pipelines.get(id);
  }

  private put<S extends StoreName>(
    store: S,
    id: string,
    value: Records[S] | undefined,
    present: boolean,
  ): void {
    const table = this.tables[store] as Map<string, Records[S]>;
    if (value === undefined) {
      table.delete(id);
      if (present) this.pending.rejected += 1;
    } else table.set(id, value);
  }
}

function emptyChange(): DocChange {
  return {
    pipelines: new Set(),
    deals: new Set(),
    moved: new Set(),
    scenarios: new Set(),
    rejected: 0,
  };
}

/** The record map of `id` in `root`, created when missing. */
function mapIn(root: Y.Map<Y.Map<unknown>>, id: string): Y.Map<unknown> {
  let map = root.get(id);
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<unknown>();
    root.set(id, map);
  }
  return map;
}

/** The ids (keys of `root`) whose records the deep events touched. */
function touchedKeys(root: Y.Map<Y.Map<unknown>>, events: Y.YEvent<Y.AbstractType<unknown>>[]) {
  const ids = new Set<string>();
  for (const ev of events) {
    if (ev.target === root) for (const k of ev.keys.keys()) ids.add(k);
    else if (typeof ev.path[0] === 'string') ids.add(ev.path[0]);
  }
  return ids;
}
