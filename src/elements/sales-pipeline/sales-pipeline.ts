import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sampleHistory } from '../../analytics/sample.js';
import { formatInteger, formatMoney, pickText } from '../../model/format.js';
import { getPreset } from '../../model/presets.js';
import type { Deal, Lang, Pipeline } from '../../model/types.js';
import { StoreError, type FieldError } from '../../store/errors.js';
import type { PipelineExport } from '../../store/records.js';
import type {
  DeletedDeal,
  ImportProgress,
  NewDeal,
  RepositoryNotice,
  SalesRepository,
  StoreChange,
} from '../../store/repository.js';
import { dealsToCsv, importCsv, parseAmount, readImportFile } from '../../store/transfer.js';
import { MAX_TEXT, MAX_TITLE, checkDealFields } from '../../store/validate.js';
import { LangController } from '../controllers/lang-controller.js';
import { RepositoryController } from '../controllers/repository-controller.js';
import { dispatch } from '../events.js';
import { t } from '../i18n.js';
import { styleProps } from '../style-props.js';
import {
  LOST_KEY,
  WON_KEY,
  buildColumns,
  columnKeyOf,
  daysInStage,
  isStale,
  ownersOf,
  scrollToShow,
  visibleRange,
  type BoardColumn,
} from './board-model.js';
import type { BoardPlace, DealBeforeMoveDetail } from './events.js';
import './events.js';
import { styles } from './sales-pipeline.styles.js';
import { pipelineStrings, type PipelineStrings } from './strings.js';

/** Height of a card plus the gap below it, in px; `sales-pipeline.styles.ts` uses the same. */
export const CARD_ROW_HEIGHT = 112;
/** Column viewport assumed before the first measurement. */
const DEFAULT_VIEWPORT = 520;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 6;
/** Distance from the board's edge where a drag scrolls it sideways. */
const EDGE = 48;
const SAMPLE_DEALS = 300;
const MAX_LISTED_ERRORS = 50;

type MoveSource = DealBeforeMoveDetail['source'];
type FormField =
  | 'title'
  | 'company'
  | 'contact'
  | 'amount'
  | 'currency'
  | 'owner'
  | 'expectedClose'
  | 'stageId'
  | 'notes';

type NoticeKind = 'quota' | 'conflict' | 'error' | 'info';
interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

type UndoEntry =
  | { kind: 'move'; dealId: string; title: string; from: BoardPlace; lostReason?: string }
  | { kind: 'delete'; snapshot: DeletedDeal };

interface DealForm {
  dealId?: string;
  /** The version the person is editing; a newer stored one is a conflict. */
  baseVersion?: number;
  errors: Partial<Record<FormField, string>>;
  formError?: string;
  changedElsewhere?: string;
}

type Modal =
  | { kind: 'deal'; form: DealForm }
  | { kind: 'lost'; dealId: string; source: MoveSource; error?: string }
  | { kind: 'stages'; removing?: string; error?: string }
  | { kind: 'confirm'; title: string; text: string; run: () => Promise<void> };

interface Grab {
  dealId: string;
  targetKey: string;
}

interface Drag {
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
  active: boolean;
  targetKey?: string;
  /** Column boxes and the board's, measured when the drag starts. */
  columns: { key: string; left: number; right: number }[];
  origin: { left: number; top: number };
}

interface ImportState {
  name: string;
  progress?: ImportProgress;
}

const ERROR_KEYS: Record<string, keyof PipelineStrings> = {
  required: 'errRequired',
  'too-long': 'errTooLong',
  'not-a-number': 'errNumber',
  negative: 'errNegative',
  'bad-currency': 'errCurrency',
  'bad-date': 'errDate',
};

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
function formatDay(iso: string, lang: Lang): string {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(lang, f);
  }
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

const placeOf = (d: Deal): BoardPlace => ({ stageId: d.stageId, outcome: d.outcome });
const samePlace = (a: BoardPlace, b: BoardPlace) =>
  a.outcome === b.outcome && (a.outcome !== 'open' || a.stageId === b.stageId);

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
 * @fires deal-before-move - Cancelable, before a move is written; detail `DealBeforeMoveDetail` (`{ deal, from, to, source }`).
 * @fires deal-moved - A move is stored; detail `DealMovedDetail` (`{ deal, from, to, source }`).
 * @fires error - The pipeline could not be opened; detail `{ field, message }`.
 */
export class SalesPipeline extends LitElement {
  static override styles = styles;

  private readonly langCtl = new LangController(this);
  private readonly repoCtl = new RepositoryController(this, {
    pipeline: () => this.pipelineRecord?.id,
    database: () => this.database,
    lang: () => this.langCtl.lang,
    onRepository: () => void this.load(),
    onChange: (change) => this.onStoreChange(change),
    onNotice: (notice) => this.onNotice(notice),
  });

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
  @state() private importErrors?: { name: string; errors: FieldError[] };
  @state() private connection: 'ok' | 'blocked' | 'reload-needed' = 'ok';
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
  @property({ type: Number, attribute: 'stale-days' }) staleDays = 30;

  /** `light` or `dark` forces a theme; otherwise the system preference decides. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Overrides for any of the UI texts. */
  @property({ attribute: false }) strings?: Partial<PipelineStrings>;

  private columns: BoardColumn[] = [];
  private columnsFor?: unknown[];
  private owners: string[] = [];
  private now = Date.now();
  private loadToken = 0;
  private scrollTops = new Map<string, number>();
  private viewport = DEFAULT_VIEWPORT;
  private pendingFocus?: string;
  private pendingIds = new Set<string>();
  private pendingReload = false;
  private refreshQueued = false;
  private noticeSeq = 0;
  private returnFocus?: HTMLElement | null;
  private reportedError = '';

  constructor() {
    super();
    this.addEventListener('keydown', (e) => this.onHostKeydown(e));
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
    const staleDays = Number.isFinite(this.staleDays) && this.staleDays >= 0 ? this.staleDays : 30;
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
        ? buildColumns(
            this.pipelineRecord,
            this.deals,
            {
              text: this.searchText,
              owner: this.ownerFilter,
              staleOnly: this.staleOnly,
              staleDays,
              now: this.now,
            },
            this.uiLang,
            { won: s.won, lost: s.lost },
          )
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
    const list = this.renderRoot.querySelector<HTMLElement>('.list');
    if (list && list.clientHeight > 0 && Math.abs(list.clientHeight - this.viewport) > 1) {
      this.viewport = list.clientHeight;
      this.requestUpdate();
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
      }
    }
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
   * `deal-before-move` and `deal-moved`, and is undoable. Resolves `true` once stored.
   */
  moveDeal(
    dealId: string,
    to: { stageId?: string; outcome?: 'open' | 'won' | 'lost'; reason?: string },
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
      const done = await this.requestMove(deal, key, 'undo', entry.lostReason ?? '');
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

  // ---- data ----

  private dealById(id: string): Deal | undefined {
    return this.deals.find((d) => d.id === id);
  }

  private upsert(deal: Deal): void {
    const i = this.deals.findIndex((d) => d.id === deal.id);
    this.deals = i < 0 ? [...this.deals, deal] : this.deals.with(i, deal);
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
   * move to lost asks the person for one first.
   */
  private async requestMove(
    deal: Deal,
    key: string,
    source: MoveSource,
    reason?: string,
  ): Promise<boolean> {
    const repo = this.repo;
    const from = placeOf(deal);
    const to = this.placeFor(key, deal);
    if (!repo || samePlace(from, to)) return false;
    if (to.outcome === 'lost' && reason === undefined) {
      this.modal = { kind: 'lost', dealId: deal.id, source };
      return false;
    }
    const allowed = dispatch(
      this,
      'deal-before-move',
      { deal, from, to, source },
      { cancelable: true },
    );
    if (!allowed) {
      this.announce(t(this.text.vetoed, { title: deal.title }));
      return false;
    }
    this.busy = true;
    try {
      let current = deal;
      if (to.outcome === 'open') {
        // Reopening and moving are two writes: the store records each as its own event.
        if (current.outcome !== 'open') {
          current = (await repo.setOutcome(deal.id, 'open', { expectedVersion: current.version }))
            .deal;
        }
        if (current.stageId !== to.stageId) {
          current = (await repo.moveDeal(deal.id, to.stageId, { expectedVersion: current.version }))
            .deal;
        }
      } else {
        current = (
          await repo.setOutcome(deal.id, to.outcome, {
            expectedVersion: current.version,
            ...(reason ? { reason } : {}),
          })
        ).deal;
      }
      this.upsert(current);
      if (source !== 'undo') {
        this.undoEntry = {
          kind: 'move',
          dealId: deal.id,
          title: deal.title,
          from,
          ...(deal.lostReason ? { lostReason: deal.lostReason } : {}),
        };
      }
      dispatch(this, 'deal-moved', { deal: current, from, to, source });
      const s = this.text;
      this.announce(
        source === 'undo'
          ? s.undone
          : to.outcome === 'won'
            ? t(s.markedWon, { title: deal.title })
            : to.outcome === 'lost'
              ? t(s.markedLost, { title: deal.title, reason: reason ?? '' })
              : t(from.outcome === 'open' ? s.movedTo : s.reopenedIn, {
                  title: deal.title,
                  column: this.columnName(to.stageId),
                }),
      );
      this.focusDeal(deal.id);
      return true;
    } catch (e) {
      this.fail(e, deal);
      return false;
    } finally {
      this.busy = false;
    }
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

  private addNotice(kind: NoticeKind, text: string): void {
    // The same message twice in a row shows once.
    if (this.notices.some((n) => n.text === text)) return;
    this.notices = [...this.notices, { id: ++this.noticeSeq, kind, text }];
    this.announce(text);
  }

  private announce(text: string): void {
    // A trailing no-break space toggles so that the same message is read again.
    this.announcement = text + (this.announcement.endsWith('\u00a0') ? '' : '\u00a0');
  }

  // ---- focus and windowing ----

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
      const target = cols.findIndex((c) => c.key === this.grab!.targetKey);
      let next: number;
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
        case 'ArrowDown':
          // Cards in a column are ordered by when they entered it; there is no place to pick.
          next = target;
          break;
        case ' ':
        case 'Enter': {
          e.preventDefault();
          const key = this.grab.targetKey;
          this.grab = undefined;
          if (key === columnKeyOf(deal)) {
            this.announce(t(s.cancelled, { title: deal.title }));
          } else {
            this.announce(t(s.dropped, { title: deal.title, column: this.columnName(key) }));
            void this.requestMove(deal, key, 'keyboard');
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
      this.grab = { dealId: deal.id, targetKey: col.key };
      this.announce(
        t(s.over, { title: deal.title, column: col.name, index: next + 1, count: cols.length }),
      );
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
        this.grab = { dealId: deal.id, targetKey: col.key };
        this.announce(t(s.pickedUp, { title: deal.title, column: col.name }));
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

  // ---- pointer ----

  private onCardPointerDown(e: PointerEvent, deal: Deal): void {
    if (e.button !== 0 || this.drag || this.busy) return;
    const card = e.currentTarget as HTMLElement;
    // On touch only the grip starts a drag: the rest of the card must still scroll the column.
    if (e.pointerType === 'touch' && !(e.target as Element).closest('.grip')) return;
    const box = card.getBoundingClientRect();
    const base = this.renderRoot.querySelector<HTMLElement>('.base')!.getBoundingClientRect();
    try {
      card.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser no longer tracks (released already): moves still reach the card.
    }
    this.drag = {
      dealId: deal.id,
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      x: e.clientX,
      y: e.clientY,
      offsetX: e.clientX - box.left,
      offsetY: e.clientY - box.top,
      width: box.width,
      active: false,
      columns: [...this.renderRoot.querySelectorAll<HTMLElement>('.column')].map((c) => {
        const r = c.getBoundingClientRect();
        return { key: c.dataset.col!, left: r.left, right: r.right };
      }),
      origin: { left: base.left, top: base.top },
    };
  }

  private onCardPointerMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    const moved = Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY);
    if (!drag.active && moved < DRAG_THRESHOLD) return;
    e.preventDefault();
    let shift = 0;
    const board = this.boardEl;
    if (board) {
      const r = board.getBoundingClientRect();
      if (e.clientX < r.left + EDGE) shift = -16;
      else if (e.clientX > r.right - EDGE) shift = 16;
      const before = board.scrollLeft;
      if (shift) board.scrollLeft += shift;
      shift = board.scrollLeft - before;
    }
    const columns = shift
      ? drag.columns.map((c) => ({ ...c, left: c.left - shift, right: c.right - shift }))
      : drag.columns;
    const hit = columns.find((c) => e.clientX >= c.left && e.clientX < c.right);
    this.drag = {
      ...drag,
      active: true,
      x: e.clientX,
      y: e.clientY,
      columns,
      targetKey: hit?.key ?? drag.targetKey,
    };
  }

  private onCardPointerUp(e: PointerEvent, deal: Deal): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.drag = undefined;
    const moved = Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY);
    if (!drag.active && moved < DRAG_THRESHOLD) {
      this.activeId = deal.id;
      this.openDeal(deal);
      return;
    }
    // Pointer moves are delivered once a frame, and a quick flick (or a tab that is not
    // painting) may deliver none before the release: the release point decides.
    const hit = drag.columns.find((c) => e.clientX >= c.left && e.clientX < c.right);
    const key = hit?.key ?? drag.targetKey;
    if (key && key !== columnKeyOf(deal)) void this.requestMove(deal, key, 'pointer');
  }

  private onCardPointerCancel(e: PointerEvent): void {
    if (this.drag && e.pointerId === this.drag.pointerId) this.drag = undefined;
  }

  // ---- deals: dialog, delete ----

  private openDeal(deal?: Deal): void {
    this.returnFocus = this.focusedInside();
    this.modal = {
      kind: 'deal',
      form: deal ? { dealId: deal.id, baseVersion: deal.version, errors: {} } : { errors: {} },
    };
  }

  private formErrors(
    fields: Partial<Record<keyof Deal, unknown>>,
  ): Partial<Record<FormField, string>> {
    const s = this.text;
    const labels: Record<string, string> = {
      title: s.fieldTitle,
      company: s.fieldCompany,
      contact: s.fieldContact,
      amount: s.fieldAmount,
      currency: s.fieldCurrency,
      owner: s.fieldOwner,
      expectedClose: s.fieldClose,
      stageId: s.fieldStage,
      notes: s.fieldNotes,
    };
    const errors: Partial<Record<FormField, string>> = {};
    for (const err of checkDealFields(fields, this.pipelineRecord, this.uiLang)) {
      const field = err.field as FormField;
      if (errors[field]) continue;
      const key = ERROR_KEYS[err.code];
      errors[field] = key
        ? t(s[key], {
            field: labels[field] ?? field,
            max: field === 'title' ? MAX_TITLE : MAX_TEXT,
          })
        : err.message;
    }
    return errors;
  }

  private async onDealSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const modal = this.modal;
    const repo = this.repo;
    const pipeline = this.pipelineRecord;
    if (modal?.kind !== 'deal' || !repo || !pipeline) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const get = (k: FormField) => String(data.get(k) ?? '').trim();
    const amountText = get('amount');
    const amount = amountText === '' ? 0 : parseAmount(amountText);
    const values = {
      title: get('title'),
      company: get('company') || undefined,
      contact: get('contact') || undefined,
      amount,
      currency: get('currency').toUpperCase() || pipeline.currency,
      owner: get('owner') || undefined,
      expectedClose: get('expectedClose') || undefined,
      notes: get('notes') || undefined,
    };
    const stageId = get('stageId') || undefined;
    const errors = this.formErrors({ ...values, ...(stageId ? { stageId } : {}) });
    if (amountText !== '' && Number.isNaN(amount)) {
      errors.amount = t(this.text.errNumber, { field: this.text.fieldAmount });
    }
    const form0 = modal.form;
    if (Object.keys(errors).length) {
      this.modal = { ...modal, form: { ...form0, errors } };
      return;
    }
    try {
      let deal: Deal;
      if (form0.dealId) {
        deal = await repo.updateDeal(form0.dealId, values, form0.baseVersion!);
      } else {
        const input: NewDeal = Object.fromEntries(
          Object.entries({ ...values, stageId }).filter(([, v]) => v !== undefined),
        ) as unknown as NewDeal;
        deal = await repo.createDeal(pipeline.id, input);
      }
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
        const byField: Partial<Record<FormField, string>> = {};
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
    // The next card in the column keeps the keyboard's place.
    const col = this.columns.find((c) => c.key === columnKeyOf(deal));
    const index = col?.deals.findIndex((d) => d.id === deal.id) ?? -1;
    const next = col?.deals[index + 1] ?? col?.deals[index - 1];
    try {
      const snapshot = await repo.deleteDeal(deal.id, deal.version);
      this.forget(deal.id);
      this.undoEntry = { kind: 'delete', snapshot };
      if (this.modal?.kind === 'deal') this.modal = undefined;
      this.announce(t(this.text.deleted, { title: deal.title }));
      if (next) this.focusDeal(next.id);
    } catch (e) {
      this.fail(e, deal);
    }
  }

  private async onLostSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const modal = this.modal;
    if (modal?.kind !== 'lost') return;
    const reason = String(
      new FormData(e.currentTarget as HTMLFormElement).get('reason') ?? '',
    ).trim();
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
    const form = e.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      if (this.modal?.kind === 'stages') {
        this.modal = {
          ...this.modal,
          error: t(this.text.errRequired, { field: this.text.newStageName }),
        };
      }
      return;
    }
    form.reset();
    void this.stageAction((repo, id) => repo.addStage(id, { name }));
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

  /** Imports a CSV of deals, or a JSON pipeline file (which replaces this board's pipeline). */
  async importFile(file: File): Promise<void> {
    const repo = this.repo;
    const pipeline = this.pipelineRecord;
    if (!repo || !pipeline) return;
    const s = this.text;
    const name = file.name;
    this.importErrors = undefined;
    const onProgress = (progress: ImportProgress) => {
      this.importing = { name, progress };
    };
    const failed = (err: unknown) => {
      this.importing = undefined;
      if (err instanceof StoreError && err.details.length) {
        this.importErrors = { name, errors: err.details };
      } else if (err instanceof StoreError && err.code === 'quota') {
        this.addNotice('quota', s.quota);
      } else {
        const message = err instanceof Error ? err.message : String(err);
        this.importErrors = { name, errors: [{ field: '', code: 'failed', message }] };
      }
      this.announce(t(s.importFailed, { name, count: this.importErrors?.errors.length ?? 1 }));
    };
    this.importing = { name };
    if (!/\.json$/i.test(name) && file.type !== 'application/json') {
      try {
        const deals = await importCsv(repo, pipeline.id, file, { lang: this.uiLang, onProgress });
        this.importing = undefined;
        this.announce(t(s.imported, { count: formatInteger(deals.length, this.uiLang), name }));
        this.addNotice(
          'info',
          t(s.imported, { count: formatInteger(deals.length, this.uiLang), name }),
        );
        await this.load();
      } catch (err) {
        failed(err);
      }
      return;
    }
    let data: PipelineExport;
    try {
      const text = await readImportFile(file, this.uiLang);
      data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as PipelineExport;
    } catch (err) {
      failed(err instanceof SyntaxError ? new Error(`${name}: ${err.message}`) : err);
      return;
    }
    this.importing = undefined;
    const count = Array.isArray(data?.deals) ? data.deals.length : 0;
    this.modal = {
      kind: 'confirm',
      title: s.importReplace,
      text: t(s.importReplaceConfirm, { name, count: formatInteger(count, this.uiLang) }),
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
          this.addNotice('info', t(s.imported, { count: formatInteger(count, this.uiLang), name }));
          await this.load();
        } catch (err) {
          failed(err);
        }
      },
    };
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

  /**
   * Adds a realistic history (`sampleHistory`) to this pipeline in one transaction. The
   * sample's deals have fixed ids, so loading it again replaces the earlier sample only.
   */
  async loadSample(options: { deals?: number; seed?: number; now?: number } = {}): Promise<void> {
    const repo = this.repo;
    const pipeline = this.pipelineRecord;
    if (!repo || !pipeline) return;
    try {
      this.importing = { name: this.text.loadSample };
      const current = await repo.exportPipeline(pipeline.id);
      const sample = sampleHistory({
        seed: options.seed ?? 20240601,
        pipeline: current.pipeline,
        deals: options.deals ?? SAMPLE_DEALS,
        now: options.now ?? Date.now(),
        lang: this.uiLang,
      });
      const ids = new Set(sample.deals.map((d) => d.id));
      await repo.importPipeline(
        {
          ...current,
          deals: [...current.deals.filter((d) => !ids.has(d.id)), ...sample.deals],
          events: [...current.events.filter((ev) => !ids.has(ev.dealId)), ...sample.events],
        },
        { replace: true, onProgress: (progress) => (this.importing = { name: '', progress }) },
      );
      this.importing = undefined;
      this.announce(t(this.text.sampleLoaded, { count: sample.deals.length }));
      await this.load();
    } catch (e) {
      this.importing = undefined;
      this.fail(e);
    }
  }

  // ---- render ----

  override render(): TemplateResult {
    const s = this.text;
    const repo = this.repo;
    return html`
      <div class="base" part="base" lang=${this.uiLang}>
        ${this.renderToolbar()}
        <div class="notices">
          ${
            repo && !repo.persistent
              ? html`<p class="notice warn" part="notice" role="status">${s.memoryOnly}</p>`
              : nothing
          }
          ${
            this.connection === 'reload-needed'
              ? html`<p class="notice error" part="notice" role="alert">
                  ${s.reloadNeeded}
                  <button type="button" part="button" @click=${() => location.reload()}>
                    ${s.reload}
                  </button>
                </p>`
              : this.connection === 'blocked'
                ? html`<p class="notice warn" part="notice" role="status">${s.blocked}</p>`
                : nothing
          }
          ${
            this.loadError
              ? html`<p class="notice error" part="notice" role="alert">${this.loadError}</p>`
              : nothing
          }
          ${this.notices.map(
            (n) =>
              html`<div
                class="notice ${n.kind === 'info' ? 'info' : 'error'}"
                part="notice"
                role=${n.kind === 'info' ? 'status' : 'alert'}
              >
                <span>${n.text}</span>
                <button
                  type="button"
                  part="button"
                  class="dismiss"
                  aria-label=${s.dismiss}
                  @click=${() => (this.notices = this.notices.filter((x) => x !== n))}
                >
                  ×
                </button>
              </div>`,
          )}
          ${this.renderImport()}
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
          <button
            type="button"
            part="button"
            ?disabled=${!ready || Boolean(this.importing)}
            @click=${this.confirmSample}
          >
            ${s.loadSample}
          </button>
        </div>
      </div>
    `;
  }

  private renderImport(): TemplateResult | typeof nothing {
    const s = this.text;
    const state = this.importing;
    const errors = this.importErrors;
    const phases = s.importPhases.split('|');
    const phaseName = (p: ImportProgress['phase']) =>
      phases[['read', 'validate', 'write'].indexOf(p)] ?? p;
    return html`
      ${
        state
          ? html`<div class="notice info" part="notice" role="status">
              <span>${t(s.importing, { name: state.name })}</span>
              ${
                state.progress
                  ? html`<progress
                        max=${state.progress.total || 1}
                        .value=${state.progress.done}
                        aria-label=${t(s.importing, { name: state.name })}
                      ></progress>
                      <span class="phase"
                        >${t(s.importPhase, {
                          phase: phaseName(state.progress.phase),
                          done: formatInteger(state.progress.done, this.uiLang),
                          total: formatInteger(state.progress.total, this.uiLang),
                        })}</span
                      >`
                  : html`<progress aria-label=${t(s.importing, { name: state.name })}></progress>`
              }
            </div>`
          : nothing
      }
      ${
        errors
          ? html`<div class="notice error import-errors" part="notice" role="alert">
              <p>
                ${t(s.importFailed, { name: errors.name, count: errors.errors.length })}
                <button
                  type="button"
                  part="button"
                  class="dismiss"
                  aria-label=${s.dismiss}
                  @click=${() => (this.importErrors = undefined)}
                >
                  ×
                </button>
              </p>
              <ul>
                ${errors.errors
                  .slice(0, MAX_LISTED_ERRORS)
                  .map(
                    (err) =>
                      html`<li>
                        ${
                          err.row === undefined
                            ? nothing
                            : html`<strong>${t(s.importRowError, { row: err.row })}</strong>: `
                        }${err.message}
                      </li>`,
                  )}
              </ul>
              ${
                errors.errors.length > MAX_LISTED_ERRORS
                  ? html`<p>
                      ${t(s.moreErrors, { count: errors.errors.length - MAX_LISTED_ERRORS })}
                    </p>`
                  : nothing
              }
            </div>`
          : nothing
      }
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
    const filtered = Boolean(this.searchText || this.ownerFilter || this.staleOnly);
    return html`
      <section
        class="column ${col.outcome} ${target === col.key ? 'target' : ''}"
        part="column"
        data-col=${col.key}
        aria-labelledby="col-${i}"
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
    const stale = isStale(deal, this.now, this.staleDays);
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
        @pointermove=${this.onCardPointerMove}
        @pointerup=${(e: PointerEvent) => this.onCardPointerUp(e, deal)}
        @pointercancel=${this.onCardPointerCancel}
      >
        ${this.renderCardBody(deal, days, stale, s, lang)}
      </li>
    `;
  }

  private renderCardBody(
    deal: Deal,
    days: number,
    stale: boolean,
    s: PipelineStrings,
    lang: Lang,
  ): TemplateResult {
    return html`
      <span class="grip" aria-hidden="true"></span>
      <p class="title">${deal.title}</p>
      <p class="company">${deal.company ?? ''}</p>
      <p class="meta">
        <span class="amount">${formatMoney(deal.amount, lang, deal.currency)}</span>
        ${deal.owner ? html`<span class="owner">${deal.owner}</span>` : nothing}
      </p>
      <p class="meta">
        ${
          deal.outcome === 'lost' && deal.lostReason
            ? html`<span>${t(s.lostBecause, { reason: deal.lostReason })}</span>`
            : deal.expectedClose
              ? html`<span>${t(s.closes, { date: formatDay(deal.expectedClose, lang) })}</span>`
              : nothing
        }
        ${
          deal.outcome === 'open'
            ? html`<span class="days ${stale ? 'stale-mark' : ''}"
                >${t(s.daysInStage, { days: formatInteger(days, lang) })}${
                  stale ? html` · <strong>${s.stale}</strong>` : nothing
                }</span
              >`
            : nothing
        }
      </p>
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
      ${this.renderCardBody(deal, daysInStage(deal, this.now), false, this.text, this.uiLang)}
    </div>`;
  }

  private renderModal(): TemplateResult | typeof nothing {
    const modal = this.modal;
    if (!modal) return nothing;
    switch (modal.kind) {
      case 'deal':
        return this.renderDealForm(modal.form);
      case 'lost':
        return this.renderLostForm(modal);
      case 'stages':
        return this.renderStages(modal);
      case 'confirm':
        return this.renderConfirm(modal);
    }
  }

  private renderDealForm(form: DealForm): TemplateResult {
    const s = this.text;
    const deal = form.dealId ? this.dealById(form.dealId) : undefined;
    const pipeline = this.pipelineRecord;
    const errs = form.errors;
    const count = Object.keys(errs).length;
    const field = (
      name: FormField,
      label: string,
      value: string,
      extra: { type?: string; required?: boolean; inputmode?: string; list?: string } = {},
    ) => html`
      <div class="form-field">
        <label for="f-${name}"
          >${label}${extra.required ? html` <span>(${s.required})</span>` : nothing}</label
        >
        <input
          id="f-${name}"
          name=${name}
          type=${extra.type ?? 'text'}
          .value=${value}
          inputmode=${extra.inputmode ?? 'text'}
          list=${extra.list ?? ''}
          ?required=${extra.required}
          aria-invalid=${errs[name] ? 'true' : 'false'}
          aria-describedby=${errs[name] ? `e-${name}` : ''}
          ?data-autofocus=${name === 'title'}
        />
        ${errs[name] ? html`<p class="field-error" id="e-${name}">${errs[name]}</p>` : nothing}
      </div>
    `;
    return html`
      <form class="dialog-body" novalidate @submit=${this.onDealSubmit}>
        <h2 id="dialog-title">${deal ? s.dealDialogEdit : s.dealDialogNew}</h2>
        ${
          form.changedElsewhere
            ? html`<p class="notice warn" role="alert">
                ${t(s.changedElsewhere, { summary: form.changedElsewhere })}
              </p>`
            : nothing
        }
        ${
          count
            ? html`<div class="notice error" role="alert">
                <p>${t(s.fixErrors, { count })}</p>
                <ul>
                  ${Object.entries(errs).map(([, m]) => html`<li>${m}</li>`)}
                </ul>
              </div>`
            : nothing
        }
        ${
          form.formError
            ? html`<p class="notice error" role="alert">${form.formError}</p>`
            : nothing
        }
        <div class="grid">
          ${field('title', s.fieldTitle, deal?.title ?? '', { required: true })}
          ${field('company', s.fieldCompany, deal?.company ?? '')}
          ${field('contact', s.fieldContact, deal?.contact ?? '')}
          ${field('amount', s.fieldAmount, deal ? String(deal.amount) : '', { inputmode: 'decimal' })}
          ${field('currency', s.fieldCurrency, deal?.currency ?? pipeline?.currency ?? 'EUR')}
          ${field('owner', s.fieldOwner, deal?.owner ?? '', { list: 'owners' })}
          ${field('expectedClose', s.fieldClose, deal?.expectedClose ?? '', { type: 'date' })}
          ${
            deal
              ? nothing
              : html`<div class="form-field">
                  <label for="f-stageId">${s.fieldStage}</label>
                  <select id="f-stageId" name="stageId">
                    ${(pipeline?.stages ?? []).map(
                      (st) =>
                        html`<option value=${st.id}>
                          ${pickText(st.names, this.uiLang, st.name)}
                        </option>`,
                    )}
                  </select>
                </div>`
          }
        </div>
        <datalist id="owners">
          ${this.owners.map((o) => html`<option value=${o}></option>`)}
        </datalist>
        <div class="form-field">
          <label for="f-notes">${s.fieldNotes}</label>
          <textarea id="f-notes" name="notes" rows="3" .value=${deal?.notes ?? ''}></textarea>
        </div>
        <div class="dialog-actions">
          ${
            deal
              ? html`<button
                  type="button"
                  part="button"
                  class="danger"
                  @click=${() => void this.deleteDeal(deal)}
                >
                  ${s.deleteDeal}
                </button>`
              : nothing
          }
          <span class="spacer"></span>
          <button type="button" part="button" @click=${() => (this.modal = undefined)}>
            ${s.cancel}
          </button>
          <button type="submit" part="button" class="primary">${s.save}</button>
        </div>
      </form>
    `;
  }

  private renderLostForm(modal: Extract<Modal, { kind: 'lost' }>): TemplateResult {
    const s = this.text;
    const deal = this.dealById(modal.dealId);
    return html`
      <form class="dialog-body" novalidate @submit=${this.onLostSubmit}>
        <h2 id="dialog-title">${t(s.lostDialogTitle, { title: deal?.title ?? '' })}</h2>
        <div class="form-field">
          <label for="f-reason">${s.lostReason} <span>(${s.required})</span></label>
          <input
            id="f-reason"
            name="reason"
            list="reasons"
            required
            data-autofocus
            aria-invalid=${modal.error ? 'true' : 'false'}
            aria-describedby=${modal.error ? 'e-reason' : ''}
          />
          ${modal.error ? html`<p class="field-error" id="e-reason" role="alert">${modal.error}</p>` : nothing}
          <datalist id="reasons">
            ${s.lostReasons.split('|').map((r) => html`<option value=${r}></option>`)}
          </datalist>
        </div>
        <div class="dialog-actions">
          <span class="spacer"></span>
          <button type="button" part="button" @click=${() => (this.modal = undefined)}>
            ${s.cancel}
          </button>
          <button type="submit" part="button" class="primary">${s.markLost}</button>
        </div>
      </form>
    `;
  }

  private renderStages(modal: Extract<Modal, { kind: 'stages' }>): TemplateResult {
    const s = this.text;
    const stages = this.pipelineRecord?.stages ?? [];
    const countIn = (id: string) => this.deals.filter((d) => d.stageId === id).length;
    const nameOf = (st: (typeof stages)[number]) => pickText(st.names, this.uiLang, st.name);
    return html`
      <div class="dialog-body">
        <h2 id="dialog-title">${s.stagesDialogTitle}</h2>
        ${modal.error ? html`<p class="notice error" role="alert">${modal.error}</p>` : nothing}
        <ol class="stages">
          ${stages.map((st, i) => {
            const name = nameOf(st);
            const removing = modal.removing === st.id;
            const others = stages.filter((o) => o.id !== st.id);
            return html`<li>
              <div class="stage-row">
                <input
                  aria-label=${t(s.stageName, { index: i + 1 })}
                  .value=${name}
                  ?data-autofocus=${i === 0}
                  @change=${(e: Event) => {
                    const value = (e.target as HTMLInputElement).value.trim();
                    if (value && value !== name)
                      void this.stageAction((repo, id) => repo.renameStage(id, st.id, value));
                  }}
                />
                <button
                  type="button"
                  part="button"
                  aria-label=${t(s.moveLeft, { name })}
                  title=${t(s.moveLeft, { name })}
                  ?disabled=${i === 0}
                  @click=${() => this.moveStage(i, -1)}
                >
                  ←
                </button>
                <button
                  type="button"
                  part="button"
                  aria-label=${t(s.moveRight, { name })}
                  title=${t(s.moveRight, { name })}
                  ?disabled=${i === stages.length - 1}
                  @click=${() => this.moveStage(i, 1)}
                >
                  →
                </button>
                <button
                  type="button"
                  part="button"
                  ?disabled=${stages.length < 2}
                  aria-expanded=${removing ? 'true' : 'false'}
                  @click=${() => (this.modal = { kind: 'stages', removing: removing ? undefined : st.id })}
                >
                  ${t(s.removeStage, { name })}
                </button>
              </div>
              ${
                removing
                  ? html`<div class="stage-remove">
                      <label
                        >${t(s.removeStageTo, { count: countIn(st.id) })}
                        <select id="remove-to">
                          ${others.map((o) => html`<option value=${o.id}>${nameOf(o)}</option>`)}
                        </select></label
                      >
                      <button
                        type="button"
                        part="button"
                        class="danger"
                        @click=${() => {
                          const to =
                            this.renderRoot.querySelector<HTMLSelectElement>('#remove-to')!.value;
                          void this.stageAction((repo, id) => repo.removeStage(id, st.id, to));
                        }}
                      >
                        ${t(s.removeConfirm, { name })}
                      </button>
                    </div>`
                  : nothing
              }
            </li>`;
          })}
        </ol>
        ${stages.length < 2 ? html`<p class="hint">${s.lastStage}</p>` : nothing}
        <form class="stage-add" novalidate @submit=${this.onAddStage}>
          <label for="f-newstage">${s.newStageName}</label>
          <input id="f-newstage" name="name" />
          <button type="submit" part="button">${s.addStage}</button>
        </form>
        <div class="dialog-actions">
          <span class="spacer"></span>
          <button
            type="button"
            part="button"
            class="primary"
            @click=${() => (this.modal = undefined)}
          >
            ${s.close}
          </button>
        </div>
      </div>
    `;
  }

  private renderConfirm(modal: Extract<Modal, { kind: 'confirm' }>): TemplateResult {
    const s = this.text;
    return html`
      <div class="dialog-body">
        <h2 id="dialog-title">${modal.title}</h2>
        <p>${modal.text}</p>
        <div class="dialog-actions">
          <span class="spacer"></span>
          <button
            type="button"
            part="button"
            data-autofocus
            @click=${() => (this.modal = undefined)}
          >
            ${s.cancel}
          </button>
          <button
            type="button"
            part="button"
            class="primary"
            @click=${() => {
              this.modal = undefined;
              void modal.run();
            }}
          >
            ${s.confirm}
          </button>
        </div>
      </div>
    `;
  }
}
