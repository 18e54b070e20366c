import { formatInteger } from '../../../model/format.js';
import type { Deal, DealOutcome, Lang } from '../../../model/types.js';
import type { DeletedDeal } from '../../../store/repository.js';
import { compareRank } from '../../../store/rank.js';
import { t } from '../../i18n.js';
import {
  LOST_KEY,
  WON_KEY,
  beforeAtSlot,
  dealFilter,
  nextInStage,
  type BoardFilter,
} from './board-model.js';
import type { BoardPlace, DealBeforeMoveDetail } from '../events.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The rules of a move, whatever made it (a drop, a key, the page's `moveDeal()`, an undo):
 * where a column takes a deal, whether anything changes, what undo remembers and where it
 * puts the deal back, and what is announced. Pure; `board-moves.ts` stores the moves.
 */

export type MoveSource = DealBeforeMoveDetail['source'];

/** What the last undoable action was, to reverse it. */
export type UndoEntry =
  | {
      kind: 'move';
      dealId: string;
      title: string;
      from: BoardPlace;
      /** The deal it was above in its stage (`null`: the bottom), to put it back there. */
      before?: string | null;
      lostReason?: string;
    }
  | { kind: 'delete'; snapshot: DeletedDeal };

export const placeOf = (d: Deal): BoardPlace => ({ stageId: d.stageId, outcome: d.outcome });

export const samePlace = (a: BoardPlace, b: BoardPlace): boolean =>
  a.outcome === b.outcome && (a.outcome !== 'open' || a.stageId === b.stageId);

/** The column key of a place: its stage, or the won / lost column. */
export const keyOfPlace = (p: BoardPlace): string =>
  p.outcome === 'won' ? WON_KEY : p.outcome === 'lost' ? LOST_KEY : p.stageId;

/** Where column `key` puts `deal`: won and lost keep the stage the deal closed in. */
export function placeFor(key: string, deal: Deal): BoardPlace {
  if (key === WON_KEY) return { stageId: deal.stageId, outcome: 'won' };
  if (key === LOST_KEY) return { stageId: deal.stageId, outcome: 'lost' };
  return { stageId: key, outcome: 'open' };
}

/** The column and lost reason of a move a page asks for with `moveDeal()`. */
export function requestedMove(
  deal: Deal,
  to: { stageId?: string; outcome?: DealOutcome; reason?: string },
): { key: string; reason?: string } {
  const key =
    to.outcome === 'won'
      ? WON_KEY
      : to.outcome === 'lost'
        ? LOST_KEY
        : (to.stageId ?? deal.stageId);
  // A page's move to lost needs no dialog: no reason given is an empty one.
  return { key, reason: to.reason ?? (to.outcome === 'lost' ? '' : undefined) };
}

export interface MovePlan {
  from: BoardPlace;
  to: BoardPlace;
  /** Where in an open stage's column: `{ before }`, or `{}` for no choice (top, won, lost). */
  place: { before?: string | null };
}

/**
 * Moving `deal` to column `key` (above `before`, `null`: the bottom): `undefined` when nothing
 * would change. Won and lost are ordered by when deals closed, so a place there is dropped.
 */
export function planMove(deal: Deal, key: string, before?: string | null): MovePlan | undefined {
  const from = placeOf(deal);
  const to = placeFor(key, deal);
  const place = to.outcome === 'open' && before !== undefined ? { before } : {};
  if (samePlace(from, to) && !('before' in place)) return undefined;
  return { from, to, place };
}

/**
 * The place one step up (`-1`) or down (`1`) in a column for the card `dealId` (as `before`
 * of `planMove`), or `undefined` when it is already first or last.
 */
export function stepPlace(
  deals: readonly { id: string }[],
  dealId: string,
  step: -1 | 1,
): string | null | undefined {
  const at = deals.findIndex((d) => d.id === dealId);
  if (at < 0 || at + step < 0 || at + step >= deals.length) return undefined;
  return beforeAtSlot(deals, dealId, step < 0 ? at - 1 : at + 2);
}

/** The undo entry of a move about to be made, taken before the move changes the order. */
export function undoEntryOf(deal: Deal, from: BoardPlace, deals: readonly Deal[]): UndoEntry {
  const before = from.outcome === 'open' ? nextInStage(deals, deal) : undefined;
  return {
    kind: 'move',
    dealId: deal.id,
    title: deal.title,
    from,
    ...(before === undefined ? {} : { before }),
    ...(deal.lostReason ? { lostReason: deal.lostReason } : {}),
  };
}

/**
 * Where undoing a move puts the deal: back above the deal it was above, if that is still in the
 * stage; else at the top of a stage it left, or at the bottom of its own.
 */
export function undoTarget(
  entry: Extract<UndoEntry, { kind: 'move' }>,
  deal: Deal,
  deals: readonly Deal[],
): { key: string; before?: string | null; reason: string } {
  let before = entry.before;
  const anchor = before ? deals.find((d) => d.id === before) : undefined;
  if (before && anchor?.stageId !== entry.from.stageId) {
    before = samePlace(placeOf(deal), entry.from) ? null : undefined;
  }
  return {
    key: keyOfPlace(entry.from),
    ...(before === undefined ? {} : { before }),
    reason: entry.lostReason ?? '',
  };
}

/** The Undo button's label: what it would undo. */
export function undoLabel(entry: UndoEntry | undefined, s: PipelineStrings): string {
  if (!entry) return s.undo;
  return entry.kind === 'move'
    ? t(s.undoMove, { title: entry.title })
    : t(s.undoDelete, { title: entry.snapshot.deal.title });
}

/** Where a deal now sits among the deals shown in its stage: 1-based, and how many. */
export function positionInStage(
  deals: readonly Deal[],
  deal: Deal,
  filter: BoardFilter,
): { position: number; count: number } {
  const shown = dealFilter(filter);
  const column = deals
    .filter((d) => d.outcome === 'open' && d.stageId === deal.stageId && shown(d))
    .sort(compareRank);
  return { position: column.findIndex((d) => d.id === deal.id) + 1, count: column.length };
}

export interface MovedView {
  source: MoveSource;
  plan: MovePlan;
  title: string;
  reason?: string;
  /** The name of the column the deal went to. */
  column: string;
  /** Where it went, for a reorder within its column. */
  position?: { position: number; count: number };
}

/** The one sentence a stored move is announced with. */
export function movedText(view: MovedView, s: PipelineStrings, lang: Lang): string {
  const { source, plan, title, column } = view;
  if (source === 'undo') return s.undone;
  if (samePlace(plan.from, plan.to)) {
    const { position = 0, count = 0 } = view.position ?? {};
    return t(s.reordered, {
      title,
      position: formatInteger(position, lang),
      count: formatInteger(count, lang),
      column,
    });
  }
  if (plan.to.outcome === 'won') return t(s.markedWon, { title });
  if (plan.to.outcome === 'lost') return t(s.markedLost, { title, reason: view.reason ?? '' });
  return t(plan.from.outcome === 'open' ? s.movedTo : s.reopenedIn, { title, column });
}

/** The local day of a time, as `yyyy-mm-dd`. */
export function localDay(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * When a deal won on `day` is stored as won: now for today, else noon of that day, and never
 * before it entered its stage (`since`), so its history stays in order.
 */
export function wonAt(day: string, now: number, since: number): number {
  if (day === localDay(now)) return now;
  const [y, m, d] = day.split('-').map(Number);
  return Math.max(since, new Date(y!, m! - 1, d!, 12).getTime());
}
