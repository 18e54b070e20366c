import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SAMPLE_DEALS } from '../../analytics/sample.js';
import { formatInteger, formatMoney } from '../../model/format.js';
import { getPreset } from '../../model/presets.js';
import type { Deal, Lang, Pipeline } from '../../model/types.js';
import { StoreError } from '../../store/errors.js';
import { compareRank } from '../../store/rank.js';
import type { PipelineExport } from '../../store/records.js';
import type {
  DeletedDeal,
  ImportProgress,
  RepositoryNotice,
  SalesRepository,
  StoreChange,
} from '../../store/repository.js';
import { dealsToCsv, importCsv } from '../../store/transfer.js';
import { LangController } from '../controllers/lang-controller.js';
import { RepositoryController } from '../controllers/repository-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { dispatch } from '../events.js';
import { t } from '../i18n.js';
import { styleProps } from '../style-props.js';
import {
  LOST_KEY,
  WON_KEY,
  beforeAtSlot,
  buildColumns,
  columnKeyOf,
  daysInStage,
  dealFilter,
  isStale,
  nextInStage,
  ownersOf,
  scrollToShow,
  slotForPosition,
  visibleRange,
  type BoardColumn,
  type BoardFilter,
} from './board-model.js';
import { renderCardBody } from './card.js';
import {
  newDealFrom,
  readDealForm,
  renderDealDialog,
  type DealForm,
  type FieldErrors,
  type FormField,
} from './deal-dialog.js';
import { readLostReason, renderConfirmDialog, renderLostDialog } from './dialogs.js';
import type { BoardPlace, DealBeforeMoveDetail } from './events.js';
import './events.js';
import { renderNotices, type Connection, type Notice, type NoticeKind } from './notices.js';
import { EdgeScroll } from './edge-scroll.js';
import {
  dropKey,
  edgeSpeed,
  followDrag,
  isClick,
  shiftDrag,
  slotAt,
  startDrag,
  type Drag,
} from './pointer-drag.js';
import { hostStyles } from '../shared-styles.js';
import { styles } from './sales-pipeline.styles.js';
import { renderStageEditor, takeNewStageName } from './stage-editor.js';
import { pipelineStrings, type PipelineStrings } from './strings.js';
import {
  download,
  isJsonFile,
  readPipelineFile,
  renderTransferPanel,
  type ImportReport,
  type ImportState,
} from './transfer-panel.js';

/** Height of a card plus the gap above it, in px; `sales-pipeline.styles.ts` uses the same. */
export const CARD_ROW_HEIGHT = 112;
/** The gap above each card (its top margin in the styles). */
const CARD_GAP = 8;
/** Days in a stage before a card is stale, when `stale-days` is missing or unusable. */
const DEFAULT_STALE_DAYS = 30;
/** Column viewport assumed before the first measurement. */
const DEFAULT_VIEWPORT = 520;

type MoveSource = DealBeforeMoveDetail['source'];

type UndoEntry =
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

type Modal =
  | { kind: 'deal'; form: DealForm }
  | { kind: 'lost'; dealId: string; source: MoveSource; error?: string }
  | { kind: 'stages'; removing?: string; error?: string }
  | { kind: 'confirm'; title: string; text: string; run: () => Promise<void> };

/** A card picked up with the keyboard, and where it would drop. */
interface Grab {
  dealId: string;
  targetKey: string;
  /**
   * The position (0 = top, counting the card) asked for with Up and Down; kept while Left and
   * Right change column, clamped to each column's length, so going back returns to it.
   */
  wanted: number;
}

const placeOf = (d: Deal): BoardPlace => ({ stageId: d.stageId, outcome: d.outcome });
const samePlace = (a: BoardPlace, b: BoardPlace) =>
  a.outcome === b.outcome && (a.outcome !== 'open' || a.stageId === b.stageId);

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
 * @csspart notice - Each notice (storage, conflicts, errors).
 * @csspart board - The scrolling row of columns.
 * @csspart column - Each column (stages, then won and lost).
 * @csspart column-header - A column's name, count, total and weighted total.
 * @csspart card - Each deal card.
 * @csspart card-stale - Added to a card that has waited longer than `stale-days`.
 * @csspart ghost - The card that follows the pointer while dragging.
 * @csspart drop-marker - The bar between two cards where a dragged or picked-up card would drop.
 * @csspart dialog - The dialog for deals, lost reasons, stages and confirmations.
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
 * @cssprop --sales-pipeline-focus - Focus ring (falls back to --sales-focus).
 * @cssprop --sales-pipeline-font - Font family (falls back to --sales-font).
 * @cssprop --sales-pipeline-radius - Corner radius (falls back to --sales-radius).
 * @cssprop --sales-pipeline-column-width - Width of a column (default 17rem).
 * @cssprop --sales-pipeline-column-height - Height of a column's card list (default min(32rem, 65vh)).
 *
 * @fires deal-before-move - Cancelable, before a move or a reorder within a column is written; detail `DealBeforeMoveDetail` (`{ deal, from, to, source, before? }`: `before` is the id of the deal it goes above, `null` for the bottom).
 * @fires deal-moved - A move or reorder is stored; detail `DealMovedDetail` (`{ deal, from, to, source, before? }`).
 * @fires error - The pipeline could not be opened (`pipeline`), or `stale-days` is no usable number; detail `{ field, message }`.
 */
export class SalesPipeline extends LitElement {
  static override styles = [hostStyles, styles];

  private readonly langCtl = new LangController(this);
  private readonly repoCtl = new RepositoryController(this, {
    pipeline: () => this.pipelineRecord?.id,
    database: () => this.database,
    lang: () => this.langCtl.lang,
    onRepository: () => this.onRepositoryReady(),
    onChange: (change) => this.onStoreChange(change),
    onNotice: (notice) => this.onNotice(notice),
  });
  private readonly edgeScroll = new EdgeScroll(this, () => this.scrollNearEdge());

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.board') private boardEl?: HTMLElement;

  @state() private pipelineRecord?: Pipeline;
  @state() private deals: Deal[] = [];
  @state() private loadError = '';
  @state() private searchText = '';
  @state() private ownerFilter = '';
  @state() private staleOnly = false;
  @state() private activeId?: string;
  @state() private grab?: Grab;
  @state() private drag?: Drag;
  @state() private notices: Notice[] = [];
  @state() private announcement = '';
  @state() private undoEntry?: UndoEntry;
  @state() private modal?: Modal;
  @state() private importing?: ImportState;
  @state() private importErrors?: ImportReport;
  @state() private connection: Connection = 'ok';
  /** Why an attribute's value is not used, shown in place. */
  @state() private attributeError = '';
  @state() private busy = false;

  /** Id of the pipeline to show; created from `preset` (default `pipeline-7`) when new. */
  @property({ reflect: true }) pipeline = 'default';

  /** Where deals live; by default the page's shared IndexedDB repository for `database`. */
  @property({ attribute: false }) repository?: SalesRepository;

  /** IndexedDB database of the default repository. Default `sales-funnel`. */
  @property() database?: string;

  /** Preset whose stages a new pipeline gets, such as `pipeline-7`. */
  @property() preset?: string;

  /** ISO 4217 currency of a new pipeline (default `EUR`); an existing one keeps its own. */
  @property() currency?: string;

  /** Days an open deal may wait in its stage before its card is marked stale. */
  @property({ type: Number, attribute: 'stale-days' }) staleDays = DEFAULT_STALE_DAYS;

  /** `light` or `dark` forces a theme; otherwise the system preference decides. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Overrides for any of the UI texts. */
  @property({ attribute: false }) strings?: Partial<PipelineStrings>;

  /** Hides the "Load sample pipeline" button (a host that offers its own, like the workspace). */
  @property({ type: Boolean, reflect: true, attribute: 'no-sample' }) noSample = false;

  private columns: BoardColumn[] = [];
  private columnsFor?: unknown[];
  private owners: string[] = [];
  private now = Date.now();
  private loadToken = 0;
  private scrollTops = new Map<string, number>();
  private viewport = DEFAULT_VIEWPORT;
  private pendingFocus?: string;
  /** Something else to focus once rendered (a column, a message), when no deal is pending. */
  private pendingFocusEl?: () => HTMLElement | null | undefined;
  /** A column whose list must be scrolled to `scrollTops` after rendering (the drop marker). */
  private pendingScroll?: string;
  private pendingIds = new Set<string>();
  private pendingReload = false;
  private refreshQueued = false;
  private noticeSeq = 0;
  private returnFocus?: HTMLElement | null;
  private reportedError = '';
  /** `staleDays` when usable, else the default. */
  private staleAfter = DEFAULT_STALE_DAYS;

  constructor() {
    super();
    // Asks for an update when the card lists change height (in a later frame, never in the
    // middle of one); `willUpdate` then reads the height itself. The host keeps it.
    new ResizeController(this, () => this.renderRoot?.querySelector('.list') ?? undefined);
    this.addEventListener('keydown', (e) => this.onHostKeydown(e));
    // A drag's pointer is captured by the host, not the card: the card may leave the rendered
    // window (or its column) while the lists scroll under a still pointer.
    this.addEventListener('pointermove', (e) => this.onDragMove(e));
    this.addEventListener('pointerup', (e) => this.onDragEnd(e));
    this.addEventListener('pointercancel', (e) => this.onDragCancel(e));
  }

  private get text(): PipelineStrings {
    return pipelineStrings(this.langCtl.lang, this.strings);
  }

  private get uiLang(): Lang {
    return this.langCtl.lang;
  }

  private get repo(): SalesRepository | undefined {
    return this.repoCtl.repository;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pipeline') && changed.get('pipeline') !== undefined) void this.load();
    this.measureViewport();
    if (changed.has('staleDays')) this.checkStaleDays();
    const staleDays = this.staleAfter;
    const inputs = [
      this.pipelineRecord,
      this.deals,
      this.searchText,
      this.ownerFilter,
      this.staleOnly,
      staleDays,
      this.uiLang,
      this.strings,
    ];
    if (!this.columnsFor || inputs.some((v, i) => v !== this.columnsFor![i])) {
      this.columnsFor = inputs;
      const s = this.text;
      this.columns = this.pipelineRecord
        ? buildColumns(this.pipelineRecord, this.deals, this.currentFilter(), this.uiLang, {
            won: s.won,
            lost: s.lost,
          })
        : [];
      this.owners = ownersOf(this.deals, this.uiLang);
    }
  }

  override updated(): void {
    const dialog = this.dialog;
    if (dialog && this.modal && !dialog.open) {
      this.returnFocus ??= this.focusedInside();
      dialog.showModal();
      (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog).focus();
    } else if (dialog && !this.modal && dialog.open) {
      dialog.close();
    }
    if (this.pendingFocus) {
      const id = this.pendingFocus;
      const card = this.cardEl(id);
      if (card) {
        this.pendingFocus = undefined;
        const ul = card.closest<HTMLElement>('.list');
        const top = this.scrollTops.get(ul?.dataset.col ?? '');
        if (ul && top !== undefined && ul.scrollTop !== top) ul.scrollTop = top;
        card.focus({ preventScroll: true });
        // Focus is placed on purpose: a dialog closing now must not send it back to its opener.
        this.returnFocus = undefined;
      }
    } else if (this.pendingFocusEl) {
      const target = this.pendingFocusEl();
      this.pendingFocusEl = undefined;
      if (target) {
        target.focus();
        this.returnFocus = undefined;
      }
    }
    if (this.pendingScroll) {
      const key = this.pendingScroll;
      this.pendingScroll = undefined;
      const list = this.listEl(key);
      const top = this.scrollTops.get(key);
      if (list && top !== undefined && list.scrollTop !== top) list.scrollTop = top;
    }
  }

  private currentFilter(): BoardFilter {
    return {
      text: this.searchText,
      owner: this.ownerFilter,
      staleOnly: this.staleOnly,
      staleDays: this.staleAfter,
      now: this.now,
    };
  }

  /**
   * The height of a column's card list, read before rendering so the window of cards rendered
   * fits it in this same update (all lists share one height).
   */
  private measureViewport(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.list');
    if (list && list.clientHeight > 0) this.viewport = list.clientHeight;
  }

  /** Bad input never throws: it is said in place, logged once and fired as `error`. */
  private checkStaleDays(): void {
    const days = this.staleDays;
    if (typeof days === 'number' && Number.isFinite(days) && days >= 0) {
      this.staleAfter = days;
      this.attributeError = '';
      return;
    }
    this.staleAfter = DEFAULT_STALE_DAYS;
    // NaN comes from an attribute that is no number: quote what was written.
    const attr = this.getAttribute('stale-days');
    const value = Number.isNaN(days) && attr !== null ? attr : String(days);
    const message = t(this.text.badStaleDays, { value });
    this.attributeError = message;
    console.warn(`<sales-pipeline>: ${message}`);
    dispatch(this, 'error', { field: 'stale-days', message });
  }

  // ---- public methods ----

  /** Re-reads the pipeline and its deals from the repository. */
  async load(): Promise<void> {
    const repo = await this.repoCtl.ready();
    if (!repo) return;
    const token = ++this.loadToken;
    try {
      const preset = this.preset ? getPreset(this.preset) : undefined;
      const pipeline = await repo.ensurePipeline(this.pipeline, {
        name: this.text.newPipelineName,
        ...(this.currency ? { currency: this.currency.toUpperCase() } : {}),
        ...(preset ? { preset } : {}),
      });
      const deals = await repo.listDeals(pipeline.id);
      if (token !== this.loadToken) return;
      this.now = Date.now();
      this.pipelineRecord = pipeline;
      this.deals = deals;
      this.loadError = '';
      this.reportedError = '';
    } catch (e) {
      if (token !== this.loadToken) return;
      const message = t(this.text.noPipeline, {
        detail: e instanceof Error ? e.message : String(e),
      });
      this.loadError = message;
      if (this.reportedError !== message) {
        this.reportedError = message;
        console.warn(`<sales-pipeline>: ${message}`);
        dispatch(this, 'error', { field: 'pipeline', message });
      }
    }
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
    const deal = this.dealById(dealId);
    if (!deal) return Promise.resolve(false);
    const key =
      to.outcome === 'won'
        ? WON_KEY
        : to.outcome === 'lost'
          ? LOST_KEY
          : (to.stageId ?? deal.stageId);
    return this.requestMove(
      deal,
      key,
      'api',
      to.reason ?? (to.outcome === 'lost' ? '' : undefined),
      to.before,
    );
  }

  /** Undoes the last move or delete. Resolves `false` when there was nothing to undo. */
  async undo(): Promise<boolean> {
    const entry = this.undoEntry;
    const repo = this.repo;
    if (!entry || !repo) {
      this.announce(this.text.nothingToUndo);
      return false;
    }
    if (entry.kind === 'move') {
      const deal = this.dealById(entry.dealId);
      if (!deal) return false;
      const { outcome, stageId } = entry.from;
      const key = outcome === 'won' ? WON_KEY : outcome === 'lost' ? LOST_KEY : stageId;
      // Back above the deal it was above, if that is still in the stage; else to the top of a
      // stage it left, or the bottom of its own.
      let before = entry.before;
      const anchor = before ? this.dealById(before) : undefined;
      if (before && anchor?.stageId !== stageId) {
        before = samePlace(placeOf(deal), entry.from) ? null : undefined;
      }
      const done = await this.requestMove(deal, key, 'undo', entry.lostReason ?? '', before);
      if (done) this.undoEntry = undefined;
      return done;
    }
    try {
      const deal = await repo.restoreDeal(entry.snapshot);
      this.upsert(deal);
      this.undoEntry = undefined;
      this.announce(t(this.text.restored, { title: deal.title }));
      this.focusDeal(deal.id);
      return true;
    } catch (e) {
      this.fail(e, entry.snapshot.deal);
      return false;
    }
  }

  /** Imports a CSV of deals, or a JSON pipeline file (which replaces this board's pipeline). */
  async importFile(file: File): Promise<void> {
    const repo = this.repo;
    const pipeline = this.pipelineRecord;
    if (!repo || !pipeline) return;
    const s = this.text;
    const name = file.name;
    const count = (n: number) => formatInteger(n, this.uiLang);
    this.importErrors = undefined;
    const onProgress = (progress: ImportProgress) => {
      this.importing = { name, progress };
    };
    this.importing = { name };
    if (!isJsonFile(file)) {
      try {
        const deals = await importCsv(repo, pipeline.id, file, { lang: this.uiLang, onProgress });
        this.importing = undefined;
        this.addNotice('info', t(s.imported, { count: count(deals.length), name }), true);
        await this.load();
      } catch (err) {
        this.importFailed(name, err);
      }
      return;
    }
    let data: PipelineExport;
    try {
      data = await readPipelineFile(file, this.uiLang);
    } catch (err) {
      this.importFailed(name, err);
      return;
    }
    this.importing = undefined;
    const deals = Array.isArray(data?.deals) ? data.deals.length : 0;
    this.modal = {
      kind: 'confirm',
      title: s.importReplace,
      text: t(s.importReplaceConfirm, { name, count: count(deals) }),
      run: async () => {
        this.importing = { name };
        try {
          // The file's pipeline becomes this board's, whatever id it had where it came from.
          const own =
            data && typeof data === 'object' && data.pipeline && typeof data.pipeline === 'object'
              ? { ...data, pipeline: { ...data.pipeline, id: pipeline.id } }
              : data;
          await repo.importPipeline(own, { replace: true, onProgress });
          this.importing = undefined;
          this.addNotice('info', t(s.imported, { count: count(deals), name }), true);
          await this.load();
        } catch (err) {
          this.importFailed(name, err);
        }
      },
    };
  }

  /**
   * Adds a realistic history (`sampleHistory`) to this pipeline in one transaction
   * (`SalesRepository.loadSample`). Loading it again replaces the earlier sample's deals the
   * person never touched, keeps those they moved or edited, and says how many were kept.
   */
  async loadSample(options: { deals?: number; seed?: number; now?: number } = {}): Promise<void> {
    const repo = this.repo;
    const pipeline = this.pipelineRecord;
    if (!repo || !pipeline) return;
    try {
      this.importing = { name: this.text.loadSample };
      const { loaded, kept } = await repo.loadSample(pipeline.id, {
        ...options,
        lang: this.uiLang,
        onProgress: (progress) => (this.importing = { name: '', progress }),
      });
      this.importing = undefined;
      const s = this.text;
      const keptNote = kept ? ` ${t(s.sampleKept, { kept })}` : '';
      this.announce(t(s.sampleLoaded, { count: loaded }) + keptNote);
      await this.load();
    } catch (e) {
      this.importing = undefined;
      this.fail(e);
    }
  }

  // ---- data ----

  private dealById(id: string): Deal | undefined {
    return this.deals.find((d) => d.id === id);
  }

  private upsert(...changed: Deal[]): void {
    let deals = this.deals;
    for (const deal of changed) {
      const i = deals.findIndex((d) => d.id === deal.id);
      deals = i < 0 ? [...deals, deal] : deals.with(i, deal);
    }
    this.deals = deals;
  }

  private forget(id: string): void {
    this.deals = this.deals.filter((d) => d.id !== id);
  }

  private onStoreChange(change: StoreChange): void {
    // Imports and pipeline edits reload everything; a few deals are fetched one by one, so
    // a move in another tab costs one read, not a re-read of 10,000 deals.
    if (
      change.type === 'pipeline' ||
      change.type === 'pipeline-deleted' ||
      change.type === 'deals-imported' ||
      change.ids.length > 50
    ) {
      this.pendingReload = true;
    } else {
      for (const id of change.ids) this.pendingIds.add(id);
    }
    if (!change.local && this.modal?.kind === 'deal') {
      const id = this.modal.form.dealId;
      if (id && change.ids.includes(id)) void this.warnEditedElsewhere(id);
    }
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => void this.refresh());
  }

  private async refresh(): Promise<void> {
    this.refreshQueued = false;
    const repo = this.repo;
    if (!repo) return;
    if (this.pendingReload) {
      this.pendingReload = false;
      this.pendingIds.clear();
      await this.load();
      return;
    }
    const ids = [...this.pendingIds];
    this.pendingIds.clear();
    const fresh = await Promise.all(ids.map((id) => repo.getDeal(id).catch(() => undefined)));
    let deals = this.deals;
    ids.forEach((id, k) => {
      const deal = fresh[k];
      const i = deals.findIndex((d) => d.id === id);
      if (deal && deal.pipelineId === this.pipelineRecord?.id) {
        deals = i < 0 ? [...deals, deal] : deals.with(i, deal);
      } else if (!deal && i >= 0) deals = deals.filter((d) => d.id !== id);
    });
    if (deals !== this.deals) {
      this.now = Date.now();
      this.deals = deals;
    }
  }

  private async warnEditedElsewhere(id: string): Promise<void> {
    const current = await this.repo?.getDeal(id);
    const modal = this.modal;
    if (modal?.kind !== 'deal' || modal.form.dealId !== id) return;
    const summary = current ? this.summaryOf(current) : t(this.text.conflictGone, { title: id });
    this.modal = { ...modal, form: { ...modal.form, changedElsewhere: summary } };
  }

  private summaryOf(d: Deal): string {
    return [d.title, d.company, formatMoney(d.amount, this.uiLang, d.currency), d.owner]
      .filter(Boolean)
      .join(' · ');
  }

  private onRepositoryReady(): void {
    // Opening waited for an old tab that blocked the upgrade; it has closed.
    if (this.connection === 'blocked') this.connection = 'ok';
    void this.load();
  }

  private onNotice(notice: RepositoryNotice): void {
    if (notice.type === 'reload-needed') this.connection = 'reload-needed';
    else if (notice.type === 'blocked') this.connection = 'blocked';
    else {
      if (this.connection === 'blocked') this.connection = 'ok';
      this.addNotice('info', this.text.reopened);
    }
  }

  // ---- moves ----

  private placeFor(key: string, deal: Deal): BoardPlace {
    if (key === WON_KEY) return { stageId: deal.stageId, outcome: 'won' };
    if (key === LOST_KEY) return { stageId: deal.stageId, outcome: 'lost' };
    return { stageId: key, outcome: 'open' };
  }

  private columnName(key: string): string {
    return this.columns.find((c) => c.key === key)?.name ?? key;
  }

  /**
   * The one path every move takes (drop, keyboard, API, undo). `reason` `undefined` for a
   * move to lost asks the person for one first. `before` places the deal in a stage's column
   * (above that deal, `null`: at the bottom); within the deal's own column that is a reorder.
   */
  private async requestMove(
    deal: Deal,
    key: string,
    source: MoveSource,
    reason?: string,
    before?: string | null,
  ): Promise<boolean> {
    const repo = this.repo;
    const from = placeOf(deal);
    const to = this.placeFor(key, deal);
    // Won and lost are ordered by when deals closed: no place to choose there.
    const place = to.outcome === 'open' && before !== undefined ? { before } : {};
    if (!repo || (samePlace(from, to) && !('before' in place))) return false;
    if (to.outcome === 'lost' && reason === undefined) {
      this.modal = { kind: 'lost', dealId: deal.id, source };
      return false;
    }
    const allowed = dispatch(
      this,
      'deal-before-move',
      { deal, from, to, source, ...place },
      { cancelable: true },
    );
    if (!allowed) {
      this.announce(t(this.text.vetoed, { title: deal.title }));
      return false;
    }
    this.busy = true;
    // Where it was, for undo: taken before the move changes the order.
    const wasBefore = from.outcome === 'open' ? nextInStage(this.deals, deal) : undefined;
    try {
      // Back to an open stage is one write, reopening a closed deal too: never half done.
      const change =
        to.outcome === 'open'
          ? await repo.moveDeal(deal.id, to.stageId, {
              expectedVersion: deal.version,
              reopen: true,
              ...place,
            })
          : await repo.setOutcome(deal.id, to.outcome, {
              expectedVersion: deal.version,
              ...(reason ? { reason } : {}),
            });
      const current = change.deal;
      this.upsert(current, ...(change.renumbered ?? []));
      if (source !== 'undo') {
        this.undoEntry = {
          kind: 'move',
          dealId: deal.id,
          title: deal.title,
          from,
          ...(wasBefore === undefined ? {} : { before: wasBefore }),
          ...(deal.lostReason ? { lostReason: deal.lostReason } : {}),
        };
      }
      dispatch(this, 'deal-moved', { deal: current, from, to, source, ...place });
      const s = this.text;
      this.announce(
        source === 'undo'
          ? s.undone
          : samePlace(from, to)
            ? this.reorderedText(current)
            : to.outcome === 'won'
              ? t(s.markedWon, { title: deal.title })
              : to.outcome === 'lost'
                ? t(s.markedLost, { title: deal.title, reason: reason ?? '' })
                : t(from.outcome === 'open' ? s.movedTo : s.reopenedIn, {
                    title: deal.title,
                    column: this.columnName(to.stageId),
                  }),
      );
      // A page calling moveDeal() keeps its own focus; a person's move keeps the card focused.
      if (source !== 'api' || this.focusedInside()) this.focusDeal(deal.id);
      return true;
    } catch (e) {
      this.fail(e, deal);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** "Moved to position 3 of 12 in Qualification", from the deals as they now are. */
  private reorderedText(deal: Deal): string {
    const shown = dealFilter(this.currentFilter());
    const column = this.deals
      .filter((d) => d.outcome === 'open' && d.stageId === deal.stageId && shown(d))
      .sort(compareRank);
    return t(this.text.reordered, {
      title: deal.title,
      position: formatInteger(column.findIndex((d) => d.id === deal.id) + 1, this.uiLang),
      count: formatInteger(column.length, this.uiLang),
      column: this.columnName(deal.stageId),
    });
  }

  /** Shows a storage failure and puts the board back in line with what is stored. */
  private fail(e: unknown, deal?: Deal): void {
    const s = this.text;
    const err = e instanceof StoreError ? e : undefined;
    switch (err?.code) {
      case 'conflict':
        if (err.current) this.upsert(err.current);
        this.addNotice('conflict', t(s.conflict, { title: deal?.title ?? '' }));
        break;
      case 'not-found':
        if (deal) this.forget(deal.id);
        this.addNotice('conflict', t(s.conflictGone, { title: deal?.title ?? '' }));
        break;
      case 'quota':
        this.addNotice('quota', s.quota);
        break;
      case 'closed':
        this.connection = 'reload-needed';
        break;
      default:
        this.addNotice(
          'error',
          t(s.failed, { detail: e instanceof Error ? e.message : String(e) }),
        );
    }
  }

  /**
   * Shows a notice; with `focus` (the result of something the person asked for, like an
   * import) it takes the focus, which reads it out. Errors are alerts and speak for
   * themselves; other notices go through the live region, so each is said once.
   */
  private addNotice(kind: NoticeKind, text: string, focus = false): void {
    // The same message twice in a row shows once.
    let notice = this.notices.find((n) => n.text === text);
    if (!notice) {
      notice = { id: ++this.noticeSeq, kind, text };
      this.notices = [...this.notices, notice];
      if (kind === 'info' && !focus) this.announce(text);
    }
    if (focus) {
      const id = String(notice.id);
      this.pendingFocusEl = () =>
        this.renderRoot.querySelector<HTMLElement>(`[data-notice="${id}"]`);
      this.requestUpdate();
    }
  }

  private announce(text: string): void {
    // A trailing no-break space toggles so that the same message is read again.
    this.announcement = text + (this.announcement.endsWith('\u00a0') ? '' : '\u00a0');
  }

  // ---- focus and windowing ----

  private listEl(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.list[data-col="${CSS.escape(key)}"]`);
  }

  private columnEl(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.column[data-col="${CSS.escape(key)}"]`);
  }

  private cardEl(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-deal="${CSS.escape(id)}"]`);
  }

  private focusedInside(): HTMLElement | null {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return active instanceof HTMLElement ? active : null;
  }

  /** Makes the deal the board's tab stop, scrolls its column to it and focuses it. */
  private focusDeal(id: string): void {
    const deal = this.dealById(id);
    if (!deal) return;
    const key = columnKeyOf(deal);
    const col = this.columns.find((c) => c.key === key);
    this.activeId = id;
    this.pendingFocus = id;
    const index = col?.deals.findIndex((d) => d.id === id) ?? -1;
    if (index >= 0) {
      const top = this.scrollTops.get(key) ?? 0;
      this.scrollTops.set(key, scrollToShow(index, top, this.viewport, CARD_ROW_HEIGHT));
    }
    this.requestUpdate();
  }

  private onListScroll(e: Event): void {
    const list = e.currentTarget as HTMLElement;
    const key = list.dataset.col!;
    this.scrollTops.set(key, list.scrollTop);
    if (list.clientHeight > 0) this.viewport = list.clientHeight;
    // Scroll events come at most once a frame and Lit batches updates: no rAF needed (and
    // none that a hidden tab would hold back).
    this.requestUpdate();
  }

  // ---- keyboard ----

  private onHostKeydown(e: KeyboardEvent): void {
    if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey) return;
    const target = e.composedPath()[0];
    const typing =
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement;
    if (typing || this.modal) return;
    e.preventDefault();
    void this.undo();
  }

  private onCardKeydown(e: KeyboardEvent, deal: Deal): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const s = this.text;
    const cols = this.columns;
    const colIndex = cols.findIndex((c) => c.key === columnKeyOf(deal));
    if (this.grab?.dealId === deal.id) {
      this.onGrabKeydown(e, deal, this.grab);
      return;
    }
    const col = cols[colIndex];
    if (!col) return;
    const index = col.deals.findIndex((d) => d.id === deal.id);
    const focusAt = (c: BoardColumn, i: number) => {
      const d = c.deals[Math.max(0, Math.min(c.deals.length - 1, i))];
      if (d) this.focusDeal(d.id);
    };
    switch (e.key) {
      case 'ArrowDown':
        focusAt(col, index + 1);
        break;
      case 'ArrowUp':
        focusAt(col, index - 1);
        break;
      case 'Home':
        focusAt(col, 0);
        break;
      case 'End':
        focusAt(col, col.deals.length - 1);
        break;
      case 'PageDown':
        focusAt(col, index + Math.max(1, Math.floor(this.viewport / CARD_ROW_HEIGHT)));
        break;
      case 'PageUp':
        focusAt(col, index - Math.max(1, Math.floor(this.viewport / CARD_ROW_HEIGHT)));
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const step = e.key === 'ArrowLeft' ? -1 : 1;
        for (let j = colIndex + step; j >= 0 && j < cols.length; j += step) {
          if (cols[j]!.deals.length) {
            focusAt(cols[j]!, index);
            break;
          }
        }
        break;
      }
      case ' ':
      case 'Enter':
        this.grab = { dealId: deal.id, targetKey: col.key, wanted: index };
        this.announce(
          t(s.pickedUp, {
            title: deal.title,
            column: col.name,
            position: formatInteger(index + 1, this.uiLang),
            count: formatInteger(col.deals.length, this.uiLang),
          }),
        );
        break;
      case 'e':
      case 'E':
      case 'F2':
        this.openDeal(deal);
        break;
      case 'Delete':
        void this.deleteDeal(deal);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  /**
   * Keys while a card is picked up: Up / Down choose its place in the target column, Left /
   * Right / Home / End the column, Space / Enter drop, Escape (or Tab away) cancels. The card
   * stays where it is until dropped; a marker shows where it would go.
   */
  private onGrabKeydown(e: KeyboardEvent, deal: Deal, grab: Grab): void {
    const s = this.text;
    const cols = this.columns;
    const target = Math.max(
      0,
      cols.findIndex((c) => c.key === grab.targetKey),
    );
    const home = columnKeyOf(deal);
    let next = target;
    let wanted = grab.wanted;
    const position = this.grabPosition(grab);
    switch (e.key) {
      case 'ArrowLeft':
        next = Math.max(0, target - 1);
        break;
      case 'ArrowRight':
        next = Math.min(cols.length - 1, target + 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = cols.length - 1;
        break;
      case 'ArrowUp':
        wanted = Math.max(0, position - 1);
        break;
      case 'ArrowDown':
        wanted = position + 1;
        break;
      case ' ':
      case 'Enter': {
        e.preventDefault();
        const key = grab.targetKey;
        const col = cols[target]!;
        this.grab = undefined;
        const before =
          col.outcome === 'open'
            ? beforeAtSlot(col.deals, deal.id, slotForPosition(col.deals, deal.id, position))
            : undefined;
        if (key === home && before === undefined) {
          this.announce(t(s.cancelled, { title: deal.title }));
        } else {
          // requestMove says how it ended (moved, vetoed, refused): one announcement per move.
          void this.requestMove(deal, key, 'keyboard', undefined, before);
        }
        return;
      }
      case 'Escape':
      case 'Tab':
        if (e.key === 'Escape') e.preventDefault();
        this.grab = undefined;
        this.announce(t(s.cancelled, { title: deal.title }));
        return;
      default:
        return;
    }
    e.preventDefault();
    const col = cols[next]!;
    const moved: Grab = { dealId: deal.id, targetKey: col.key, wanted };
    this.grab = moved;
    if (col.outcome !== 'open') {
      this.announce(
        t(s.over, { title: deal.title, column: col.name, index: next + 1, count: cols.length }),
      );
      return;
    }
    const at = this.grabPosition(moved);
    const count = col.deals.length + (col.key === home ? 0 : 1);
    const place = formatInteger(at + 1, this.uiLang);
    const size = formatInteger(count, this.uiLang);
    this.announce(
      next === target
        ? t(s.position, { title: deal.title, position: place, count: size, column: col.name })
        : t(s.overAt, {
            title: deal.title,
            column: col.name,
            index: next + 1,
            count: cols.length,
            position: place,
            size,
          }),
    );
    // Keep the marker in view.
    const slot = slotForPosition(col.deals, deal.id, at);
    const top = this.scrollTops.get(col.key) ?? 0;
    this.scrollTops.set(
      col.key,
      scrollToShow(Math.min(slot, col.deals.length - 1), top, this.viewport, CARD_ROW_HEIGHT),
    );
    this.pendingScroll = col.key;
  }

  /** Where a picked-up card would land in its target column: 0 = top, counting the card. */
  private grabPosition(grab: Grab): number {
    const col = this.columns.find((c) => c.key === grab.targetKey);
    if (!col) return 0;
    const others = col.deals.filter((d) => d.id !== grab.dealId).length;
    return Math.min(grab.wanted, others);
  }

  /** The column and gap a drop marker shows, from a keyboard grab or a pointer drag. */
  private insertion(): { key: string; slot: number } | undefined {
    const grab = this.grab;
    if (grab) {
      const col = this.columns.find((c) => c.key === grab.targetKey);
      if (!col) return undefined;
      return {
        key: col.key,
        slot: slotForPosition(col.deals, grab.dealId, this.grabPosition(grab)),
      };
    }
    const drag = this.drag;
    if (drag?.active && drag.targetKey !== undefined && drag.slot !== undefined) {
      return { key: drag.targetKey, slot: drag.slot };
    }
    return undefined;
  }

  // ---- pointer ----

  private onCardPointerDown(e: PointerEvent, deal: Deal): void {
    if (e.button !== 0 || this.drag || this.busy) return;
    const card = e.currentTarget as HTMLElement;
    // On touch only the grip starts a drag: the rest of the card must still scroll the column.
    if (e.pointerType === 'touch' && !(e.target as Element).closest('.grip')) return;
    try {
      this.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser no longer tracks (released already): moves still reach the host.
    }
    this.drag = startDrag(
      e,
      deal.id,
      card,
      this.renderRoot.querySelector('.base')!,
      this.renderRoot.querySelectorAll<HTMLElement>('.column'),
    );
  }

  private onDragMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId || isClick(drag, e)) return;
    e.preventDefault();
    const next = followDrag(drag, e);
    this.drag = { ...next, slot: this.slotUnder(next.targetKey, e.clientY) };
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
    let next = drag;
    const board = this.boardEl;
    if (board) {
      const r = board.getBoundingClientRect();
      const before = board.scrollLeft;
      board.scrollLeft += edgeSpeed(drag.x, r.left, r.right);
      next = shiftDrag(next, board.scrollLeft - before);
    }
    let scrolled = next !== drag;
    const list = next.targetKey === undefined ? null : this.listEl(next.targetKey);
    if (list) {
      const r = list.getBoundingClientRect();
      const before = list.scrollTop;
      if (drag.x >= r.left && drag.x <= r.right) {
        list.scrollTop += edgeSpeed(drag.y, r.top, r.bottom);
      }
      if (list.scrollTop !== before) {
        scrolled = true;
        // The scroll event renders the cards now in view; the slot is read from the list.
        this.scrollTops.set(next.targetKey!, list.scrollTop);
      }
    }
    if (!scrolled) return false;
    this.drag = { ...next, slot: this.slotUnder(next.targetKey, drag.y) };
    return true;
  }

  /** The gap between the cards of column `key` nearest to the pointer's `y`. */
  private slotUnder(key: string | undefined, y: number): number | undefined {
    const col = key === undefined ? undefined : this.columns.find((c) => c.key === key);
    if (!col) return undefined;
    const list = this.listEl(col.key);
    if (!list) return 0;
    const box = list.getBoundingClientRect();
    return slotAt(
      y,
      { top: box.top, scrollTop: list.scrollTop },
      CARD_ROW_HEIGHT,
      CARD_GAP,
      col.deals.length,
    );
  }

  private onDragEnd(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.drag = undefined;
    this.edgeScroll.stop();
    const deal = this.dealById(drag.dealId);
    if (!deal) return;
    if (isClick(drag, e)) {
      this.activeId = deal.id;
      this.openDeal(deal);
      return;
    }
    const key = dropKey(drag, e);
    const col = this.columns.find((c) => c.key === key);
    if (!key || !col) return;
    // The release point decides, as for the column.
    const slot = this.slotUnder(key, e.clientY) ?? 0;
    const before = col.outcome === 'open' ? beforeAtSlot(col.deals, deal.id, slot) : undefined;
    if (key !== columnKeyOf(deal) || before !== undefined) {
      void this.requestMove(deal, key, 'pointer', undefined, before);
    }
  }

  private onDragCancel(e: PointerEvent): void {
    if (!this.drag || e.pointerId !== this.drag.pointerId) return;
    this.drag = undefined;
    this.edgeScroll.stop();
  }

  // ---- deals: dialog, delete ----

  private openDeal(deal?: Deal): void {
    this.returnFocus = this.focusedInside();
    this.modal = {
      kind: 'deal',
      form: deal ? { dealId: deal.id, baseVersion: deal.version, errors: {} } : { errors: {} },
    };
  }

  private async onDealSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const modal = this.modal;
    const repo = this.repo;
    const pipeline = this.pipelineRecord;
    if (modal?.kind !== 'deal' || !repo || !pipeline) return;
    const read = readDealForm(e.currentTarget as HTMLFormElement, pipeline, this.uiLang, this.text);
    const form0 = modal.form;
    if (Object.keys(read.errors).length) {
      this.modal = { ...modal, form: { ...form0, errors: read.errors } };
      return;
    }
    try {
      const deal = form0.dealId
        ? await repo.updateDeal(form0.dealId, read.values, form0.baseVersion!)
        : await repo.createDeal(pipeline.id, newDealFrom(read));
      this.upsert(deal);
      this.modal = undefined;
      this.focusDeal(deal.id);
    } catch (err) {
      const s = this.text;
      if (err instanceof StoreError && err.code === 'conflict' && err.current) {
        this.upsert(err.current);
        this.modal = {
          ...modal,
          form: {
            ...form0,
            errors: {},
            baseVersion: err.current.version,
            changedElsewhere: this.summaryOf(err.current),
          },
        };
      } else if (err instanceof StoreError && err.code === 'invalid') {
        const byField: FieldErrors = {};
        for (const d of err.details) byField[d.field as FormField] ??= d.message;
        this.modal = { ...modal, form: { ...form0, errors: byField } };
      } else {
        const text =
          err instanceof StoreError && err.code === 'quota'
            ? s.quota
            : t(s.failed, { detail: err instanceof Error ? err.message : String(err) });
        this.modal = { ...modal, form: { ...form0, errors: {}, formError: text } };
      }
    }
  }

  private async deleteDeal(deal: Deal): Promise<void> {
    const repo = this.repo;
    if (!repo) return;
    // The next card in the column keeps the keyboard's place; with none left, the column.
    const key = columnKeyOf(deal);
    const col = this.columns.find((c) => c.key === key);
    const index = col?.deals.findIndex((d) => d.id === deal.id) ?? -1;
    const next = col?.deals[index + 1] ?? col?.deals[index - 1];
    try {
      const snapshot = await repo.deleteDeal(deal.id, deal.version);
      this.forget(deal.id);
      this.undoEntry = { kind: 'delete', snapshot };
      if (this.modal?.kind === 'deal') this.modal = undefined;
      this.announce(t(this.text.deleted, { title: deal.title }));
      if (next) this.focusDeal(next.id);
      else {
        this.pendingFocusEl = () => this.columnEl(key);
        this.requestUpdate();
      }
    } catch (e) {
      this.fail(e, deal);
    }
  }

  private async onLostSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const modal = this.modal;
    if (modal?.kind !== 'lost') return;
    const reason = readLostReason(e.currentTarget as HTMLFormElement);
    if (!reason) {
      this.modal = { ...modal, error: t(this.text.errRequired, { field: this.text.lostReason }) };
      return;
    }
    const deal = this.dealById(modal.dealId);
    this.modal = undefined;
    if (deal) await this.requestMove(deal, LOST_KEY, modal.source, reason);
  }

  private onDialogClose(): void {
    this.modal = undefined;
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (this.pendingFocus) return;
    if (back?.isConnected) back.focus();
  }

  // ---- stages ----

  /** Runs one stage edit, then re-reads the board; a refusal shows in the stage editor. */
  private async stageAction(action: (repo: SalesRepository, id: string) => Promise<unknown>) {
    const repo = this.repo;
    const pipeline = this.pipelineRecord;
    if (!repo || !pipeline) return;
    try {
      await action(repo, pipeline.id);
      if (this.modal?.kind === 'stages') this.modal = { kind: 'stages' };
      await this.load();
    } catch (e) {
      const text =
        e instanceof StoreError && e.code === 'quota'
          ? this.text.quota
          : e instanceof StoreError && e.code === 'invalid' && e.details[0]
            ? e.details.map((d) => d.message).join(' ')
            : t(this.text.failed, { detail: e instanceof Error ? e.message : String(e) });
      if (this.modal?.kind === 'stages') this.modal = { ...this.modal, error: text };
    }
  }

  private moveStage(index: number, step: number): void {
    const stages = [...(this.pipelineRecord?.stages ?? [])].map((s) => s.id);
    const j = index + step;
    if (j < 0 || j >= stages.length) return;
    [stages[index], stages[j]] = [stages[j]!, stages[index]!];
    void this.stageAction((repo, id) => repo.reorderStages(id, stages));
  }

  private onAddStage(e: SubmitEvent): void {
    e.preventDefault();
    const name = takeNewStageName(e.currentTarget as HTMLFormElement);
    if (name) {
      void this.stageAction((repo, id) => repo.addStage(id, { name }));
    } else if (this.modal?.kind === 'stages') {
      this.modal = {
        ...this.modal,
        error: t(this.text.errRequired, { field: this.text.newStageName }),
      };
    }
  }

  // ---- import, export, sample ----

  private onImportClick(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  }

  private async onFileChosen(e: Event): Promise<void> {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.importFile(file);
  }

  /** A refused import: every bad row listed, or the one reason. */
  private importFailed(name: string, err: unknown): void {
    const s = this.text;
    this.importing = undefined;
    if (err instanceof StoreError && err.details.length) {
      this.importErrors = { name, errors: err.details };
    } else if (err instanceof StoreError && err.code === 'quota') {
      this.addNotice('quota', s.quota);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      this.importErrors = { name, errors: [{ field: '', code: 'failed', message }] };
    }
    // The report is an alert and takes the focus, so the rows can be read one by one.
    if (this.importErrors) {
      this.pendingFocusEl = () => this.renderRoot.querySelector<HTMLElement>('.import-errors');
    }
  }

  private exportCsv(): void {
    const pipeline = this.pipelineRecord;
    if (!pipeline) return;
    download(
      `${pipeline.id}.csv`,
      dealsToCsv(pipeline, this.deals, { lang: this.uiLang }),
      'text/csv',
    );
  }

  private async exportJson(): Promise<void> {
    const repo = this.repo;
    const pipeline = this.pipelineRecord;
    if (!repo || !pipeline) return;
    try {
      const data = await repo.exportPipeline(pipeline.id);
      download(`${pipeline.id}.json`, JSON.stringify(data, null, 2), 'application/json');
    } catch (e) {
      this.fail(e);
    }
  }

  private confirmSample(): void {
    this.modal = {
      kind: 'confirm',
      title: this.text.loadSample,
      text: t(this.text.sampleConfirm, { count: SAMPLE_DEALS }),
      run: () => this.loadSample(),
    };
  }

  // ---- render ----

  override render(): TemplateResult {
    const s = this.text;
    const repo = this.repo;
    return html`
      <div class="base" part="base" lang=${this.uiLang}>
        ${this.renderToolbar()}
        <div class="notices">
          ${renderNotices({
            memoryOnly: Boolean(repo && !repo.persistent),
            connection: this.connection,
            loadError: this.loadError,
            attributeError: this.attributeError,
            notices: this.notices,
            strings: s,
            onReload: () => location.reload(),
            onDismiss: (n) => (this.notices = this.notices.filter((x) => x !== n)),
          })}
          ${renderTransferPanel({
            importing: this.importing,
            report: this.importErrors,
            strings: s,
            lang: this.uiLang,
            onDismissReport: () => (this.importErrors = undefined),
          })}
        </div>
        ${
          this.pipelineRecord
            ? this.renderBoard()
            : this.loadError
              ? nothing
              : html`<p class="loading">${s.loading}</p>`
        }
        <p id="instructions" class="hint">${s.instructions}</p>
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
          ${this.announcement}
        </div>
        ${this.renderGhost()}
        <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
          ${this.renderModal()}
        </dialog>
      </div>
    `;
  }

  private renderToolbar(): TemplateResult {
    const s = this.text;
    const undo = this.undoEntry;
    const undoLabel = !undo
      ? s.undo
      : undo.kind === 'move'
        ? t(s.undoMove, { title: undo.title })
        : t(s.undoDelete, { title: undo.snapshot.deal.title });
    const ready = Boolean(this.pipelineRecord);
    return html`
      <div class="toolbar" part="toolbar" role="toolbar" aria-label=${s.toolbarLabel}>
        <label class="field search">
          <span>${s.search}</span>
          <input
            type="search"
            .value=${this.searchText}
            placeholder=${s.searchPlaceholder}
            @input=${(e: Event) => (this.searchText = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span>${s.owner}</span>
          <select
            .value=${this.ownerFilter}
            @change=${(e: Event) => (this.ownerFilter = (e.target as HTMLSelectElement).value)}
          >
            <option value="">${s.anyOwner}</option>
            ${this.owners.map(
              (o) => html`<option value=${o} ?selected=${o === this.ownerFilter}>${o}</option>`,
            )}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            .checked=${this.staleOnly}
            @change=${(e: Event) => (this.staleOnly = (e.target as HTMLInputElement).checked)}
          />
          <span>${s.staleOnly}</span>
        </label>
        <div class="actions">
          <button
            type="button"
            part="button"
            class="primary"
            ?disabled=${!ready}
            @click=${() => this.openDeal()}
          >
            ${s.addDeal}
          </button>
          <button
            type="button"
            part="button"
            ?disabled=${!undo}
            title=${undoLabel}
            aria-label=${undoLabel}
            @click=${() => void this.undo()}
          >
            ${s.undo}
          </button>
          <button
            type="button"
            part="button"
            ?disabled=${!ready}
            @click=${() => (this.modal = { kind: 'stages' })}
          >
            ${s.editStages}
          </button>
          <button
            type="button"
            part="button"
            ?disabled=${!ready || Boolean(this.importing)}
            @click=${this.onImportClick}
          >
            ${s.importFile}
          </button>
          <input
            class="file"
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            tabindex="-1"
            aria-hidden="true"
            @change=${this.onFileChosen}
          />
          <button type="button" part="button" ?disabled=${!ready} @click=${this.exportCsv}>
            ${s.exportCsv}
          </button>
          <button
            type="button"
            part="button"
            ?disabled=${!ready}
            @click=${() => void this.exportJson()}
          >
            ${s.exportJson}
          </button>
          ${
            this.noSample
              ? nothing
              : html`<button
                  type="button"
                  part="button"
                  ?disabled=${!ready || Boolean(this.importing)}
                  @click=${this.confirmSample}
                >
                  ${s.loadSample}
                </button>`
          }
        </div>
      </div>
    `;
  }

  private renderBoard(): TemplateResult {
    const cols = this.columns;
    // The tab stop: the active card if it is rendered, else the first card rendered.
    const rendered = cols.map((c) => {
      const top = this.scrollTops.get(c.key) ?? 0;
      return visibleRange(c.deals.length, top, this.viewport, CARD_ROW_HEIGHT);
    });
    const activeShown = cols.some((c, i) =>
      c.deals.slice(rendered[i]!.start, rendered[i]!.end).some((d) => d.id === this.activeId),
    );
    let tabStop = activeShown ? this.activeId : undefined;
    if (!tabStop) {
      const i = rendered.findIndex((r) => r.end > r.start);
      tabStop = i >= 0 ? cols[i]!.deals[rendered[i]!.start]?.id : undefined;
    }
    return html`
      <div
        class="board ${this.drag?.active ? 'dragging' : ''}"
        part="board"
        role="region"
        tabindex="0"
        aria-label=${this.text.boardLabel}
        aria-describedby="instructions"
      >
        ${cols.map((c, i) => this.renderColumn(c, i, rendered[i]!, tabStop))}
      </div>
    `;
  }

  private renderColumn(
    col: BoardColumn,
    i: number,
    range: { start: number; end: number },
    tabStop: string | undefined,
  ): TemplateResult {
    const s = this.text;
    const lang = this.uiLang;
    const currency = this.pipelineRecord?.currency ?? 'EUR';
    const target = this.grab?.targetKey ?? (this.drag?.active ? this.drag.targetKey : undefined);
    const slice = col.deals.slice(range.start, range.end);
    const insertion = this.insertion();
    const movingId = this.grab?.dealId ?? this.drag?.dealId;
    const marker =
      col.outcome === 'open' &&
      insertion?.key === col.key &&
      movingId !== undefined &&
      beforeAtSlot(col.deals, movingId, insertion.slot) !== undefined
        ? insertion.slot
        : undefined;
    const filtered = Boolean(this.searchText || this.ownerFilter || this.staleOnly);
    return html`
      <section
        class="column ${col.outcome} ${target === col.key ? 'target' : ''}"
        part="column"
        data-col=${col.key}
        aria-labelledby="col-${i}"
        tabindex="-1"
      >
        <header class="column-header" part="column-header">
          <h3 id="col-${i}">${col.name}</h3>
          <p class="count">${t(s.deals, { count: formatInteger(col.count, lang) })}</p>
          <dl class="totals">
            <div>
              <dt>${s.total}</dt>
              <dd>${formatMoney(col.amount, lang, currency, true)}</dd>
            </div>
            ${
              col.outcome === 'open'
                ? html`<div>
                    <dt>${s.weighted}</dt>
                    <dd>${formatMoney(col.weighted, lang, currency, true)}</dd>
                  </div>`
                : nothing
            }
          </dl>
        </header>
        ${
          col.deals.length === 0
            ? html`<p class="empty">${filtered ? s.noMatches : s.emptyColumn}</p>`
            : html`<div class="list" data-col=${col.key} @scroll=${this.onListScroll}>
                ${
                  marker === undefined
                    ? nothing
                    : html`<div
                        class="drop-marker"
                        part="drop-marker"
                        aria-hidden="true"
                        style=${styleProps({
                          'inset-block-start': `${Math.min(marker * CARD_ROW_HEIGHT + CARD_GAP / 2, col.deals.length * CARD_ROW_HEIGHT) - 2}px`,
                        })}
                      ></div>`
                }
                <ul
                  class="cards"
                  aria-labelledby="col-${i}"
                  style=${styleProps({
                    'padding-block-start': `${range.start * CARD_ROW_HEIGHT}px`,
                    'padding-block-end': `${(col.deals.length - range.end) * CARD_ROW_HEIGHT}px`,
                  })}
                >
                  ${repeat(
                    slice,
                    (d) => d.id,
                    (d, j) =>
                      this.renderCard(d, range.start + j, col.deals.length, d.id === tabStop),
                  )}
                </ul>
              </div>`
        }
      </section>
    `;
  }

  private renderCard(deal: Deal, index: number, size: number, tabStop: boolean): TemplateResult {
    const s = this.text;
    const lang = this.uiLang;
    const days = daysInStage(deal, this.now);
    const stale = isStale(deal, this.now, this.staleAfter);
    const grabbed = this.grab?.dealId === deal.id;
    const dragged = this.drag?.active && this.drag.dealId === deal.id;
    return html`
      <li
        class="card ${stale ? 'stale' : ''} ${grabbed ? 'grabbed' : ''} ${dragged ? 'dragged' : ''}"
        part="card${stale ? ' card-stale' : ''}"
        data-deal=${deal.id}
        tabindex=${tabStop ? 0 : -1}
        aria-posinset=${index + 1}
        aria-setsize=${size}
        aria-describedby="instructions"
        @keydown=${(e: KeyboardEvent) => this.onCardKeydown(e, deal)}
        @focus=${() => (this.activeId = deal.id)}
        @pointerdown=${(e: PointerEvent) => this.onCardPointerDown(e, deal)}
      >
        ${renderCardBody({ deal, days, stale, strings: s, lang })}
      </li>
    `;
  }

  private renderGhost(): TemplateResult | typeof nothing {
    const drag = this.drag;
    if (!drag?.active) return nothing;
    const deal = this.dealById(drag.dealId);
    if (!deal) return nothing;
    const x = drag.x - drag.offsetX - drag.origin.left;
    const y = drag.y - drag.offsetY - drag.origin.top;
    return html`<div
      class="card ghost"
      part="ghost"
      aria-hidden="true"
      style=${styleProps({ transform: `translate(${x}px, ${y}px)`, 'inline-size': `${drag.width}px` })}
    >
      ${renderCardBody({
        deal,
        days: daysInStage(deal, this.now),
        stale: false,
        strings: this.text,
        lang: this.uiLang,
      })}
    </div>`;
  }

  private renderModal(): TemplateResult | typeof nothing {
    const modal = this.modal;
    if (!modal) return nothing;
    const strings = this.text;
    const lang = this.uiLang;
    const close = () => (this.modal = undefined);
    switch (modal.kind) {
      case 'deal':
        return renderDealDialog({
          form: modal.form,
          deal: modal.form.dealId ? this.dealById(modal.form.dealId) : undefined,
          pipeline: this.pipelineRecord,
          owners: this.owners,
          strings,
          lang,
          onSubmit: (e) => void this.onDealSubmit(e),
          onDelete: (deal) => void this.deleteDeal(deal),
          onCancel: close,
        });
      case 'lost':
        return renderLostDialog({
          title: this.dealById(modal.dealId)?.title ?? '',
          error: modal.error,
          strings,
          onSubmit: (e) => void this.onLostSubmit(e),
          onCancel: close,
        });
      case 'stages':
        return renderStageEditor({
          stages: this.pipelineRecord?.stages ?? [],
          removing: modal.removing,
          error: modal.error,
          dealsIn: (id) => this.deals.filter((d) => d.stageId === id).length,
          strings,
          lang,
          onRename: (stageId, name) =>
            void this.stageAction((repo, id) => repo.renameStage(id, stageId, name)),
          onMove: (index, step) => this.moveStage(index, step),
          onChooseRemove: (stageId) => (this.modal = { kind: 'stages', removing: stageId }),
          onRemove: (stageId, to) =>
            void this.stageAction((repo, id) => repo.removeStage(id, stageId, to)),
          onAdd: (e) => this.onAddStage(e),
          onClose: close,
        });
      case 'confirm':
        return renderConfirmDialog({
          title: modal.title,
          text: modal.text,
          strings,
          onCancel: close,
          onConfirm: () => {
            this.modal = undefined;
            void modal.run();
          },
        });
    }
  }
}
