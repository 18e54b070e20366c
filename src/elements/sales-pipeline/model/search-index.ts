import type { Deal } from '../../../model/types.js';
import { compareRank } from '../../../store/rank.js';
import { closedNewestFirst, fold, isStale, staleLimit } from './board-model.js';

/**
 * The board's search index as the search worker keeps it (`search-worker.ts`): each deal's
 * folded text and what its column, order, staleness and totals need, by slot (a number the
 * page gives each deal id), and each column's slots in the board's order. Kept in step with
 * the board by `put` and `drop` of the deals that changed, never rebuilt for an edit. A query
 * answers each column's matching slots in order, with the column's totals of them: the page
 * turns slots back into its deals without looking at any of them. Same columns, order and
 * totals as `buildColumns` (tested against it through the page's side, `WorkerSearch`).
 */

/** What the index holds of a deal. */
export interface SearchEntry extends Pick<
  Deal,
  'id' | 'stageId' | 'outcome' | 'stageEnteredAt' | 'updatedAt' | 'rank' | 'amount' | 'owner'
> {
  slot: number;
  /** `dealText(deal)`, folded here. */
  text: string;
}

export interface SearchQuery {
  id: number;
  /** Folded words that must all appear. */
  words: string[];
  owner: string;
  staleOnly: boolean;
  staleDays: number;
  learned?: ReadonlyMap<string, number>;
  now: number;
  /** Changes whenever anything but the words does: a query of the same `rest` may narrow. */
  rest: number;
}

/** A column's matches: its slots in the board's order and their totals. */
export interface ColumnHits {
  slots: Int32Array;
  amount: number;
  weighted: number;
}

/** A stage of the column layout: its id and its probability (the weighted total's factor). */
export interface StageLayout {
  id: string;
  probability: number;
}

export type SearchRequest =
  | { kind: 'stages'; stages: StageLayout[] }
  | { kind: 'put'; entries: SearchEntry[] }
  | { kind: 'drop'; slots: number[] }
  | { kind: 'query'; query: SearchQuery };

export type SearchReply =
  { kind: 'ready' } | { kind: 'found'; id: number; columns: ColumnHits[]; filtered: number };

interface Indexed extends SearchEntry {
  folded: string;
  column: number;
}

/** More changed deals than this in one call are appended and the columns sorted once. */
const FEW = 256;

export class SearchIndex {
  private readonly entries: (Indexed | undefined)[] = [];
  private stages: StageLayout[] = [];
  private columnOf = new Map<string, number>();
  /** Each column's slots in the board's order (stages, then won and lost). */
  private columns: number[][] = [[], []];
  /** Columns whose order is due (many deals appended): sorted before the next query. */
  private readonly unsorted = new Set<number>();
  /** Bumped by every change, so a query never narrows a result of other deals. */
  private version = 0;
  private last?: { query: SearchQuery; version: number; hits: Int32Array[] };

  /** The work done: deals filtered by queries, texts folded. */
  readonly work = { filtered: 0, folded: 0 };

  handle(request: SearchRequest): SearchReply | undefined {
    switch (request.kind) {
      case 'stages':
        this.layout(request.stages);
        return undefined;
      case 'put':
        this.put(request.entries);
        return undefined;
      case 'drop':
        this.drop(request.slots);
        return undefined;
      case 'query': {
        const filtered = this.work.filtered;
        const columns = this.query(request.query);
        return {
          kind: 'found',
          id: request.query.id,
          columns,
          filtered: this.work.filtered - filtered,
        };
      }
    }
  }

  /** The columns' layout: a column per stage, then won and lost; every deal placed again. */
  layout(stages: StageLayout[]): void {
    this.stages = stages;
    this.columnOf = new Map(stages.map((s, i) => [s.id, i]));
    this.columns = Array.from({ length: stages.length + 2 }, () => []);
    for (const e of this.entries) {
      if (!e) continue;
      e.column = this.columnFor(e);
      this.append(e);
    }
    this.changed();
  }

  put(entries: readonly SearchEntry[]): void {
    const many = entries.length > FEW;
    if (many) this.unplaceAll(entries.map((e) => e.slot));
    for (const entry of entries) {
      const old = this.entries[entry.slot];
      if (old && !many) this.unplace(old);
      const had = old?.text === entry.text ? old.folded : undefined;
      if (had === undefined) this.work.folded += 1;
      const e: Indexed = { ...entry, folded: had ?? fold(entry.text), column: 0 };
      e.column = this.columnFor(e);
      this.entries[entry.slot] = e;
      if (many) this.append(e);
      else this.insert(e);
    }
    this.changed();
  }

  drop(slots: readonly number[]): void {
    const many = slots.length > FEW;
    if (many) this.unplaceAll(slots);
    for (const slot of slots) {
      const e = this.entries[slot];
      if (e && !many) this.unplace(e);
      this.entries[slot] = undefined;
    }
    this.changed();
  }

  query(q: SearchQuery): ColumnHits[] {
    for (const c of this.unsorted) this.sortColumn(c);
    this.unsorted.clear();
    const last = this.last;
    // Typing on only narrows: what the last search left out stays out.
    const narrow =
      last !== undefined &&
      last.version === this.version &&
      last.query.rest === q.rest &&
      q.words.join(' ').startsWith(last.query.words.join(' '));
    const hits = this.columns.map((slots, c) => this.match(narrow ? last.hits[c] : slots, q));
    this.last = { query: q, version: this.version, hits };
    return hits.map((slots, c) => {
      const factor = this.factorOf(c);
      let amount = 0;
      let weighted = 0;
      for (let i = 0; i < slots.length; i++) {
        const value = this.entries[slots[i]]!.amount;
        amount += value;
        weighted += value * factor;
      }
      return { slots: slots.slice(), amount, weighted };
    });
  }

  private match(from: ArrayLike<number>, q: SearchQuery): Int32Array {
    const out = new Int32Array(from.length);
    let n = 0;
    const { words, owner, staleOnly } = q;
    this.work.filtered += from.length;
    for (let i = 0; i < from.length; i++) {
      const e = this.entries[from[i]]!;
      if (owner && e.owner !== owner) continue;
      if (staleOnly && !isStale(e, q.now, staleLimit(e.stageId, q).days)) continue;
      let found = true;
      for (let w = 0; found && w < words.length; w++) found = e.folded.includes(words[w]);
      if (found) out[n++] = e.slot;
    }
    return out.slice(0, n);
  }

  /** The weighted total's factor of column `c`: the stage's probability, 1 for won, 0 for lost. */
  private factorOf(c: number): number {
    const n = this.stages.length;
    return c < n ? this.stages[c].probability : c === n ? 1 : 0;
  }

  private columnFor(e: Pick<Deal, 'outcome' | 'stageId'>): number {
    const n = this.stages.length;
    if (e.outcome === 'won') return n;
    if (e.outcome === 'lost') return n + 1;
    // A stage removed a moment ago: its deals show in the first column (none without stages).
    return this.columnOf.get(e.stageId) ?? (n > 0 ? 0 : -1);
  }

  private compare(c: number): (a: number, b: number) => number {
    const at = (slot: number) => this.entries[slot]!;
    return c < this.stages.length
      ? (a, b) => compareRank(at(a), at(b))
      : (a, b) => closedNewestFirst(at(a), at(b));
  }

  private sortColumn(c: number): void {
    this.columns[c].sort(this.compare(c));
  }

  private append(e: Indexed): void {
    if (e.column < 0) return;
    this.columns[e.column].push(e.slot);
    this.unsorted.add(e.column);
  }

  /** Into its column at its place, found by halving. */
  private insert(e: Indexed): void {
    if (e.column < 0) return;
    if (this.unsorted.has(e.column)) return this.append(e);
    const list = this.columns[e.column];
    const compare = this.compare(e.column);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(list[mid], e.slot) < 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, e.slot);
  }

  private unplace(e: Indexed): void {
    if (e.column < 0) return;
    const list = this.columns[e.column];
    list.splice(list.indexOf(e.slot), 1);
  }

  /** Takes these slots out of their columns in one pass over each column they were in. */
  private unplaceAll(slots: readonly number[]): void {
    const out = new Set<number>();
    const columns = new Set<number>();
    for (const slot of slots) {
      const e = this.entries[slot];
      if (!e || e.column < 0) continue;
      out.add(slot);
      columns.add(e.column);
    }
    for (const c of columns) this.columns[c] = this.columns[c].filter((slot) => !out.has(slot));
  }

  private changed(): void {
    this.version += 1;
    this.last = undefined;
  }
}
