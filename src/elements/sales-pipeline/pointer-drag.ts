/**
 * The geometry of a pointer drag (mouse, pen or touch): where it started, whether it has become
 * a drag yet, which column is under the pointer, and how fast to scroll near an edge. The
 * board keeps the `Drag` in its state and renders the ghost and drop target from it.
 */

/** A press that moves less than this is a click, not a drag. */
export const DRAG_THRESHOLD = 6;
/** Depth of the zone at an edge of the board or a card list where a drag scrolls it. */
export const EDGE = 48;
/** Pixels scrolled per frame with the pointer at (or past) the very edge. */
export const EDGE_SPEED = 16;

interface ColumnBox {
  key: string;
  left: number;
  right: number;
}

export interface Drag {
  dealId: string;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  /** Where the card was grabbed, relative to its corner. */
  offsetX: number;
  offsetY: number;
  width: number;
  /** False until the pointer has moved `DRAG_THRESHOLD` px: a click until then. */
  active: boolean;
  targetKey?: string;
  /** Where in the target column it would drop: the gap above card `slot` (0…count). */
  slot?: number;
  /** Column boxes, measured when the drag starts (and shifted as the board scrolls). */
  columns: ColumnBox[];
  /** The board wrapper's corner, which the ghost is positioned from. */
  origin: { left: number; top: number };
}

/** A drag that starts on `card`; `columns` are the `.column` elements (with `data-col`). */
export function startDrag(
  e: PointerEvent,
  dealId: string,
  card: Element,
  wrapper: Element,
  columns: Iterable<HTMLElement>,
): Drag {
  const box = card.getBoundingClientRect();
  const base = wrapper.getBoundingClientRect();
  return {
    dealId,
    pointerId: e.pointerId,
    startX: e.clientX,
    startY: e.clientY,
    x: e.clientX,
    y: e.clientY,
    offsetX: e.clientX - box.left,
    offsetY: e.clientY - box.top,
    width: box.width,
    active: false,
    columns: [...columns].map((c) => {
      const r = c.getBoundingClientRect();
      return { key: c.dataset.col!, left: r.left, right: r.right };
    }),
    origin: { left: base.left, top: base.top },
  };
}

/** True while the pointer has not moved far enough from the press for a drag. */
export function isClick(drag: Drag, e: PointerEvent): boolean {
  return (
    !drag.active && Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) < DRAG_THRESHOLD
  );
}

/** The drag after a pointer move: it follows the pointer and targets the column under it. */
export function followDrag(drag: Drag, e: PointerEvent): Drag {
  return {
    ...drag,
    active: true,
    x: e.clientX,
    y: e.clientY,
    targetKey: columnAt(drag.columns, e.clientX) ?? drag.targetKey,
  };
}

/** The drag after the board scrolled sideways by `shift` px under a still pointer. */
export function shiftDrag(drag: Drag, shift: number): Drag {
  if (!shift) return drag;
  const columns = drag.columns.map((c) => ({ ...c, left: c.left - shift, right: c.right - shift }));
  return { ...drag, columns, targetKey: columnAt(columns, drag.x) ?? drag.targetKey };
}

/**
 * Pixels per frame to scroll a box spanning `start`…`end` (viewport px, on one axis) with the
 * pointer at `pos`: negative within `EDGE` of the start, positive within `EDGE` of the end,
 * faster the deeper in (full speed at the edge and up to `EDGE` beyond it, since a pointer
 * often overshoots), 0 elsewhere. A box too small for two zones splits at its middle.
 */
export function edgeSpeed(pos: number, start: number, end: number): number {
  if (pos < start - EDGE || pos > end + EDGE || end <= start) return 0;
  const zone = Math.min(EDGE, (end - start) / 2);
  const speed = (depth: number) => Math.round(EDGE_SPEED * Math.min(1, depth / zone));
  if (pos < start + zone) return -Math.max(1, speed(start + zone - pos));
  if (pos > end - zone) return Math.max(1, speed(pos - (end - zone)));
  return 0;
}

/**
 * The column a release drops on. Pointer moves come once a frame, and a quick flick (or a tab
 * that is not painting) may deliver none before the release: the release point decides.
 */
export function dropKey(drag: Drag, e: PointerEvent): string | undefined {
  return columnAt(drag.columns, e.clientX) ?? drag.targetKey;
}

function columnAt(columns: readonly ColumnBox[], x: number): string | undefined {
  return columns.find((c) => x >= c.left && x < c.right)?.key;
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
  rowHeight: number,
  gap: number,
  count: number,
): number {
  const inList = y - list.top + list.scrollTop;
  return Math.max(0, Math.min(count, Math.round((inList - gap / 2) / rowHeight)));
}
