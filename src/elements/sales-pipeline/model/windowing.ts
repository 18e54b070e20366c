/**
 * Which cards of a column are rendered, and where things sit in a column's list, from fixed
 * row heights alone: the visible range, the scroll that brings a row into view, the gap under
 * a pointer and the drop marker's offset. Pure: the board measures the list's height with a
 * `ResizeController` and hands the numbers in.
 */

/** Height of a card plus the gap above it, in px; `sales-pipeline.styles.ts` uses the same. */
export const CARD_ROW_HEIGHT = 124;
/** The gap above each card (its top margin in the styles). */
export const CARD_GAP = 8;
/** Column viewport assumed before the first measurement. */
export const DEFAULT_VIEWPORT = 520;

/** Rows `[start, end)` of a list. */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * The slice of a fixed-row-height list that a viewport shows, plus `overscan` rows either
 * side so a fast scroll does not flash empty space: `[start, end)`.
 */
export function visibleRange(
  count: number,
  scrollTop: number,
  viewport: number,
  rowHeight = CARD_ROW_HEIGHT,
  overscan = 3,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}

/** The scroll offset that brings row `index` into a viewport, moving as little as possible. */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewport: number,
  rowHeight = CARD_ROW_HEIGHT,
): number {
  const top = Math.max(0, index) * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return Math.max(0, top + rowHeight - viewport);
  return scrollTop;
}

/** How many cards PageUp / PageDown skip: the rows a viewport shows whole, at least one. */
export function pageSize(viewport: number, rowHeight = CARD_ROW_HEIGHT): number {
  return Math.max(1, Math.floor(viewport / rowHeight));
}

/**
 * The gap between cards nearest to `y` (a viewport coordinate) in a list of `count` rows of
 * `rowHeight` whose top is at `listTop` and scrolled by `scrollTop`: 0 above the first card,
 * `count` below the last. Each row is `gap` px of space then the card, so gap `s` is centred
 * at `s × rowHeight + gap / 2` and the boundary between two gaps is a card's middle.
 */
export function slotAt(
  y: number,
  list: { top: number; scrollTop: number },
  count: number,
  rowHeight = CARD_ROW_HEIGHT,
  gap = CARD_GAP,
): number {
  const inList = y - list.top + list.scrollTop;
  return Math.max(0, Math.min(count, Math.round((inList - gap / 2) / rowHeight)));
}

/** The drop marker's top in its list (a 4px bar centred in gap `slot` of `count` cards). */
export function markerTop(slot: number, count: number, rowHeight = CARD_ROW_HEIGHT): number {
  return Math.min(slot * rowHeight + CARD_GAP / 2, count * rowHeight) - 2;
}

/** The padding that stands in for the rows not rendered above and below a range. */
export function rangePadding(
  range: RowRange,
  count: number,
  rowHeight = CARD_ROW_HEIGHT,
): { before: number; after: number } {
  return { before: range.start * rowHeight, after: (count - range.end) * rowHeight };
}

/** A column's deals, or a lazy view of them that builds only the rows asked for. */
interface Rows<T> {
  deals: readonly T[];
  slice?: (start: number, end: number) => readonly T[];
}

/** The rows of a column in `range`: all a render reads of it, whatever its length. */
export function windowOf<T>(col: Rows<T>, range: RowRange): readonly T[] {
  return col.slice ? col.slice(range.start, range.end) : col.deals.slice(range.start, range.end);
}

/**
 * The card that takes the board's one Tab stop: the active card if it is rendered, else the
 * first card rendered in any column.
 */
export function tabStopOf(
  columns: readonly Rows<{ id: string }>[],
  ranges: readonly RowRange[],
  activeId: string | undefined,
): string | undefined {
  let first: string | undefined;
  for (const [i, col] of columns.entries()) {
    const range = ranges[i];
    if (!range) continue;
    for (const { id } of windowOf(col, range)) {
      if (id === activeId) return id;
      first ??= id;
    }
  }
  return first;
}

/** Render keys repeat every this many rows: more than any window holds. */
export const KEY_RING = 1024;

/**
 * The render keys of a window's cards (ids, the rows from `start`), given the last ones (deal
 * id → key): a row's key is its position's, so when a window's deals change (a search answer)
 * each element stays where it is and only shows another deal: no element moves (which the
 * browser would style and lay out anew), none is built. A `pinned` card (the focused or moving
 * card) keeps its key wherever it goes: its element goes with it, never shows another deal; a
 * row whose position's key it holds takes a key no other row uses.
 */
export function rowKeys(
  last: ReadonlyMap<string, number>,
  ids: readonly string[],
  start: number,
  pinned: ReadonlySet<string | undefined> = new Set(),
): Map<string, number> {
  const keys = new Map<string, number>();
  const held = new Set<number>();
  for (const id of ids) {
    const key = last.get(id);
    if (pinned.has(id) && key !== undefined) {
      keys.set(id, key);
      held.add(key);
    }
  }
  const used = new Set(held);
  const waiting: string[] = [];
  for (const [j, id] of ids.entries()) {
    if (keys.has(id)) continue;
    const key = (start + j) % KEY_RING;
    if (held.has(key)) waiting.push(id);
    else {
      keys.set(id, key);
      used.add(key);
    }
  }
  let spare = start % KEY_RING;
  for (const id of waiting) {
    while (used.has(spare)) spare = (spare + 1) % KEY_RING;
    keys.set(id, spare);
    used.add(spare);
  }
  return keys;
}

/** The end of the rows a viewport actually shows (any part of them), without overscan. */
export function inViewEnd(
  count: number,
  scrollTop: number,
  viewport: number,
  rowHeight = CARD_ROW_HEIGHT,
): number {
  if (count <= 0 || rowHeight <= 0) return 0;
  return Math.min(count, Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight));
}

/** A card a list renders: a deal at a row of a column of `size` deals, with its render key. */
export interface CardRow<T> {
  deal: T;
  index: number;
  size: number;
  key: number;
}

/**
 * The cards a list renders for its window (`deals`, the rows from `start`, keyed by `keys`).
 * With `deferFrom` (the first render after the column's deals changed: a search answer), only
 * the rows before it, those in view, are rendered as they now are; each row after it, out of
 * view, stays as its element last showed it (`last`, by key), and a row with no element yet
 * waits: the next frame renders them (`deferred`). So an answer costs the frame it arrives in
 * the cards in view, not the whole window.
 */
export function cardRows<T extends { id: string }>(
  deals: readonly T[],
  start: number,
  size: number,
  keys: ReadonlyMap<string, number>,
  last: ReadonlyMap<number, CardRow<T>>,
  deferFrom = Infinity,
): { rows: CardRow<T>[]; deferred: boolean } {
  const rows: CardRow<T>[] = [];
  let deferred = false;
  for (const [j, deal] of deals.entries()) {
    const key = keys.get(deal.id)!;
    const row = { deal, index: start + j, size, key };
    if (start + j < deferFrom) {
      rows.push(row);
      continue;
    }
    const before = last.get(key);
    if (before?.deal !== deal || before.index !== row.index || before.size !== size)
      deferred = true;
    if (before) rows.push(before);
  }
  return { rows, deferred };
}
