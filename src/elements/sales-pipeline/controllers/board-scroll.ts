import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BoardColumn } from '../model/board-model.js';
import {
  recycleKeys,
  scrollToShow,
  visibleRange,
  windowOf,
  type RowRange,
} from '../model/windowing.js';

export interface BoardScrollOptions {
  root: () => ParentNode;
  /** The height of a card list, and of a card row, as measured. */
  viewport: () => number;
  rowHeight: () => number;
}

/**
 * Where each column's windowed list is scrolled, as the windowing counts it, and the DOM kept
 * in step after each update: a card or row asked for is brought into view (`reveal`), and the
 * row of columns scrolls to show a column a keyboard or menu move went to (`revealColumn`).
 */
export class BoardScroll implements ReactiveController {
  /** How far each column's list is scrolled. */
  private readonly tops = new Map<string, number>();
  /** Lists whose scroll position changed here, to be set on the DOM after rendering. */
  private readonly dirty = new Set<string>();
  /** What to bring into view in the next update, once the columns are derived. */
  private wanted?: { dealId: string } | { key: string; index: number };
  /** The column to scroll the board to after the next update. */
  private wantedColumn?: string | { dealId: string };
  private columns: readonly BoardColumn[] = [];
  /** Each column's cards in view, deal id → render key (`recycleKeys`). */
  private readonly keys = new Map<string, Map<string, number>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BoardScrollOptions,
  ) {
    host.addController(this);
  }

  /** Brings a card (or a row of a column) into its list's view in the next update. */
  reveal(what: { dealId: string } | { key: string; index: number }): void {
    this.wanted = what;
  }

  /** Scrolls the row of columns to the column (or the deal's column) after the next update. */
  revealColumn(what: string | { dealId: string }): void {
    this.wantedColumn = what;
  }

  /** The list `key` was scrolled by the person (or a drag) to `top`. */
  scrolled(key: string, top: number): void {
    this.tops.set(key, top);
  }

  /**
   * In the host's `willUpdate`: the rows of each column to render, and their cards' render keys
   * (`cardKey`); the `pinned` cards' elements are never handed to another deal.
   */
  ranges(
    columns: readonly BoardColumn[],
    pinned: ReadonlySet<string | undefined> = new Set(),
  ): RowRange[] {
    this.columns = columns;
    this.applyReveal();
    const { viewport, rowHeight } = this.options;
    return columns.map((c) => {
      const range = visibleRange(c.count, this.tops.get(c.key) ?? 0, viewport(), rowHeight());
      const ids = windowOf(c, range).map((d) => d.id);
      this.keys.set(c.key, recycleKeys(this.keys.get(c.key) ?? new Map(), ids, pinned));
      return range;
    });
  }

  /** The render key of a card in view (see `ranges`). */
  readonly cardKey = (columnKey: string, dealId: string): number | undefined =>
    this.keys.get(columnKey)?.get(dealId);

  readonly onListScroll = (e: Event): void => {
    const list = e.currentTarget as HTMLElement;
    this.tops.set(list.dataset.col!, list.scrollTop);
    // Scroll events come at most once a frame and Lit batches updates: no rAF needed (and
    // none that a hidden tab would hold back).
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    // The windowing moved a list (to show a card or the drop marker): the DOM follows.
    for (const key of this.dirty) {
      const list = this.find('list', key);
      const top = this.tops.get(key);
      if (list && top !== undefined && list.scrollTop !== top) list.scrollTop = top;
    }
    this.dirty.clear();
    this.showColumn();
  }

  columnEl(key: string): HTMLElement | null {
    return this.find('column', key);
  }

  private find(kind: 'list' | 'column', key: string): HTMLElement | null {
    return this.options
      .root()
      .querySelector<HTMLElement>(`.${kind}[data-col="${CSS.escape(key)}"]`);
  }

  private applyReveal(): void {
    const reveal = this.wanted;
    this.wanted = undefined;
    if (!reveal) return;
    let key: string | undefined;
    let index = -1;
    if ('dealId' in reveal) {
      for (const col of this.columns) {
        index = col.deals.findIndex((d) => d.id === reveal.dealId);
        if (index >= 0) {
          key = col.key;
          break;
        }
      }
    } else ({ key, index } = reveal);
    if (key === undefined || index < 0) return;
    const top = this.tops.get(key) ?? 0;
    this.tops.set(key, scrollToShow(index, top, this.options.viewport(), this.options.rowHeight()));
    this.dirty.add(key);
  }

  /** Scrolls the row of columns, as little as it takes, to show the wanted column whole. */
  private showColumn(): void {
    const reveal = this.wantedColumn;
    this.wantedColumn = undefined;
    const key =
      typeof reveal === 'object'
        ? this.columns.find((c) => c.deals.some((d) => d.id === reveal.dealId))?.key
        : reveal;
    const board = this.options.root().querySelector<HTMLElement>('.board');
    const col = key === undefined ? null : this.columnEl(key);
    if (!board || !col) return;
    const area = board.getBoundingClientRect();
    const box = col.getBoundingClientRect();
    const left = box.left < area.left ? box.left - area.left : Math.max(0, box.right - area.right);
    if (left) board.scrollBy({ left, behavior: 'instant' });
  }
}
