import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Deal } from '../../../model/types.js';
import { beforeAtSlot, columnKeyOf, type BoardColumn } from '../model/board-model.js';
import { EdgeScroll } from './edge-scroll.js';
import {
  dropKey,
  edgeSpeed,
  followDrag,
  isClick,
  shiftDrag,
  startDrag,
  type Drag,
} from '../model/pointer-drag.js';
import { slotAt } from '../model/windowing.js';

export interface BoardDragOptions {
  columns: () => readonly BoardColumn[];
  dealById: (id: string) => Deal | undefined;
  /** A move is being stored: no new drag until it is. */
  busy: () => boolean;
  /** The board's shadow root, whose wrapper, row of columns and card lists a drag measures. */
  root: () => HTMLElement | DocumentFragment;
  /** A card list was scrolled by the drag (the board windows its cards from it). */
  onListScroll: (key: string, scrollTop: number) => void;
  /** Released over column `key`, at the place `before` (as in `beforeAtSlot`). */
  onDrop: (deal: Deal, key: string, before: string | null | undefined) => void;
  /** A press that did not move: a click. */
  onClick: (deal: Deal) => void;
  /** A card row's height as measured (cards grow with the text's spacing). */
  rowHeight: () => number;
}

/**
 * Pointer and touch drags of cards. The pointer is captured by the host, not the card: the card
 * may leave the rendered window (or its column) while the lists scroll under a still pointer.
 * Near an edge of the board or of the target list the drag keeps scrolling once a frame. The
 * geometry is `pointer-drag.ts` and `windowing.ts`; this reads the boxes and scroll offsets.
 */
export class BoardDrag implements ReactiveController {
  drag?: Drag;
  private readonly edgeScroll: EdgeScroll;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: BoardDragOptions,
  ) {
    host.addController(this);
    this.edgeScroll = new EdgeScroll(host, () => this.scrollNearEdge());
    host.addEventListener('pointermove', (e) => this.onMove(e));
    host.addEventListener('pointerup', (e) => this.onEnd(e));
    host.addEventListener('pointercancel', (e) => this.onCancel(e));
  }

  hostDisconnected(): void {
    this.set(undefined);
  }

  /** The column and gap the drop marker shows while a drag is on. */
  get insertion(): { key: string; slot: number } | undefined {
    const drag = this.drag;
    if (!drag?.active || drag.targetKey === undefined || drag.slot === undefined) return undefined;
    return { key: drag.targetKey, slot: drag.slot };
  }

  /** A press on a card; on touch only its grip starts a drag, the rest scrolls the column. */
  start(e: PointerEvent, deal: Deal): void {
    if (e.button !== 0 || this.drag || this.options.busy()) return;
    if (e.pointerType === 'touch' && !(e.target as Element).closest('.grip')) return;
    const card = e.currentTarget as HTMLElement;
    const root = this.options.root();
    const base = root.querySelector('.base');
    if (!base) return;
    try {
      this.host.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser no longer tracks (released already): moves still reach the host.
    }
    const boxes = [...root.querySelectorAll<HTMLElement>('.column')].map((c) => {
      const r = c.getBoundingClientRect();
      return { key: c.dataset.col!, left: r.left, right: r.right };
    });
    this.set(
      startDrag(e, deal.id, card.getBoundingClientRect(), base.getBoundingClientRect(), boxes),
    );
  }

  private set(drag: Drag | undefined): void {
    this.drag = drag;
    if (!drag) this.edgeScroll.stop();
    this.host.requestUpdate();
  }

  private onMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId || isClick(drag, e)) return;
    e.preventDefault();
    const next = followDrag(drag, e);
    this.set({ ...next, slot: this.slotUnder(next.targetKey, e.clientY) });
    this.edgeScroll.start();
  }

  /**
   * One frame of scrolling while a drag holds the pointer near the board's left or right edge,
   * or near the top or bottom of the target column's list, so a card can go where no card is
   * shown yet. Returns whether anything scrolled (the loop goes on while it does).
   */
  private scrollNearEdge(): boolean {
    const drag = this.drag;
    if (!drag?.active) return false;
    const board = this.options.root().querySelector('.board');
    let next = drag;
    if (board) {
      const r = board.getBoundingClientRect();
      const before = board.scrollLeft;
      board.scrollLeft += edgeSpeed(drag.x, r.left, r.right);
      next = shiftDrag(next, board.scrollLeft - before);
    }
    let scrolled = next !== drag;
    const list = next.targetKey === undefined ? null : this.list(next.targetKey);
    if (list) {
      const r = list.getBoundingClientRect();
      const before = list.scrollTop;
      if (drag.x >= r.left && drag.x <= r.right) {
        list.scrollTop += edgeSpeed(drag.y, r.top, r.bottom);
      }
      if (list.scrollTop !== before) {
        scrolled = true;
        // The scroll event renders the cards now in view; the slot is read from the list.
        this.options.onListScroll(next.targetKey!, list.scrollTop);
      }
    }
    if (!scrolled) return false;
    this.set({ ...next, slot: this.slotUnder(next.targetKey, drag.y) });
    return true;
  }

  /** The gap between the cards of column `key` nearest to the pointer's `y`. */
  private slotUnder(key: string | undefined, y: number): number | undefined {
    const col = key === undefined ? undefined : this.column(key);
    if (!col) return undefined;
    const list = this.list(col.key);
    if (!list) return 0;
    const box = list.getBoundingClientRect();
    const { top } = box;
    return slotAt(
      y,
      { top, scrollTop: list.scrollTop },
      col.deals.length,
      this.options.rowHeight(),
    );
  }

  private list(key: string): HTMLElement | null {
    return this.options.root().querySelector(`.list[data-col="${CSS.escape(key)}"]`);
  }

  private column(key: string): BoardColumn | undefined {
    return this.options.columns().find((c) => c.key === key);
  }

  private onEnd(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.set(undefined);
    const deal = this.options.dealById(drag.dealId);
    if (!deal) return;
    if (isClick(drag, e)) {
      this.options.onClick(deal);
      return;
    }
    const key = dropKey(drag, e);
    const col = key === undefined ? undefined : this.column(key);
    if (!key || !col) return;
    // The release point decides, as for the column.
    const slot = this.slotUnder(key, e.clientY) ?? 0;
    const before = col.outcome === 'open' ? beforeAtSlot(col.deals, deal.id, slot) : undefined;
    if (key !== columnKeyOf(deal) || before !== undefined) this.options.onDrop(deal, key, before);
  }

  private onCancel(e: PointerEvent): void {
    if (this.drag && e.pointerId === this.drag.pointerId) this.set(undefined);
  }
}
