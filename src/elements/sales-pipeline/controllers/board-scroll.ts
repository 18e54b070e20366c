import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Deal } from '../../../model/types.js';
import type { BoardColumn } from '../model/board-model.js';
import {
  cardRows,
  inViewEnd,
  rowKeys,
  scrollToShow,
  visibleRange,
  windowOf,
  type CardRow,
  type RowRange,
} from '../model/windowing.js';

export interface BoardScrollOptions {
  root: () => ParentNode;
  /** The height of a card list, and of a card row, as measured. */
  viewport: () => number;
  rowHeight: () => number;
  /** Told of the frame that renders the rest of a window, so that `updateComplete` waits for it. */
  track: (rest: Promise<void>) => void;
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
  /** Each column's cards in view, deal id → render key (`rowKeys`). */
  private readonly keys = new Map<string, Map<string, number>>();
  /** Each column's cards as last rendered, by render key. */
  private readonly shown = new Map<string, Map<number, CardRow<Deal>>>();
  /** The cards each column renders now (`rows`). */
  private rendered: CardRow<Deal>[][] = [];
  /** The next frame's update, asked for once a window was left partly as it was. */
  private rest?: Promise<void>;
  /**
   * How much of the columns' windows the update renders since they changed: 0 the rows in
   * view of the columns in view, 1 their whole windows, 2 every column's.
   */
  private stage = 2;
  /** Columns scrolled out of the board's view (told by `seen`), by key. */
  private readonly away = new Set<string>();
  private seen?: IntersectionObserver;
  private watched = new WeakSet<Element>();

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
   * In the host's `willUpdate`: the rows of each column to render, and their cards (`rows`,
   * with their render keys: `rowKeys`); the `pinned` cards' elements are never handed to
   * another deal. When the columns changed (a search answer, an edit), this update renders the
   * cards in view, and the rest follows a frame at a time (`stage`, `cardRows`).
   */
  ranges(
    columns: readonly BoardColumn[],
    pinned: ReadonlySet<string | undefined> = new Set(),
  ): RowRange[] {
    if (columns !== this.columns) this.stage = 0;
    const stage = this.stage;
    this.columns = columns;
    this.applyReveal();
    const { viewport, rowHeight } = this.options;
    let deferred = false;
    this.rendered = [];
    const ranges = columns.map((c) => {
      const top = this.tops.get(c.key) ?? 0;
      const range = visibleRange(c.count, top, viewport(), rowHeight());
      const deals = windowOf(c, range);
      const ids = deals.map((d) => d.id);
      const keys = rowKeys(this.keys.get(c.key) ?? new Map(), ids, range.start, pinned);
      this.keys.set(c.key, keys);
      // A column in view shows its rows in view at once, the rest of its window in the next
      // frame; a column out of view, its window the frame after.
      let from = stage === 0 ? inViewEnd(c.count, top, viewport(), rowHeight()) : Infinity;
      if (stage < 2 && this.away.has(c.key)) from = range.start;
      // A pinned card (focused, moving) is rendered as it is now wherever it sits.
      if (deals.some((d, j) => range.start + j >= from && pinned.has(d.id))) from = Infinity;
      const last = this.shown.get(c.key) ?? new Map<number, CardRow<Deal>>();
      const cards = cardRows(deals, range.start, c.count, keys, last, from);
      deferred ||= cards.deferred;
      this.shown.set(c.key, new Map(cards.rows.map((r) => [r.key, r])));
      this.rendered.push(cards.rows);
      return range;
    });
    if (deferred) this.renderRest();
    else this.stage = 2;
    return ranges;
  }

  /** The cards column `i` renders (see `ranges`). */
  rows(i: number): readonly CardRow<Deal>[] {
    return this.rendered[i] ?? [];
  }

  /**
   * An update after the next frame is painted (a hidden tab, whose frames wait, gets it after
   * a timeout instead), which renders the windows whole.
   */
  private renderRest(): void {
    if (this.rest) return;
    this.rest = new Promise<void>((resolve) => {
      let ran = false;
      const done = () => {
        if (ran) return;
        ran = true;
        clearTimeout(fallback);
        this.rest = undefined;
        this.stage = Math.min(2, this.stage + 1);
        this.host.requestUpdate();
        resolve();
      };
      const fallback = setTimeout(done, 100);
      requestAnimationFrame(() => setTimeout(done));
    });
    this.options.track(this.rest);
  }

  readonly onListScroll = (e: Event): void => {
    const list = e.currentTarget as HTMLElement;
    this.tops.set(list.dataset.col!, list.scrollTop);
    // Scroll events come at most once a frame and Lit batches updates: no rAF needed (and
    // none that a hidden tab would hold back).
    this.host.requestUpdate();
  };

  hostDisconnected(): void {
    this.seen?.disconnect();
    this.seen = undefined;
    this.away.clear();
  }

  hostUpdated(): void {
    this.watchColumns();
    // The windowing moved a list (to show a card or the drop marker): the DOM follows.
    for (const key of this.dirty) {
      const list = this.find('list', key);
      const top = this.tops.get(key);
      if (list && top !== undefined && list.scrollTop !== top) list.scrollTop = top;
    }
    this.dirty.clear();
    this.showColumn();
  }

  /** Which columns are out of the board's view, as the browser tells after each frame. */
  private watchColumns(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    const board = this.options.root().querySelector<HTMLElement>('.board');
    if (!board) return;
    if (this.seen?.root !== board) {
      this.seen?.disconnect();
      this.away.clear();
      this.watched = new WeakSet();
      this.seen = new IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            const key = (e.target as HTMLElement).dataset.col!;
            if (e.isIntersecting) this.away.delete(key);
            else this.away.add(key);
          }
        },
        { root: board },
      );
    }
    for (const col of board.querySelectorAll('.column')) {
      if (this.watched.has(col)) continue;
      this.watched.add(col);
      this.seen.observe(col);
    }
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
