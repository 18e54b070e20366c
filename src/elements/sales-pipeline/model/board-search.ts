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
 * The board's columns for each keystroke of the search, at 100,000 deals, in a few
 * milliseconds: what does not depend on the filter (each deal's folded text, its column, the
 * columns' order, the owners) is computed once per change of the deals, and a keystroke only
 * runs the filter over it. A deal's folded text is reused while the deal is the same object,
 * so a change from the feed (one new deal object in a new array) folds one deal again. Typing
 * on (a search that extends the last one) filters the last result only, not every deal.
 * Same columns as `buildColumns` with the same filter, always (tested against it).
 */

/** A column of every deal, in the board's order, each deal with its folded text. */
interface Sorted {
  column: BoardColumn;
  deals: Deal[];
  texts: string[];
  /** The stage's probability, for the weighted total of open deals. */
  probability: number;
}

/** What the last filter kept, per column, and the filter it was. */
interface Kept {
  filter: BoardFilter;
  words: string;
  columns: Sorted[];
  result: BoardColumn[];
}

const wordsOf = (text: string) => fold(text).split(/\s+/).filter(Boolean);

export class BoardSearch {
  private texts = new Map<string, { deal: Deal; text: string }>();
  private sortedFor?: unknown[];
  private sorted: Sorted[] = [];
  private ownersFor?: unknown[];
  private ownerList: string[] = [];
  private kept?: Kept;

  /** The work done, for a test to see what a keystroke costs: deals filtered, texts folded. */
  readonly work = { filtered: 0, folded: 0 };

  /** The owners named on any deal (`ownersOf`), once per change of the deals. */
  owners(deals: readonly Deal[], lang: Lang): string[] {
    if (this.ownersFor?.[0] !== deals || this.ownersFor[1] !== lang) {
      this.ownersFor = [deals, lang];
      this.ownerList = ownersOf(deals, lang);
    }
    return this.ownerList;
  }

  /** `buildColumns(pipeline, deals, filter, lang, names)`. */
  columns(
    pipeline: Pipeline,
    deals: readonly Deal[],
    filter: BoardFilter,
    lang: Lang,
    names: { won: string; lost: string },
  ): BoardColumn[] {
    this.sort(pipeline, deals, lang, names);
    const words = wordsOf(filter.text).join(' ');
    const last = this.kept;
    // Typing on only narrows: what the last search left out stays out.
    const narrows =
      last !== undefined &&
      last.columns.length === this.sorted.length &&
      last.columns.every((c, i) => c.column.key === this.sorted[i].column.key) &&
      sameRest(last.filter, filter) &&
      words.startsWith(last.words);
    if (last && narrows && words === last.words) return last.result;
    const from = narrows ? last.columns : this.sorted;
    const columns = from.map((c) => this.keep(c, filter, words));
    const result = columns.map((c) => c.column);
    this.kept = { filter, words, columns, result };
    return result;
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
    this.kept = undefined;
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

  /** The deals of `from` the filter keeps, with the column's totals of them. */
  private keep(from: Sorted, filter: BoardFilter, words: string): Sorted {
    const wanted = words ? words.split(' ') : [];
    const { column } = from;
    const deals: Deal[] = [];
    const texts: string[] = [];
    let amount = 0;
    let weighted = 0;
    const probability = from.probability;
    this.work.filtered += from.deals.length;
    for (let i = 0; i < from.deals.length; i++) {
      const deal = from.deals[i];
      if (filter.owner && deal.owner !== filter.owner) continue;
      if (filter.staleOnly && !isStale(deal, filter.now, staleLimit(deal.stageId, filter).days)) {
        continue;
      }
      const text = from.texts[i];
      if (!wanted.every((w) => text.includes(w))) continue;
      deals.push(deal);
      texts.push(text);
      amount += deal.amount;
      if (column.outcome === 'won') weighted += deal.amount;
      else if (column.outcome === 'open') weighted += deal.amount * probability;
    }
    const kept = { ...column, deals, count: deals.length, amount, weighted };
    return { column: kept, deals, texts, probability };
  }
}

/** Whether two filters differ in their text only. */
function sameRest(a: BoardFilter, b: BoardFilter): boolean {
  return (
    a.owner === b.owner &&
    a.staleOnly === b.staleOnly &&
    a.staleDays === b.staleDays &&
    a.learned === b.learned &&
    a.now === b.now
  );
}
