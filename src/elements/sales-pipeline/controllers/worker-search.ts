import type { Deal, Lang, Pipeline } from '../../../model/types.js';
import {
  buildColumns,
  dealText,
  type BoardColumn,
  type BoardFilter,
} from '../model/board-model.js';
import { nextTask, sameRest, wordsOf, type ColumnSearch } from '../model/board-search.js';
import type {
  ColumnHits,
  SearchEntry,
  SearchQuery,
  SearchReply,
  SearchRequest,
} from '../model/search-index.js';

/**
 * The board's search with its index in a worker (`search-worker.ts`), for boards of many
 * deals: a keystroke posts one query and the board keeps what it shows until the answer, so no
 * task on the page's thread grows with the deals but turning the matching slots back into
 * deals. The index is fed once, in chunks of `CHUNK` deals a task, then only the deals that
 * changed (told apart by identity, as the board's data replaces a changed deal's object). An
 * answer to an older query than the last one asked is dropped: a newer keystroke wins.
 * Same `columns` as `BoardSearch` for the same arguments, once answered.
 */

/** Deals sent to the worker per task when many change at once (the first load, a reload). */
const CHUNK = 4000;

export interface WorkerSearchOptions {
  /** An answer arrived: the board updates, and `columns` answers with it. */
  ready: () => void;
  /** Told of each query, so that the board's `updateComplete` waits for its answer. */
  track: (answered: Promise<void>) => void;
  /** The worker could not start or stopped: the board searches on its own thread instead. */
  failed: (why: unknown) => void;
}

export class WorkerSearch implements ColumnSearch {
  private readonly slotOf = new Map<string, number>();
  /**
   * The deal each slot stands for. An answer's columns read it lazily, so a change of the deals
   * writes to a copy once an answer holds it (`held`).
   */
  private slots: (Deal | undefined)[] = [];
  private held = false;
  private readonly free: number[] = [];
  /** The deals the index was last told of. */
  private fed: readonly Deal[] = [];
  private layoutKey?: string;
  /** Bumped by every change the index is told of. */
  private version = 0;
  /** Every message goes out in order, after the chunks before it. */
  private sending: Promise<void> = Promise.resolve();
  private restFor?: BoardFilter;
  private rest = 0;
  private queries = 0;
  private asked?: { key: string; id: number };
  private readonly waiting = new Map<number, () => void>();
  private kept?: { key: string; columns: BoardColumn[] };
  private namesFor?: unknown[];
  private names: BoardColumn[] = [];
  private stopped = false;

  /**
   * The work done on this thread and in the worker: deals sent to the index, deals turned back
   * from slots into the board's columns, queries asked and deals the worker filtered.
   */
  readonly work = { sent: 0, mapped: 0, queries: 0, filteredInWorker: 0 };

  constructor(
    private readonly worker: Worker,
    private readonly options: WorkerSearchOptions,
  ) {
    worker.addEventListener('message', (e: MessageEvent<SearchReply>) => this.onReply(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.stop(e instanceof ErrorEvent && e.message ? e.message : 'the worker failed to load');
    });
  }

  /**
   * `buildColumns(pipeline, deals, filter, lang, names)` once the worker has answered; until
   * then the columns last answered (of older deals or an older filter), or none at first.
   */
  columns(
    pipeline: Pipeline,
    deals: readonly Deal[],
    filter: BoardFilter,
    lang: Lang,
    names: { won: string; lost: string },
  ): BoardColumn[] {
    if (this.stopped) return this.kept?.columns ?? [];
    this.layout(pipeline);
    if (deals !== this.fed) this.feed(deals);
    if (!this.restFor || !sameRest(this.restFor, filter)) {
      this.restFor = filter;
      this.rest += 1;
    }
    const words = wordsOf(filter.text);
    const key = `${this.version} ${this.rest} ${words.join(' ')}`;
    const named = this.named(pipeline, lang, names);
    if (this.kept?.key !== key && this.asked?.key !== key) this.ask(key, filter, words);
    const shown = this.kept?.columns ?? [];
    // Same columns, other names (the language changed): renamed, not asked again.
    return shown.length === named.length && shown.some((c, i) => c.name !== named[i].name)
      ? (this.kept!.columns = shown.map((c, i) => (c as SlotColumn).renamed(named[i].name)))
      : shown;
  }

  /** Whether the worker still answers. */
  get running(): boolean {
    return !this.stopped;
  }

  /** Changes whenever what `columns` answers may have: an answer arrived. */
  get found(): unknown {
    return this.kept;
  }

  close(): void {
    this.stopped = true;
    this.worker.terminate();
    this.settleAll();
  }

  /** The stages' layout, told to the index when it changes. */
  private layout(pipeline: Pipeline): void {
    const stages = pipeline.stages.map((s) => ({ id: s.id, probability: s.probability ?? 1 }));
    const key = JSON.stringify(stages);
    if (key === this.layoutKey) return;
    this.layoutKey = key;
    // Columns of other stages (another pipeline's) are not shown under these stages' names.
    this.kept = undefined;
    this.version += 1;
    this.post({ kind: 'stages', stages });
  }

  /** The columns' keys and names for this pipeline and language (no deals). */
  private named(pipeline: Pipeline, lang: Lang, names: { won: string; lost: string }) {
    const inputs = [pipeline, lang, names.won, names.lost];
    if (!this.namesFor || inputs.some((v, i) => v !== this.namesFor![i])) {
      this.namesFor = inputs;
      const all: BoardFilter = { text: '', owner: '', staleOnly: false, staleDays: 0, now: 0 };
      this.names = buildColumns(pipeline, [], all, lang, names);
    }
    return this.names;
  }

  /** Tells the index which deals changed and which are gone since it was last fed. */
  private feed(deals: readonly Deal[]): void {
    const { changed, gone } = changedDeals(this.fed, deals);
    this.fed = deals;
    this.version += 1;
    this.sending = this.sending.then(() => this.send(changed, gone)).catch((e) => this.stop(e));
  }

  private async send(changed: Deal[], gone: Deal[]): Promise<void> {
    if (this.held) this.slots = this.slots.slice();
    this.held = false;
    for (let k = 0; k < changed.length; k += CHUNK) {
      if (k > 0) await nextTask();
      const entries = changed.slice(k, k + CHUNK).map((deal) => this.entryOf(deal));
      this.work.sent += entries.length;
      this.post({ kind: 'put', entries });
    }
    // A deal gone whose slot now holds its newer object was changed, not removed.
    const dropped: number[] = [];
    for (const deal of gone) {
      const slot = this.slotOf.get(deal.id);
      if (slot === undefined || this.slots[slot] !== deal) continue;
      this.slotOf.delete(deal.id);
      this.slots[slot] = undefined;
      this.free.push(slot);
      dropped.push(slot);
    }
    if (dropped.length) this.post({ kind: 'drop', slots: dropped });
  }

  private entryOf(deal: Deal): SearchEntry {
    let slot = this.slotOf.get(deal.id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.slots.length;
      this.slotOf.set(deal.id, slot);
    }
    this.slots[slot] = deal;
    const { id, stageId, outcome, stageEnteredAt, updatedAt, rank, amount, owner } = deal;
    return {
      slot,
      id,
      text: dealText(deal),
      stageId,
      outcome,
      stageEnteredAt,
      updatedAt,
      rank,
      amount,
      owner,
    };
  }

  private ask(key: string, filter: BoardFilter, words: string[]): void {
    this.queries += 1;
    this.work.queries += 1;
    const id = this.queries;
    this.asked = { key, id };
    const { owner, staleOnly, staleDays, learned, now } = filter;
    const query: SearchQuery = {
      id,
      words,
      owner,
      staleOnly,
      staleDays,
      learned,
      now,
      rest: this.rest,
    };
    this.options.track(new Promise<void>((resolve) => this.waiting.set(id, resolve)));
    this.sending = this.sending
      .then(() => this.post({ kind: 'query', query }))
      .catch((e) => this.stop(e));
  }

  private post(request: SearchRequest): void {
    if (!this.stopped) this.worker.postMessage(request);
  }

  private onReply(reply: SearchReply): void {
    if (reply.kind !== 'found') return;
    this.work.filteredInWorker += reply.filtered;
    const asked = this.asked;
    if (asked?.id === reply.id) {
      this.kept = { key: asked.key, columns: this.toColumns(reply.columns) };
      this.options.ready();
    }
    // Answers come in the order asked: every query up to this one is answered (or outdated).
    for (const [id, resolve] of this.waiting) {
      if (id > reply.id) continue;
      this.waiting.delete(id);
      resolve();
    }
  }

  /**
   * The columns of the slots found, as they are: a deal is looked up by its slot only when a
   * render (or a key, a drag) reads it, so an answer costs the page no work per match.
   */
  private toColumns(hits: ColumnHits[]): BoardColumn[] {
    const table = this.slots;
    this.held = true;
    const dealAt = (slot: number) => {
      this.work.mapped += 1;
      return table[slot]!;
    };
    return hits.map((hit, c) => new SlotColumn(this.names[c], hit, dealAt));
  }

  private stop(why: unknown): void {
    if (this.stopped) return;
    this.close();
    this.options.failed(why);
  }

  private settleAll(): void {
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }
}

/**
 * A column of a worker's answer: its header's figures as answered, its deals as slots, turned
 * into deals only where read (`slice` for the rows a render shows; `deals`, built once, for
 * what needs them all: a key, a drag, a dialog).
 */
class SlotColumn implements BoardColumn {
  readonly key: string;
  readonly stageId?: string;
  readonly outcome: BoardColumn['outcome'];
  readonly count: number;
  readonly amount: number;
  readonly weighted: number;
  private all?: Deal[];
  /** The rows last read: a render and its Tab stop read the same window. */
  private rows?: { start: number; end: number; deals: Deal[] };

  constructor(
    named: BoardColumn,
    private readonly hit: ColumnHits,
    private readonly dealAt: (slot: number) => Deal,
    readonly name = named.name,
  ) {
    this.key = named.key;
    if (named.stageId !== undefined) this.stageId = named.stageId;
    this.outcome = named.outcome;
    this.count = hit.slots.length;
    this.amount = hit.amount;
    this.weighted = hit.weighted;
  }

  get deals(): Deal[] {
    return (this.all ??= this.slice(0, this.count));
  }

  readonly slice = (start: number, end: number): Deal[] => {
    if (this.all) return this.all.slice(start, end);
    const rows = this.rows;
    if (rows?.start === start && rows.end === end) return rows.deals;
    const deals = Array.from(this.hit.slots.subarray(start, end), this.dealAt);
    this.rows = { start, end, deals };
    return deals;
  };

  renamed(name: string): SlotColumn {
    return new SlotColumn(this, this.hit, this.dealAt, name);
  }
}

/**
 * The deals of `next` that are not in `prev` as the same object (new or changed), and those of
 * `prev` not in `next` as the same object, in one walk when the order is kept (an edit
 * replaces a deal in place, a new deal comes last, a removed one leaves a gap).
 */
export function changedDeals(
  prev: readonly Deal[],
  next: readonly Deal[],
): { changed: Deal[]; gone: Deal[] } {
  const changed: Deal[] = [];
  const gone: Deal[] = [];
  let i = 0;
  let j = 0;
  while (i < next.length && j < prev.length) {
    const a = next[i];
    const b = prev[j];
    if (a === b) {
      i += 1;
      j += 1;
    } else if (prev[j + 1] === a) {
      gone.push(b);
      j += 1;
    } else if (next[i + 1] === b) {
      changed.push(a);
      i += 1;
    } else {
      changed.push(a);
      gone.push(b);
      i += 1;
      j += 1;
    }
  }
  for (; i < next.length; i++) changed.push(next[i]);
  for (; j < prev.length; j++) gone.push(prev[j]);
  // A deal that only moved in the list is in both: it stays.
  if (!changed.length || !gone.length) return { changed, gone };
  const kept = new Set(changed);
  return { changed, gone: gone.filter((deal) => !kept.has(deal)) };
}

/** The stand-in `Worker` below keeps the worker file's URL. */
class WorkerFile {
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {}
}

/**
 * Where the worker's file is. Vite bundles `search-worker.ts` on its own and writes its URL
 * here, and it finds the file only in this shape, `new Worker(new URL(…, import.meta.url), …)`:
 * the `Worker` here is a stand-in that keeps the URL, for `startSearchWorker` to start.
 */
function workerFile(Worker: typeof WorkerFile): WorkerFile {
  return new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts the search worker. A worker's script must be of the page's origin, so when this file
 * is served from another (a CDN), a module of the page's origin (a `blob:` URL) imports it;
 * a page whose `worker-src` refuses `blob:` gets an error, and the board searches on its thread.
 */
export function startSearchWorker(file = workerFile(WorkerFile)): Worker {
  const { url, options } = file;
  if (url.origin === location.origin) return new Worker(url, options);
  const source = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  const boot = URL.createObjectURL(source);
  const worker = new Worker(boot, options);
  const revoke = () => URL.revokeObjectURL(boot);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}
