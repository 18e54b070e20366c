/**
 * The geometry of a pointer drag (mouse, pen or touch): where it started, whether it has become
 * a drag yet, which column is under the pointer, and how fast to scroll near an edge. Pure: the
 * board measures boxes and hands them in, keeps the `Drag` in its state and renders the ghost
 * and drop target from it. The gap under the pointer is `slotAt` in `windowing.ts`.
 */

/** A press that moves less than this is a click, not a drag. */
export const DRAG_THRESHOLD = 6;
/** Depth of the zone at an edge of the board or a card list where a drag scrolls it. */
export const EDGE = 48;
/** Pixels scrolled per frame with the pointer at (or past) the very edge. */
export const EDGE_SPEED = 16;

export interface ColumnBox {
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

/** A point of a pointer event, in viewport px (a `PointerEvent` fits). */
export interface PointerPoint {
  pointerId: number;
  clientX: number;
  clientY: number;
}

/** A box in viewport px (a `DOMRect` fits). */
export interface Box {
  left: number;
  top: number;
  right: number;
  width: number;
}

/**
 * A drag that starts with a press on a card whose box is `card`; `origin` is the board
 * wrapper's box (the ghost is positioned from it), `columns` the columns' boxes by key, all
 * measured by the board when the press comes.
 */
export function startDrag(
  press: PointerPoint,
  dealId: string,
  card: Box,
  origin: Box,
  columns: readonly ColumnBox[],
): Drag {
  return {
    dealId,
    pointerId: press.pointerId,
    startX: press.clientX,
    startY: press.clientY,
    x: press.clientX,
    y: press.clientY,
    offsetX: press.clientX - card.left,
    offsetY: press.clientY - card.top,
    width: card.width,
    active: false,
    columns: columns.map(({ key, left, right }) => ({ key, left, right })),
    origin: { left: origin.left, top: origin.top },
  };
}

/** True while the pointer has not moved far enough from the press for a drag. */
export function isClick(drag: Drag, e: PointerPoint): boolean {
  return (
    !drag.active && Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) < DRAG_THRESHOLD
  );
}

/** The drag after a pointer move: it follows the pointer and targets the column under it. */
export function followDrag(drag: Drag, e: PointerPoint): Drag {
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
export function dropKey(drag: Drag, e: PointerPoint): string | undefined {
  return columnAt(drag.columns, e.clientX) ?? drag.targetKey;
}

function columnAt(columns: readonly ColumnBox[], x: number): string | undefined {
  return columns.find((c) => x >= c.left && x < c.right)?.key;
}
