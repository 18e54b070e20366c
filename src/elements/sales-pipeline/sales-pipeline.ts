import { html, isServer, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Lang } from '../../model/types.js';
import type { NewPipeline, SalesRepository } from '../../store/repository.js';
import { readStrings, stringsChanged, type Theme } from '../attributes.js';
import { Announcer } from '../controllers/announcer.js';
import { ErrorReporter } from '../controllers/error-reporter.js';
import { LangController } from '../controllers/lang-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { sharedRepository } from '../controllers/repository-controller.js';
import { placeholderRoot, SalesElement, type SalesEventsOf } from '../sales-element.js';
import { hostStyles } from '../shared-styles.js';
import { BoardData } from './controllers/board-data.js';
import { BoardDialogs } from './controllers/board-dialogs.js';
import { BoardDrag } from './controllers/board-drag.js';
import { BoardKeyboard } from './controllers/board-keyboard.js';
import type { BoardColumn, BoardFilter } from './model/board-model.js';
import { BoardMoves } from './controllers/board-moves.js';
import { BoardFilesLoader } from './controllers/board-files-loader.js';
import { BoardFiltering } from './controllers/board-filtering.js';
import { BoardNotices } from './controllers/board-notices.js';
import { BoardScroll } from './controllers/board-scroll.js';
import type { BoardSync, BoardSyncOptions } from './controllers/board-sync.js';
import { LazyModule } from '../controllers/lazy-module.js';
import { renderBoard, renderGhost, renderRowProbe, type BoardView } from './panels/board-view.js';
import type { DealBeforeMoveEvent, DealMovedEvent } from './events.js';
import { grabSlot, type KeyboardState } from './model/keyboard.js';
import { requestedMove, undoLabel } from './model/moves.js';
import {
  DEFAULT_CURRENCY,
  DEFAULT_STALE_DAYS,
  newPipelineOf,
  readBoardOptions,
} from './model/options.js';
import { PendingWork } from './controllers/pending-work.js';
import { styles } from './sales-pipeline.styles.js';
import { laterStrings, loadLaterStrings } from './later-texts.js';
import { pipelineStrings, type PipelineStrings } from './strings.js';
import { renderToolbar } from './panels/toolbar.js';
import {
  CARD_ROW_HEIGHT,
  DEFAULT_VIEWPORT,
  pageSize,
  tabStopOf,
  type RowRange,
} from './model/windowing.js';

const NO_MOVERS: ReadonlyMap<string, string> = new Map();

type BoardEvents = SalesEventsOf<{
  'deal-before-move': DealBeforeMoveEvent;
  'deal-moved': DealMovedEvent;
}>;

/**
 * A kanban board of a pipeline's deals, kept in IndexedDB: a column per stage plus won and
 * lost, moved by pointer, touch or keyboard, edited in a dialog, imported and exported as CSV
 * or JSON, in step with other tabs. Only the cards in view are rendered, so 10,000 deals stay
 * smooth.
 *
 * @summary Pipeline board of deals, persisted in IndexedDB, with drag, keyboard moves and undo.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The search, filter and action bar.
 * @csspart notice - Each notice (storage, connection, conflicts, imports, bad attributes).
 * @csspart error - Every message about bad input or a failure: error notices (`notice error`) and a dialog's field errors.
 * @csspart board - The scrolling row of columns.
 * @csspart column - Each column (stages, then won and lost).
 * @csspart column-header - A column's name, count, total and weighted total.
 * @csspart card - Each deal card.
 * @csspart card-stale - Added to a card that has waited in its stage longer than its stage's threshold (learned, or `stale-days`).
 * @csspart card-move - A card's "Move…" button (also `button`): every move without dragging.
 * @csspart ghost - The card that follows the pointer while dragging.
 * @csspart drop-marker - The bar between two cards where a dragged or picked-up card would drop.
 * @csspart dialog - The dialog for deals, moves, lost reasons, stages and confirmations.
 * @csspart import-step - The import step of a CSV file: its mapping, check, choice and result.
 * @csspart presence - With `sync`: the toolbar's group of the others viewing the board.
 * @csspart moving-by - With `sync`: "Ana is moving this", on a card someone else is moving.
 * @csspart trash - With `sync`: the trash, deals deleted in the last 30 days, to restore.
 * @csspart button - Every button.
 *
 * @cssprop --sales-pipeline-background - Background (falls back to --sales-surface).
 * @cssprop --sales-pipeline-column - Column background (falls back to --sales-surface-alt).
 * @cssprop --sales-pipeline-card - Card background (falls back to --sales-surface).
 * @cssprop --sales-pipeline-text - Text colour (falls back to --sales-text).
 * @cssprop --sales-pipeline-muted - Secondary text (falls back to --sales-muted).
 * @cssprop --sales-pipeline-accent - Buttons, drop targets (falls back to --sales-accent).
 * @cssprop --sales-pipeline-stale - Stale cards' mark (falls back to --sales-warning).
 * @cssprop --sales-pipeline-won - The won column's mark (falls back to --sales-success).
 * @cssprop --sales-pipeline-error - Errors (falls back to --sales-danger).
 * @cssprop --sales-pipeline-border - Borders (falls back to --sales-border).
 * @cssprop --sales-pipeline-input-border - Text fields' borders, at least 3:1 on every surface (falls back to --sales-input-border).
 * @cssprop --sales-pipeline-focus - Focus ring (falls back to --sales-focus).
 * @cssprop --sales-pipeline-font - Font family (falls back to --sales-font).
 * @cssprop --sales-pipeline-radius - Corner radius (falls back to --sales-radius).
 * @cssprop --sales-pipeline-column-width - Width of a column (default 17rem).
 * @cssprop --sales-pipeline-column-height - Height of a column's card list (default min(32rem, 65vh)).
 *
 * @fires {DealBeforeMoveEvent} deal-before-move - Cancelable, before a move or a reorder within a column is written; detail `DealBeforeMoveDetail` (`{ deal, from, to, source, before? }`: `before` is the id of the deal it goes above, `null` for the bottom).
 * @fires {DealMovedEvent} deal-moved - A move or reorder is stored; detail `DealMovedDetail` (`{ deal, from, to, source, before? }`).
 * @fires {SalesErrorEvent} error - The pipeline could not be opened (`pipeline`), with `sync` the trash could not be read (`trash`, with the browser's words as `cause`), or `stale-days`, `currency`, `template` or `theme` has a value that cannot be used (the default is used); detail `{ field, message }`. Does not bubble.
 */
export class SalesPipeline extends SalesElement<BoardEvents> {
  static override styles = [hostStyles, styles];

  private readonly langCtl = new LangController(this);
  /** The board's words: its strings and language, as every part of it reads them. */
  private readonly words = { strings: () => this.text, lang: () => this.uiLang };
  private readonly reporter = new ErrorReporter(this);
  private readonly announcer = new Announcer(this);
  private readonly work = new PendingWork();
  private readonly data = new BoardData(this, {
    ...this.words,
    newPipeline: () => this.newPipeline,
    reporter: this.reporter,
    onChange: (change) => {
      this.dialogs.onStoreChange(change);
      this.synced?.trash.changed();
    },
    onReopened: () => this.notices.info({ key: 'reopened' }),
    onSyncNotice: (notice) => this.whenSynced((synced) => synced.onNotice(notice)),
  });
  private readonly notices = new BoardNotices(this, {
    data: this.data,
    reporter: this.reporter,
    work: this.work,
    ...this.words,
    announce: (text) => this.announce(text),
  });
  private readonly moves = new BoardMoves(this, {
    data: this.data,
    notices: this.notices.list,
    columns: () => this.columns,
    filter: () => this.filter,
    ...this.words,
    announce: (text) => this.announce(text),
    focusDeal: (id) => this.keyboard.focusDeal(id),
    focusColumn: (key) => this.keyboard.focusLater(() => this.scroller.columnEl(key)),
    hasFocus: () => this.keyboard.focused() !== null,
    askReason: (dealId, source) => this.dialogs.askReason(dealId, source),
  });
  // Before `keyboard`: a dialog closes before the focus is placed after the same update.
  private readonly dialogs = new BoardDialogs(this, {
    data: this.data,
    moves: this.moves,
    notices: this.notices.list,
    work: this.work,
    ...this.words,
    owners: () => this.owners,
    columns: () => this.columns,
    focusDeal: (id) => this.keyboard.focusDeal(id),
    dialog: () => this.renderRoot.querySelector('dialog'),
    focused: () => this.keyboard.focused(),
  });
  private readonly keyboard: BoardKeyboard = new BoardKeyboard(this, {
    data: this.data,
    moves: this.moves,
    dialogs: this.dialogs,
    work: this.work,
    scroller: () => this.scroller,
    columns: () => this.columns,
    pageSize: () => pageSize(this.viewport, this.rowHeight),
    ...this.words,
    announce: (text) => this.announce(text),
    root: () => this.renderRoot,
  });
  private readonly files = new BoardFilesLoader(this, this.notices, {
    data: this.data,
    notices: this.notices.list,
    work: this.work,
    ...this.words,
    show: (modal) => this.dialogs.show(modal),
    focus: (selector) => this.keyboard.focusSelector(selector),
    announce: (text) => this.announce(text),
    fail: (e) => this.fail(e),
    reload: () => this.load(),
  });
  /** What only a board with `sync` runs (status, presence, trash), and its texts: on first use. */
  private readonly syncCode = new LazyModule(
    () => Promise.all([import('./controllers/board-sync.js'), loadLaterStrings()]).then(([m]) => m),
    () => this.requestUpdate(),
  );
  private synced?: BoardSync;
  private readonly syncOptions: BoardSyncOptions = {
    data: this.data,
    notices: this.notices.list,
    work: this.work,
    ...this.words,
    stageName: (stageId) => this.moves.stageName(stageId),
    moving: () => this.movingId,
    announce: (text) => this.announce(text),
    focus: (selector) => this.keyboard.focusSelector(selector),
    fail: (e) => this.fail(e),
  };
  private readonly scroller = new BoardScroll(this, {
    root: () => this.renderRoot,
    viewport: () => this.viewport,
    rowHeight: () => this.rowHeight,
    track: (rest) => void this.work.track(rest),
  });
  private readonly drag = new BoardDrag(this, {
    columns: () => this.columns,
    dealById: (id) => this.data.dealById(id),
    busy: () => this.moves.busy,
    root: () => this.renderRoot,
    onListScroll: (key, top) => this.scroller.scrolled(key, top),
    onDrop: (deal, key, before) =>
      void this.work.track(this.moves.request(deal, key, 'pointer', undefined, before)),
    onClick: (deal) => {
      this.keyboard.activate(deal.id);
      this.dialogs.openDeal(deal);
    },
    rowHeight: () => this.rowHeight,
  });
  /** The height of a card list (they all share one), measured on a probe of the same height. */
  private readonly listSize = new ResizeController(this, () =>
    this.renderRoot?.querySelector('.viewport-probe'),
  );
  /**
   * A card row's height, measured on a hidden card of the same lines: cards grow with the
   * text's size and spacing (a reader's text-spacing override, WCAG 1.4.12), and the
   * windowing follows.
   */
  private readonly rowSize = new ResizeController(this, () =>
    this.renderRoot?.querySelector('.row-probe'),
  );

  @state() private searchText = '';
  @state() private ownerFilter = '';
  @state() private staleOnly = false;

  /** Id of the pipeline to show; created with the stages of `template` when new. */
  @property({ reflect: true }) pipeline = 'default';

  /** Where deals live; by default the page's shared IndexedDB repository for `database`. */
  @property({ attribute: false }) repository?: SalesRepository;

  /** IndexedDB database of the default repository. Default `sales-funnel`. */
  @property() database?: string;

  /** Preset whose stages a new pipeline starts with, such as `pipeline-7` (the default). */
  @property() template?: string;

  /** ISO 4217 currency of a new pipeline (default `EUR`); an existing one keeps its own. */
  @property() currency?: string;

  /**
   * Days (0 to 3650) an open deal may wait in its stage before its card is marked stale, in
   * every stage. Without it each stage's threshold is learned from its history (the days within
   * which 85 % of its finished visits ended, once it has 10), else 30.
   */
  @property({ type: Number, attribute: 'stale-days' }) staleDays?: number | null;

  /** `light`, `dark`, or `auto` (the system preference); without it, the page's `color-scheme` (light if none). */
  @property({ reflect: true }) theme?: Theme;

  /** Overrides for any of the UI texts. */
  @property({ attribute: false, hasChanged: stringsChanged }) strings?: Partial<PipelineStrings>;

  /** Hides the "Load sample pipeline" button (a host that offers its own, like the workspace). */
  @property({ type: Boolean, reflect: true, attribute: 'no-sample' }) noSample = false;

  private columns: BoardColumn[] = [];
  private readonly search = new BoardFiltering(this, {
    track: (pass) => void this.work.track(pass),
  });
  private owners: string[] = [];
  /** The rows of each column rendered, and the card that is the Tab stop. */
  private ranges: RowRange[] = [];
  private tabStop?: string;
  private staleAfter = DEFAULT_STALE_DAYS;
  private textFor?: readonly unknown[];
  private textOf?: PipelineStrings;
  private newPipeline: Omit<NewPipeline, 'id'> = { name: '' };

  /** The same object while its sources are: a card renders again only when its words change. */
  private get text(): PipelineStrings {
    const lang = this.langCtl.lang;
    // The host's texts are read once per object they set (again when it is set again).
    const from = [lang, readStrings(this.strings).value, laterStrings(lang)] as const;
    if (!this.textFor?.every((v, i) => v === from[i])) {
      this.textFor = from;
      this.textOf = pipelineStrings(...from);
    }
    return this.textOf!;
  }

  private get uiLang(): Lang {
    return this.langCtl.lang;
  }

  /** The keyboard's place: the Tab stop card, and a card picked up. */
  private get keys(): KeyboardState {
    return this.keyboard.state;
  }

  private get pipelineRecord() {
    return this.data.pipeline;
  }

  private get viewport(): number {
    return this.listSize.height || DEFAULT_VIEWPORT;
  }

  private get rowHeight(): number {
    return this.rowSize.height || CARD_ROW_HEIGHT;
  }

  private get filter(): BoardFilter {
    const { searchText: text, ownerFilter: owner, staleOnly, staleAfter: staleDays } = this;
    return { text, owner, staleOnly, staleDays, learned: this.learned, now: this.data.now };
  }

  /** What the history taught about each stage, unless `stale-days` is given for all of them. */
  private get learned(): ReadonlyMap<string, number> | undefined {
    // A removed attribute reads as `null`.
    return this.staleDays === undefined || this.staleDays === null ? this.data.learned : undefined;
  }

  /** Loads the sync code once `sync` is set; the board's `updateComplete` waits for it. */
  private startSync(): void {
    if (this.synced) return;
    const code = this.syncCode.get();
    if (code) this.synced = new code.BoardSync(this, this.syncOptions);
    else if (this.syncCode.pending) void this.work.track(this.syncCode.settled());
  }

  /** Runs `use` with the sync code, at once or once it has arrived (a notice is never lost). */
  private whenSynced(use: (synced: BoardSync) => void): void {
    if (this.synced) return use(this.synced);
    this.startSync();
    void this.syncCode.settled().then(() => {
      this.startSync();
      if (this.synced) use(this.synced);
    });
  }

  /** A server renders only a placeholder: the first render replaces it, never hydrates it. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return placeholderRoot(this) ?? super.createRenderRoot();
  }

  override willUpdate(): void {
    if (this.sync) this.startSync();
    this.readOptions();
    const { pipeline, deals } = this.data;
    const { won, lost } = this.text;
    const inputs = {
      pipeline,
      deals,
      filter: this.filter,
      lang: this.uiLang,
      names: { won, lost },
    };
    ({ columns: this.columns, owners: this.owners } = this.search.derive(inputs));
    this.ranges = this.scroller.ranges(this.columns, new Set([this.keys.activeId, this.movingId]));
    this.tabStop = tabStopOf(this.columns, this.ranges, this.keys.activeId);
  }

  /** Also waits for the board's data and actions, so `await el.updateComplete` means "shown". */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.data.busy || this.work.pending) {
      await Promise.all([this.data.settled(), this.work.settled()]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Re-reads the pipeline and its deals from the repository. */
  async load(): Promise<void> {
    await this.data.repoCtl.ready();
    await this.data.reload();
  }

  /**
   * Moves a deal to a stage (`stageId`) or closes it (`outcome`), as a drop would: it fires
   * `deal-before-move` and `deal-moved`, and is undoable. Resolves `true` once stored. With
   * `before` it also places the deal in the stage's column; in its own column that reorders.
   */
  moveDeal(
    dealId: string,
    to: {
      stageId?: string;
      outcome?: 'open' | 'won' | 'lost';
      reason?: string;
      /** Above this deal of the stage, or `null` at the bottom; default the top of a new stage. */
      before?: string | null;
    },
  ): Promise<boolean> {
    const deal = this.data.dealById(dealId);
    if (!deal) return Promise.resolve(false);
    const { key, reason } = requestedMove(deal, to);
    return this.work.track(this.moves.request(deal, key, 'api', reason, to.before));
  }

  /** Undoes the last move or delete. Resolves `false` when there was nothing to undo. */
  undo(): Promise<boolean> {
    return this.work.track(this.moves.undo());
  }

  /** Imports a CSV of deals, or a JSON pipeline file (which replaces this board's pipeline). */
  importFile(file: File): Promise<void> {
    return this.files.use((files) => files.importFile(file));
  }

  /**
   * With `sync`: publishes the pipeline this board showed before it was shared (the page's
   * IndexedDB store of `database`) to the room, without losing a deal: every deal (with its
   * history) the room does not have yet is added. Resolves with how many were added.
   */
  async publishToRoom(): Promise<number> {
    if (!this.sync) return 0;
    const local = await sharedRepository(this.database || undefined, this.uiLang);
    await this.syncCode.settled();
    return this.synced?.publish(local, this.pipeline) ?? 0;
  }

  /**
   * Adds a realistic history (`sampleHistory`) to this pipeline in one transaction
   * (`SalesRepository.loadSample`). Loading it again replaces the earlier sample's deals the
   * person never touched, keeps those they moved or edited, and says how many were kept.
   */
  loadSample(options: { deals?: number; seed?: number; now?: number } = {}): Promise<void> {
    return this.files.use((files) => files.loadSample(options));
  }

  /** The attributes, read once per update; what cannot be used is reported and defaulted. */
  private readOptions(): void {
    const { reporter, uiLang: lang, text } = this;
    const options = readBoardOptions(
      {
        staleDays: this.staleDays,
        staleDaysText: this.getAttribute('stale-days'),
        theme: this.theme,
        template: this.template,
        currency: this.currency,
      },
      text,
    );
    this.staleAfter = reporter.option(options.staleDays, 'stale-days', lang);
    reporter.option(options.theme, 'theme', lang);
    reporter.option(readStrings(this.strings), 'strings', lang);
    const template = reporter.option(options.template, 'template', lang);
    const { value: currency, problem } = options.currency;
    if (problem) reporter.set('currency', problem.message, problem.value);
    else reporter.clear('currency');
    this.newPipeline = newPipelineOf(template, currency, text);
  }

  private announce(text: string): void {
    this.announcer.announce(text);
  }

  private fail(e: unknown): void {
    this.moves.fail(e);
  }

  /** The deal this person is moving: dragging, picked up, or in the Move dialog. */
  private get movingId(): string | undefined {
    const drag = this.drag.drag;
    const modal = this.dialogs.modal;
    return (
      this.keys.grab?.dealId ??
      (drag?.active ? drag.dealId : undefined) ??
      (modal?.kind === 'move' ? modal.dealId : undefined)
    );
  }

  override render(): TemplateResult {
    const s = this.text;
    // A server has no store: its base and "Loading the pipeline…", which the browser's first
    // render replaces (a toolbar would be controls that do nothing until then).
    if (isServer) {
      return html`<div class="base" part="base" lang=${this.uiLang}>
        <p class="loading">${s.loading}</p>
      </div>`;
    }
    const ready = Boolean(this.pipelineRecord);
    const entry = this.moves.undoEntry;
    return html`
      <div class="base" part="base" lang=${this.uiLang}>
        <div class="viewport-probe" aria-hidden="true"></div>
        ${renderRowProbe()}
        ${renderToolbar({
          strings: s,
          searchText: this.searchText,
          ownerFilter: this.ownerFilter,
          owners: this.owners,
          staleOnly: this.staleOnly,
          ready,
          undoLabel: entry ? undoLabel(entry, s) : undefined,
          importing: this.files.importing,
          noSample: this.noSample,
          syncStatus: this.synced?.statusText(Boolean(this.sync)),
          presence: this.synced?.presenceView() ?? nothing,
          trash: this.synced?.trashButton(),
          onSearch: (text) => (this.searchText = text),
          onOwner: (owner) => (this.ownerFilter = owner),
          onStaleOnly: (on) => (this.staleOnly = on),
          onAdd: () => this.dialogs.openDeal(),
          onUndo: () => void this.undo(),
          onStages: () => this.dialogs.show({ kind: 'stages' }),
          onImport: () => this.renderRoot.querySelector<HTMLInputElement>('input.file')?.click(),
          onFileChosen: (e) => this.files.chosen(e),
          onExportCsv: () => void this.files.use((files) => files.exportCsv()),
          onExportJson: () => void this.files.use((files) => files.exportJson()),
          onSample: () => void this.files.use((files) => files.confirmSample()),
        })}
        <div class="notices">${this.notices.render()} ${this.files.render()}</div>
        ${this.synced?.trashView() ?? nothing}
        ${
          // No columns yet: a big board's first answer from its search worker is on its way.
          ready && this.columns.length
            ? renderBoard(this.boardView())
            : this.reporter.has('pipeline')
              ? nothing
              : html`<p class="loading">${s.loading}</p>`
        }
        <p id="instructions" class="hint">${s.instructions}</p>
        <p id="card-hint" hidden>${s.cardHint}</p>
        ${this.announcer.render()}
        ${renderGhost(this.drag.drag, this.drag.drag && this.data.dealById(this.drag.drag.dealId), {
          now: this.data.now,
          strings: s,
          lang: this.uiLang,
        })}
        ${this.dialogs.render()}
      </div>
    `;
  }

  private boardView(): BoardView {
    const { grab } = this.keys;
    const drag = this.drag.drag;
    const dragging = Boolean(drag?.active);
    const target = grab && this.columns.find((c) => c.key === grab.targetKey);
    return {
      columns: this.columns,
      ranges: this.ranges,
      rows: (i) => this.scroller.rows(i),
      rowHeight: this.rowHeight,
      tabStop: this.tabStop,
      movingId: grab?.dealId ?? drag?.dealId,
      movers: this.synced?.presence.movers() ?? NO_MOVERS,
      targetKey: grab?.targetKey ?? (dragging ? drag?.targetKey : undefined),
      insertion: target ? { key: target.key, slot: grabSlot(grab, target) } : this.drag.insertion,
      grabbedId: grab?.dealId,
      dragging,
      filtered: Boolean(this.searchText || this.ownerFilter || this.staleOnly),
      currency: this.pipelineRecord?.currency ?? DEFAULT_CURRENCY,
      now: this.data.now,
      stale: { staleDays: this.staleAfter, learned: this.learned },
      strings: this.text,
      lang: this.uiLang,
      onCardKeydown: (e, deal) => this.keyboard.onCardKeydown(e, deal),
      onCardFocus: (deal) => this.keyboard.activate(deal.id),
      onCardPointerDown: (e, deal) => this.drag.start(e, deal),
      onCardMove: (deal) => this.dialogs.openMove(deal),
      onListScroll: this.scroller.onListScroll,
    };
  }
}
