import type { Deal, Lang, Pipeline } from '../../../model/types.js';
import {
  buildColumns,
  dealText,
  fold,
  isStale,
  ownersOf,
  staleLimit,
  type BoardColumn,
  type BoardFilter,
} from './board-model.js';

/**
 * The board's columns for each keystroke of the search, at 100,000 deals, without a long task:
 * what does not depend on the filter (each deal's folded text, its column, the columns' order,
 * the owners) is computed once per change of the deals, and a keystroke only runs the filter
 * over it. A deal's folded text is reused while the deal is the same object, so a change from
 * the feed (one new deal object in a new array) folds one deal again. Typing on (a search that
 * extends the last one) filters the last result only. A pass over more than `slice` deals (a
 * backspace at 100,000) runs in slices, one task each, when the board gives `ready`: until it
 * is done the last result stays shown, then `ready` asks for the board's update.
 * Same columns as `buildColumns` with the same filter, always (tested against it).
 */

/** A column's deals in the board's order, each with its folded text. */
interface Sorted {
  column: BoardColumn;
  deals: Deal[];
  texts: string[];
  /** The stage's probability, for the weighted total of open deals. */
  probability: number;
}

/** What a filter kept, per column, and the filter it was. */
interface Kept {
  filter: BoardFilter;
  words: string;
  base: Sorted[];
  columns: Sorted[];
  result: BoardColumn[];
}

export interface SearchOptions {
  /** Called when a sliced pass is done: the board updates, and `columns` answers with it. */
  ready?: () => void;
  /** Told of each sliced pass, so that the board's `updateComplete` waits for it. */
  track?: (pass: Promise<void>) => void;
  /** Deals filtered per task. */
  slice?: number;
}

/** About 4 ms of filtering on a laptop; a pass over fewer deals runs at once. */
const SLICE = 20_000;

/** The folded words a search text asks for. */
export const wordsOf = (text: string) => fold(text).split(/\s+/).filter(Boolean);

/** Lets the page handle input and paint between slices. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A board's search, on this thread (`BoardSearch`) or in a worker (`WorkerSearch`): the one
 * `BoardFiltering` picks by the board's size gives the same columns.
 */
export interface ColumnSearch {
  /** `buildColumns(pipeline, deals, filter, lang, names)`, or the last found while it runs. */
  columns(
    pipeline: Pipeline,
    deals: readonly Deal[],
    filter: BoardFilter,
    lang: Lang,
    names: { won: string; lost: string },
  ): BoardColumn[];
  /** A new value each time a search ended, so that what depends on its answer is derived again. */
  readonly found: unknown;
}

export class BoardSearch implements ColumnSearch {
  private texts = new Map<string, { deal: Deal; text: string }>();
  private sortedFor?: unknown[];
  private sorted: Sorted[] = [];
  private ownersFor?: unknown[];
  private ownerList: string[] = [];
  private kept?: Kept;
  /** The sliced pass under way, if any. */
  private running?: { filter: BoardFilter; words: string; base: Sorted[] };
  /** Bumped by every pass started, so that an outdated one stops. */
  private generation = 0;

  /** The work done, for a test to see what a keystroke costs: deals filtered, texts folded. */
  readonly work = { filtered: 0, folded: 0 };

  constructor(private readonly options: SearchOptions = {}) {}

  /** The owners named on any deal (`ownersOf`), once per change of the deals. */
  owners(deals: readonly Deal[], lang: Lang): string[] {
    if (this.ownersFor?.[0] !== deals || this.ownersFor[1] !== lang) {
      this.ownersFor = [deals, lang];
      this.ownerList = ownersOf(deals, lang);
    }
    return this.ownerList;
  }

  /**
   * `buildColumns(pipeline, deals, filter, lang, names)`; while a sliced pass for it runs, the
   * columns last found (of the same deals) instead, and `found` changes once it is done.
   */
  columns(
    pipeline: Pipeline,
    deals: readonly Deal[],
    filter: BoardFilter,
    lang: Lang,
    names: { won: string; lost: string },
  ): BoardColumn[] {
    this.sort(pipeline, deals, lang, names);
    const words = wordsOf(filter.text).join(' ');
    const base = this.sorted;
    const same = (k?: { filter: BoardFilter; words: string; base: Sorted[] }) =>
      k !== undefined && k.base === base && sameRest(k.filter, filter);
    const last = this.kept;
    if (same(last) && words === last!.words) return last!.result;
    if (same(this.running) && words === this.running!.words) return last?.result ?? [];
    // Typing on only narrows: what the last search left out stays out.
    const from = same(last) && words.startsWith(last!.words) ? last!.columns : base;
    const size = from.reduce((n, c) => n + c.deals.length, 0);
    const slice = this.options.slice ?? SLICE;
    this.generation += 1;
    this.running = undefined;
    // New deals are filtered at once: there is no result of them to show meanwhile.
    if (size <= slice || !this.options.ready || last?.base !== base) {
      return this.keep(filter, words, base, from);
    }
    this.running = { filter, words, base };
    const pass = this.slices(filter, words, base, from, slice, this.generation);
    this.options.track?.(pass);
    return last.result;
  }

  /** Changes whenever what `columns` answers may have: a sliced pass is done. */
  get found(): unknown {
    return this.kept;
  }

  /** The pass in slices of `slice` deals, one task each; stops once another pass started. */
  private async slices(
    filter: BoardFilter,
    words: string,
    base: Sorted[],
    from: Sorted[],
    slice: number,
    generation: number,
  ): Promise<void> {
    const partial = from.map((c) => ({ ...c, deals: [] as Deal[], texts: [] as string[] }));
    for (let c = 0; c < from.length; c++) {
      for (let i = 0; i < from[c].deals.length; i += slice) {
        await nextTask();
        if (generation !== this.generation) return;
        this.filterInto(partial[c], from[c], filter, words, i, i + slice);
      }
    }
    this.running = undefined;
    this.finish(filter, words, base, partial);
    this.options.ready?.();
  }

  /** Filters every deal of `from` at once. */
  private keep(filter: BoardFilter, words: string, base: Sorted[], from: Sorted[]): BoardColumn[] {
    const kept = from.map((c) => {
      const into = { ...c, deals: [] as Deal[], texts: [] as string[] };
      this.filterInto(into, c, filter, words, 0, c.deals.length);
      return into;
    });
    return this.finish(filter, words, base, kept);
  }

  /** Remembers what the filter kept, with each column's totals of it. */
  private finish(
    filter: BoardFilter,
    words: string,
    base: Sorted[],
    kept: Sorted[],
  ): BoardColumn[] {
    const result = kept.map(({ column, deals, probability }) => {
      let amount = 0;
      let weighted = 0;
      for (const deal of deals) {
        amount += deal.amount;
        if (column.outcome === 'won') weighted += deal.amount;
        else if (column.outcome === 'open') weighted += deal.amount * probability;
      }
      return { ...column, deals, count: deals.length, amount, weighted };
    });
    this.kept = { filter, words, base, columns: kept, result };
    return result;
  }

  /** Adds the deals `start`…`end` of `from` the filter keeps to `into`. */
  private filterInto(
    into: Sorted,
    from: Sorted,
    filter: BoardFilter,
    words: string,
    start: number,
    end: number,
  ): void {
    const wanted = words ? words.split(' ') : [];
    const stop = Math.min(end, from.deals.length);
    this.work.filtered += Math.max(0, stop - start);
    for (let i = start; i < stop; i++) {
      const deal = from.deals[i];
      if (filter.owner && deal.owner !== filter.owner) continue;
      if (filter.staleOnly && !isStale(deal, filter.now, staleLimit(deal.stageId, filter).days)) {
        continue;
      }
      const text = from.texts[i];
      let found = true;
      // A plain loop: a closure per deal costs more than the search at 100,000 deals.
      for (let w = 0; found && w < wanted.length; w++) found = text.includes(wanted[w]);
      if (!found) continue;
      into.deals.push(deal);
      into.texts.push(text);
    }
  }

  /** The columns of every deal, sorted, with their folded texts: once per change of the deals. */
  private sort(
    pipeline: Pipeline,
    deals: readonly Deal[],
    lang: Lang,
    names: { won: string; lost: string },
  ): void {
    const inputs = [pipeline, deals, lang, names.won, names.lost];
    if (this.sortedFor && inputs.every((v, i) => v === this.sortedFor![i])) return;
    this.sortedFor = inputs;
    const all: BoardFilter = { text: '', owner: '', staleOnly: false, staleDays: 0, now: 0 };
    const texts = new Map<string, { deal: Deal; text: string }>();
    for (const deal of deals) {
      const had = this.texts.get(deal.id);
      if (had?.deal === deal) texts.set(deal.id, had);
      else {
        this.work.folded += 1;
        texts.set(deal.id, { deal, text: fold(dealText(deal)) });
      }
    }
    this.texts = texts;
    const probability = new Map(pipeline.stages.map((s) => [s.id, s.probability ?? 1]));
    this.sorted = buildColumns(pipeline, deals, all, lang, names).map((column) => ({
      column,
      deals: column.deals,
      texts: column.deals.map((d) => texts.get(d.id)!.text),
      probability: probability.get(column.key) ?? 1,
    }));
  }
}

/** Whether two filters differ in their text only. */
export function sameRest(a: BoardFilter, b: BoardFilter): boolean {
  return (
    a.owner === b.owner &&
    a.staleOnly === b.staleOnly &&
    a.staleDays === b.staleDays &&
    a.learned === b.learned &&
    a.now === b.now
  );
}
