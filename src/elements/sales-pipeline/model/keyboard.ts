import { formatInteger } from '../../../model/format.js';
import type { DealOutcome, Lang } from '../../../model/types.js';
import { t } from '../../i18n.js';
import { beforeAtSlot, slotForPosition } from './board-model.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The board's keyboard, as a pure reducer: `boardKey(state, key, columns)` says where the
 * focus goes, what is picked up and where it would drop, what to announce, which row to scroll
 * into view and which move to make. The element applies the answer; nothing here touches the
 * DOM, so every key sequence can be checked in milliseconds.
 *
 * Browsing: arrows, Home, End, PageUp and PageDown move between cards; Space or Enter picks
 * the focused card up; M opens its "Move to…" dialog; E or F2 edits it; Delete deletes it. With a card picked up: Up and Down
 * choose its place in the target column, Left, Right, Home and End the column, Space or Enter
 * drop it, Escape (or Tab away) cancels. The card stays where it is until dropped.
 */

/** What the reducer needs of a column (a `BoardColumn` fits). */
export interface KeyColumn {
  key: string;
  name: string;
  outcome: DealOutcome;
  deals: readonly { id: string; title: string }[];
}

/** A card picked up with the keyboard, and where it would drop. */
export interface Grab {
  dealId: string;
  targetKey: string;
  /**
   * The position (0 = top, counting the card) asked for with Up and Down; kept while Left and
   * Right change column, clamped to each column's length, so going back returns to it.
   */
  wanted: number;
}

export interface KeyboardState {
  /** The card that has (or last had) the focus: the board's Tab stop. */
  activeId?: string;
  grab?: Grab;
}

/** What to say, worded by `announcementText`. Positions and indexes count from 1. */
export type Announcement =
  | { kind: 'picked-up'; title: string; column: string; position: number; count: number }
  | { kind: 'over'; title: string; column: string; index: number; columns: number }
  | {
      kind: 'over-at';
      title: string;
      column: string;
      index: number;
      columns: number;
      position: number;
      size: number;
    }
  | { kind: 'position'; title: string; column: string; position: number; count: number }
  | { kind: 'cancelled'; title: string };

export interface KeyResult {
  state: KeyboardState;
  /** The key meant something here: the board prevents its default action. */
  handled: boolean;
  announce?: Announcement;
  /** The card to focus. */
  focus?: string;
  /** A row of a column to bring into view (where the drop marker is). */
  scroll?: { key: string; index: number };
  /** The move to make; the move itself says how it ended. */
  drop?: { dealId: string; key: string; before?: string | null };
  command?: { kind: 'edit' | 'move' | 'delete'; dealId: string };
}

export interface KeyOptions {
  /** Cards skipped by PageUp and PageDown. */
  pageSize: number;
}

const unhandled = (state: KeyboardState): KeyResult => ({ state, handled: false });

export function boardKey(
  state: KeyboardState,
  key: string,
  columns: readonly KeyColumn[],
  options: KeyOptions,
): KeyResult {
  const { grab } = state;
  if (grab && grab.dealId === state.activeId) return grabbedKey(state, grab, key, columns);
  return browseKey(state, key, columns, options);
}

/** Where a card sits: its column's index and its index in that column, or `undefined`. */
function find(columns: readonly KeyColumn[], id: string | undefined) {
  if (id === undefined) return undefined;
  for (const [c, col] of columns.entries()) {
    const i = col.deals.findIndex((d) => d.id === id);
    if (i >= 0) return { c, i, col, deal: col.deals[i]! };
  }
  return undefined;
}

function browseKey(
  state: KeyboardState,
  key: string,
  columns: readonly KeyColumn[],
  { pageSize }: KeyOptions,
): KeyResult {
  const at = find(columns, state.activeId);
  if (!at) return unhandled(state);
  const { c, i, col, deal } = at;
  const focusAt = (target: KeyColumn, index: number): KeyResult => {
    const next = target.deals[Math.max(0, Math.min(target.deals.length - 1, index))];
    return next
      ? { state: { ...state, activeId: next.id }, handled: true, focus: next.id }
      : { state, handled: true };
  };
  switch (key) {
    case 'ArrowDown':
      return focusAt(col, i + 1);
    case 'ArrowUp':
      return focusAt(col, i - 1);
    case 'Home':
      return focusAt(col, 0);
    case 'End':
      return focusAt(col, col.deals.length - 1);
    case 'PageDown':
      return focusAt(col, i + pageSize);
    case 'PageUp':
      return focusAt(col, i - pageSize);
    case 'ArrowLeft':
    case 'ArrowRight': {
      // The nearest column that has cards, at the same height.
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let j = c + step; j >= 0 && j < columns.length; j += step) {
        if (columns[j]!.deals.length) return focusAt(columns[j]!, i);
      }
      return { state, handled: true };
    }
    case ' ':
    case 'Enter':
      return {
        state: { ...state, grab: { dealId: deal.id, targetKey: col.key, wanted: i } },
        handled: true,
        announce: {
          kind: 'picked-up',
          title: deal.title,
          column: col.name,
          position: i + 1,
          count: col.deals.length,
        },
      };
    case 'e':
    case 'E':
    case 'F2':
      return { state, handled: true, command: { kind: 'edit', dealId: deal.id } };
    case 'm':
    case 'M':
      return { state, handled: true, command: { kind: 'move', dealId: deal.id } };
    case 'Delete':
      return { state, handled: true, command: { kind: 'delete', dealId: deal.id } };
    default:
      return unhandled(state);
  }
}

/** Where a picked-up card would land in `col`: 0 = top, counting the card. */
function grabPosition(grab: Grab, col: KeyColumn): number {
  const others = col.deals.filter((d) => d.id !== grab.dealId).length;
  return Math.min(grab.wanted, others);
}

/** The gap of `col` a picked-up card's marker shows (as in `beforeAtSlot`). */
export function grabSlot(grab: Grab, col: KeyColumn): number {
  return slotForPosition(col.deals, grab.dealId, grabPosition(grab, col));
}

function grabbedKey(
  state: KeyboardState,
  grab: Grab,
  key: string,
  columns: readonly KeyColumn[],
): KeyResult {
  const at = find(columns, grab.dealId);
  if (!at || columns.length === 0) return unhandled(state);
  const { deal, col: homeCol } = at;
  const home = homeCol.key;
  // A target column removed meanwhile (in another tab): the first one.
  const target = Math.max(
    0,
    columns.findIndex((c) => c.key === grab.targetKey),
  );
  const targetCol = columns[target]!;
  const position = grabPosition(grab, targetCol);
  const cancelled = (handled: boolean): KeyResult => ({
    state: { ...state, grab: undefined },
    handled,
    announce: { kind: 'cancelled', title: deal.title },
  });
  let next = target;
  let wanted = grab.wanted;
  switch (key) {
    case 'ArrowLeft':
      next = Math.max(0, target - 1);
      break;
    case 'ArrowRight':
      next = Math.min(columns.length - 1, target + 1);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = columns.length - 1;
      break;
    case 'ArrowUp':
      wanted = Math.max(0, position - 1);
      break;
    case 'ArrowDown':
      wanted = position + 1;
      break;
    case ' ':
    case 'Enter': {
      // Won and lost are ordered by when deals closed: no place to choose there.
      const before =
        targetCol.outcome === 'open'
          ? beforeAtSlot(targetCol.deals, deal.id, grabSlot(grab, targetCol))
          : undefined;
      if (targetCol.key === home && before === undefined) return cancelled(true);
      return {
        state: { ...state, grab: undefined },
        handled: true,
        drop: {
          dealId: deal.id,
          key: targetCol.key,
          ...(before === undefined ? {} : { before }),
        },
      };
    }
    case 'Escape':
      return cancelled(true);
    case 'Tab':
      // Tab still moves the focus on; the move is off.
      return cancelled(false);
    default:
      return unhandled(state);
  }
  const col = columns[next]!;
  const moved: Grab = { dealId: deal.id, targetKey: col.key, wanted };
  const result: KeyResult = { state: { ...state, grab: moved }, handled: true };
  if (col.outcome !== 'open') {
    result.announce = {
      kind: 'over',
      title: deal.title,
      column: col.name,
      index: next + 1,
      columns: columns.length,
    };
    return result;
  }
  const place = grabPosition(moved, col) + 1;
  const size = col.deals.length + (col.key === home ? 0 : 1);
  result.announce =
    next === target
      ? { kind: 'position', title: deal.title, column: col.name, position: place, count: size }
      : {
          kind: 'over-at',
          title: deal.title,
          column: col.name,
          index: next + 1,
          columns: columns.length,
          position: place,
          size,
        };
  // Keep the marker in view.
  if (col.deals.length) {
    result.scroll = { key: col.key, index: Math.min(grabSlot(moved, col), col.deals.length - 1) };
  }
  return result;
}

/** An announcement in words, numbers formatted for `lang`. */
export function announcementText(a: Announcement, s: PipelineStrings, lang: Lang): string {
  const n = (v: number) => formatInteger(v, lang);
  switch (a.kind) {
    case 'picked-up':
      return t(s.pickedUp, {
        title: a.title,
        column: a.column,
        position: n(a.position),
        count: n(a.count),
      });
    case 'over':
      return t(s.over, { title: a.title, column: a.column, index: a.index, count: a.columns });
    case 'over-at':
      return t(s.overAt, {
        title: a.title,
        column: a.column,
        index: a.index,
        count: a.columns,
        position: n(a.position),
        size: n(a.size),
      });
    case 'position':
      return t(s.position, {
        title: a.title,
        column: a.column,
        position: n(a.position),
        count: n(a.count),
      });
    case 'cancelled':
      return t(s.cancelled, { title: a.title });
  }
}
