import { pickText } from '../../../model/format.js';
import type { Deal, DealOutcome, Lang, Pipeline } from '../../../model/types.js';
import { compareRank } from '../../../store/rank.js';

/**
 * What the board shows, computed from the pipeline and its deals without touching the DOM:
 * columns (the stages, then won and lost), the filter, days in stage and the places a card can
 * drop. Kept apart from the element so that 10,000 deals are grouped once per change, not once
 * per scroll frame. The visible window of a column is in `windowing.ts`.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Column keys of the two outcome columns; stage ids are used for the others. */
export const WON_KEY = '@won';
export const LOST_KEY = '@lost';

export interface BoardColumn {
  /** The stage id, or `WON_KEY` / `LOST_KEY`. */
  key: string;
  /** The stage the deals sit in (open deals), absent for the outcome columns. */
  stageId?: string;
  outcome: DealOutcome;
  name: string;
  /** Deals shown (after the filter): by rank in a stage, last closed first in won and lost. */
  deals: Deal[];
  /** `deals.length`, read without building `deals` (see `slice`). */
  count: number;
  /**
   * `deals.slice(start, end)` without building `deals`: a search worker's answer holds its
   * matches as slots and turns only the deals read into deals (`windowOf`).
   */
  slice?: (start: number, end: number) => Deal[];
  amount: number;
  /** Σ amount × stage probability (the amount itself for won deals). */
  weighted: number;
}

/** When an open deal's card turns stale. */
export interface StaleRule {
  /** Days in a stage with nothing learned (or every stage, when `learned` is absent). */
  staleDays: number;
  /** Whole days per stage id, learned from the stage's history (`learnedStaleLimits`). */
  learned?: ReadonlyMap<string, number>;
}

export interface BoardFilter extends StaleRule {
  /** Words that must all appear in the title, company, contact, owner or notes. */
  text: string;
  /** Exact owner, or `''` for anyone. */
  owner: string;
  staleOnly: boolean;
  now: number;
}

/** What a deal's staleness depends on (the search worker holds only these of a deal). */
type Timed = Pick<Deal, 'outcome' | 'stageEnteredAt'>;

export function daysInStage(deal: Pick<Deal, 'stageEnteredAt'>, now: number): number {
  return Math.max(0, Math.floor((now - deal.stageEnteredAt) / DAY_MS));
}

/** An open deal that has waited in its stage longer than `staleDays`. */
export function isStale(deal: Timed, now: number, staleDays: number): boolean {
  return deal.outcome === 'open' && daysInStage(deal, now) > staleDays;
}

/** The days a deal in `stageId` may wait before it is stale, and whether they were learned. */
export function staleLimit(stageId: string, rule: StaleRule): { days: number; learned: boolean } {
  const learned = rule.learned?.get(stageId);
  return learned === undefined
    ? { days: rule.staleDays, learned: false }
    : { days: learned, learned: true };
}

/** Text as the search compares it: without accents, in lower case. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** What the search looks in: the title, company, contact, owner and notes. */
export const dealText = (deal: Pick<Deal, 'title' | 'company' | 'contact' | 'owner' | 'notes'>) =>
  [deal.title, deal.company, deal.contact, deal.owner, deal.notes].filter(Boolean).join(' ');

/** The filter as a predicate; accents and case are ignored, so `lucia` finds `Lucía`. */
export function dealFilter(filter: BoardFilter): (deal: Deal) => boolean {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return (deal) => {
    if (filter.owner && deal.owner !== filter.owner) return false;
    if (filter.staleOnly && !isStale(deal, filter.now, staleLimit(deal.stageId, filter).days)) {
      return false;
    }
    if (words.length === 0) return true;
    const hay = fold(dealText(deal));
    return words.every((w) => hay.includes(w));
  };
}

/** The order of the won and lost columns: last closed first. */
export const closedNewestFirst = (
  a: Pick<Deal, 'updatedAt' | 'id'>,
  b: Pick<Deal, 'updatedAt' | 'id'>,
) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);

/**
 * The columns of the board: one per stage (open deals), then won and lost. Totals are of the
 * deals shown, so a header always agrees with its cards. Deals whose stage no longer exists
 * (removed in another tab a moment ago) are shown in the first column rather than hidden.
 */
export function buildColumns(
  pipeline: Pipeline,
  deals: readonly Deal[],
  filter: BoardFilter,
  lang: Lang,
  names: { won: string; lost: string },
): BoardColumn[] {
  const column = (key: string, outcome: DealOutcome, name: string, stageId?: string) => ({
    key,
    outcome,
    name,
    deals: [] as Deal[],
    count: 0,
    amount: 0,
    weighted: 0,
    ...(stageId === undefined ? {} : { stageId }),
  });
  const stages = pipeline.stages.map((s) =>
    column(s.id, 'open', pickText(s.names, lang, s.name) || s.name, s.id),
  );
  const probability = new Map(pipeline.stages.map((s) => [s.id, s.probability ?? 1]));
  const byStage = new Map(stages.map((c) => [c.key, c]));
  const won = column(WON_KEY, 'won', names.won);
  const lost = column(LOST_KEY, 'lost', names.lost);
  const keep = dealFilter(filter);
  for (const d of deals) {
    if (!keep(d)) continue;
    const col =
      d.outcome === 'won'
        ? won
        : d.outcome === 'lost'
          ? lost
          : (byStage.get(d.stageId) ?? stages[0]);
    if (!col) continue;
    col.deals.push(d);
    col.count += 1;
    col.amount += d.amount;
    if (d.outcome === 'won') col.weighted += d.amount;
    else if (d.outcome === 'open') col.weighted += d.amount * (probability.get(col.key) ?? 1);
  }
  for (const c of stages) c.deals.sort(compareRank);
  won.deals.sort(closedNewestFirst);
  lost.deals.sort(closedNewestFirst);
  return [...stages, won, lost];
}

/**
 * What dropping `dealId` at `slot` of a column means (`slot` 0…length: the gaps between the
 * cards shown, top to bottom): `undefined` when the card would stay where it is, else the id
 * of the card it goes above, or `null` for the bottom.
 */
export function beforeAtSlot(
  deals: readonly { id: string }[],
  dealId: string,
  slot: number,
): string | null | undefined {
  const at = deals.findIndex((d) => d.id === dealId);
  if (at >= 0 && (slot === at || slot === at + 1)) return undefined;
  return deals[slot]?.id ?? null;
}

/**
 * The slot (as in `beforeAtSlot`) that puts `dealId` at `position` of the column once moved
 * there (0 = top; positions count the card itself, wherever it comes from).
 */
export function slotForPosition(
  deals: readonly { id: string }[],
  dealId: string,
  position: number,
): number {
  const at = deals.findIndex((d) => d.id === dealId);
  return at >= 0 && position >= at ? position + 1 : position;
}

/**
 * The deal right below `deal` in its stage's order, counting every deal (hidden by a filter or
 * closed too), or `null` at the bottom: where an undo puts it back.
 */
export function nextInStage(deals: readonly Deal[], deal: Deal): string | null {
  let next: Deal | undefined;
  for (const d of deals) {
    if (d.stageId !== deal.stageId || d.id === deal.id || compareRank(deal, d) >= 0) continue;
    if (!next || compareRank(d, next) < 0) next = d;
  }
  return next?.id ?? null;
}

/** The column a deal belongs in. */
export function columnKeyOf(deal: Deal): string {
  return deal.outcome === 'won' ? WON_KEY : deal.outcome === 'lost' ? LOST_KEY : deal.stageId;
}

/** Owners named on any deal, sorted for the filter menu. */
export function ownersOf(deals: readonly Deal[], lang: Lang): string[] {
  const set = new Set<string>();
  for (const d of deals) if (d.owner) set.add(d.owner);
  return [...set].sort((a, b) => a.localeCompare(b, lang));
}
