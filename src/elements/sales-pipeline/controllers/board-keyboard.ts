import type { ReactiveControllerHost } from 'lit';
import type { Deal, Lang } from '../../../model/types.js';
import { FocusAfterRender } from '../../controllers/focus-after-render.js';
import type { BoardColumn } from '../model/board-model.js';
import { announcementText, boardKey, type KeyboardState } from '../model/keyboard.js';
import type { PipelineStrings } from '../strings.js';
import type { BoardData } from './board-data.js';
import type { BoardDialogs } from './board-dialogs.js';
import type { BoardMoves } from './board-moves.js';
import type { BoardScroll } from './board-scroll.js';
import type { PendingWork } from './pending-work.js';

export interface BoardKeyboardOptions {
  data: BoardData;
  moves: BoardMoves;
  dialogs: BoardDialogs;
  work: PendingWork;
  /** Created after this controller, whose focus is placed after the dialogs' update and before the scroller's. */
  scroller: () => BoardScroll;
  columns: () => readonly BoardColumn[];
  /** How many cards a Page Up or Down moves by. */
  pageSize: () => number;
  strings: () => PipelineStrings;
  lang: () => Lang;
  announce: (text: string) => void;
  root: () => HTMLElement | DocumentFragment;
}

/**
 * The board's keyboard and focus: the keyboard's place (the Tab stop card, and a card picked
 * up), the keys on a card (the pure `boardKey` reducer decides, this carries it out), Ctrl+Z
 * anywhere on the board but in a text field, and the focus placed once what it goes to is
 * rendered and no dialog is open.
 */
export class BoardKeyboard {
  private keys: KeyboardState = {};
  private readonly focusAfter: FocusAfterRender;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: BoardKeyboardOptions,
  ) {
    this.focusAfter = new FocusAfterRender(host);
    host.addEventListener('keydown', (e) => this.onHostKeydown(e));
  }

  /** The Tab stop card and the card picked up, if any. */
  get state(): KeyboardState {
    return this.keys;
  }

  /** Makes `id` the Tab stop card. */
  activate(id: string): void {
    if (this.keys.activeId !== id) this.setKeys({ ...this.keys, activeId: id });
  }

  /**
   * Focuses what `find` returns once it is rendered and no dialog is open (the page behind a
   * modal dialog is inert); closing a dialog then leaves the focus there.
   */
  focusLater(find: () => HTMLElement | null, options: FocusOptions = {}): void {
    const { dialogs } = this.options;
    dialogs.keepFocus();
    const found = () => (dialogs.modal ? null : find());
    this.focusAfter.focus(found, { ...options, untilFound: true });
  }

  /** Focuses the board's first element that matches `selector`, once rendered. */
  focusSelector(selector: string): void {
    this.focusLater(() => this.options.root().querySelector<HTMLElement>(selector));
  }

  /** Makes the deal the board's tab stop, scrolls its column to it and focuses it. */
  focusDeal(id: string): void {
    if (!this.options.data.dealById(id)) return;
    this.activate(id);
    const scroller = this.options.scroller();
    scroller.reveal({ dealId: id });
    scroller.revealColumn({ dealId: id });
    this.focusLater(() => this.cardEl(id), { preventScroll: true });
  }

  /** What has the focus inside the board. */
  focused(): HTMLElement | null {
    const active = (this.options.root() as ShadowRoot).activeElement;
    return active instanceof HTMLElement ? active : null;
  }

  /** A key on a card: the keyboard reducer decides, the board carries it out. */
  onCardKeydown(e: KeyboardEvent, deal: Deal): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const { data, moves, dialogs, work } = this.options;
    const keys = this.keys.activeId === deal.id ? this.keys : { ...this.keys, activeId: deal.id };
    const result = boardKey(keys, e.key, this.options.columns(), {
      pageSize: this.options.pageSize(),
    });
    if (result.handled) e.preventDefault();
    if (result.state !== this.keys) this.setKeys(result.state);
    if (result.announce) {
      const { strings, lang } = this.options;
      this.options.announce(announcementText(result.announce, strings(), lang()));
    }
    if (result.scroll) this.options.scroller().reveal(result.scroll);
    if (result.state.grab) this.options.scroller().revealColumn(result.state.grab.targetKey);
    if (result.focus) this.focusDeal(result.focus);
    const { drop, command } = result;
    if (drop) {
      // The move says how it ended (moved, vetoed, refused): one announcement per drop.
      const moving = data.dealById(drop.dealId);
      if (moving) {
        void work.track(moves.request(moving, drop.key, 'keyboard', undefined, drop.before));
      }
    }
    if (command?.kind === 'edit') dialogs.openDeal(deal);
    if (command?.kind === 'move') dialogs.openMove(deal);
    if (command?.kind === 'delete') void work.track(moves.remove(deal));
  }

  private onHostKeydown(e: KeyboardEvent): void {
    if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey) return;
    const target = e.composedPath()[0];
    const typing =
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement;
    if (typing || this.options.dialogs.modal) return;
    e.preventDefault();
    void this.options.work.track(this.options.moves.undo());
  }

  private cardEl(id: string): HTMLElement | null {
    return this.options.root().querySelector<HTMLElement>(`[data-deal="${CSS.escape(id)}"]`);
  }

  private setKeys(keys: KeyboardState): void {
    this.keys = keys;
    this.host.requestUpdate();
  }
}
