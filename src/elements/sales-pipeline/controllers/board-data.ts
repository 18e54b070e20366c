import { Task, TaskStatus, initialState } from '@lit/task';
import type { Deal, Lang, Pipeline, StageEvent } from '../../../model/types.js';
import { technicalDetail } from '../../../store/errors.js';
import type {
  NewPipeline,
  RepositoryNotice,
  SalesRepository,
  StoreChange,
  SyncNotice,
  SyncStatus,
} from '../../../store/repository.js';
import type { ErrorReporter } from '../../controllers/error-reporter.js';
import { openFailure, openFailureText } from '../../controllers/storage-failure.js';
import {
  RepositoryController,
  type RepositoryHost,
} from '../../controllers/repository-controller.js';
import { loadLaterStrings } from '../later-texts.js';
import { word, type Connection } from '../panels/notices.js';
import { failureWords } from './store-failure.js';
import { PendingWork } from './pending-work.js';
import type { PipelineStrings } from '../strings.js';

/** The learned stale thresholds' analysis of the history. */
type Learner = typeof import('../model/learned-stale.js');

/** More changed deals than this in one change are re-read as a whole reload. */
const FEW_DEALS = 50;

export interface BoardDataHost extends RepositoryHost {
  pipeline: string;
  database?: string;
}

export interface BoardDataOptions {
  lang: () => Lang;
  strings: () => PipelineStrings;
  /** What a pipeline that does not exist yet is created with (name, currency, template). */
  newPipeline: () => Omit<NewPipeline, 'id'>;
  /** Where a pipeline that cannot be opened is reported (`error { field: 'pipeline' }`). */
  reporter: ErrorReporter;
  /** After a change committed here or in another tab, before the board catches up with it. */
  onChange?: (change: StoreChange) => void;
  /** "The connection was reopened" and the like, for a notice. */
  onReopened?: () => void;
  /** A synced repository's notice for the person: refused by the server, a move that lost. */
  onSyncNotice?: (notice: SyncNotice) => void;
}

interface Loaded {
  pipeline: Pipeline;
  deals: Deal[];
  events: StageEvent[];
}

/**
 * The board's data: the pipeline and its deals, read by a `Task` keyed by repository and
 * pipeline id (a read for an older key that ends late is dropped: only the latest shows), kept in
 * step with the change feed: a few changed deals are re-read one by one, so a move in another
 * tab costs one read, not a re-read of 10,000 deals; imports and pipeline edits reload. A
 * pipeline that cannot be opened is an `error { field: 'pipeline' }` through the reporter.
 */
export class BoardData {
  pipeline?: Pipeline;
  deals: Deal[] = [];
  /** Stale thresholds learned from the history, per stage id; worked out once per read. */
  learned: ReadonlyMap<string, number> = new Map();
  /** The time days in stage and staleness count to: when the deals were last read. */
  now = Date.now();
  connection: Connection = 'ok';
  /** With `sync`: the state toward the server, for the toolbar's status. */
  syncStatus?: SyncStatus;
  readonly repoCtl: RepositoryController;
  private readonly task: Task<[SalesRepository | undefined, string], Loaded>;
  /** The pipeline's history, kept to learn the stale thresholds again after a change. */
  private events: StageEvent[] = [];
  /** Loaded with the first history to learn from: a new, empty pipeline never fetches it. */
  private learner?: Learner;
  private readonly pendingIds = new Set<string>();
  private pendingReload = false;
  private refreshQueued = false;
  private readonly catchingUp = new PendingWork();
  /** The repository and pipeline id last read, to tell when a read is due. */
  private readFor?: { repo: SalesRepository; id: string };
  /** Wakes `settled()` when opening the repository turns out to wait for another tab. */
  private wake?: () => void;

  constructor(
    private readonly host: BoardDataHost,
    private readonly options: BoardDataOptions,
  ) {
    this.repoCtl = new RepositoryController(host, {
      pipeline: () => this.pipeline?.id,
      database: () => host.database,
      lang: options.lang,
      onRepository: (repo) => {
        // Opening waited for an old tab that blocked the upgrade; it has closed.
        if (this.connection === 'blocked') this.connection = 'ok';
        // A synced repository's state so far; its notices say what changes next.
        const link = (repo as { link?: { status: SyncStatus; refused: boolean } }).link;
        this.syncStatus = link?.status;
        if (link?.refused) options.onSyncNotice?.({ type: 'sync-refused' });
      },
      onChange: (change) => this.onChange(change),
      onNotice: (notice) => this.onNotice(notice),
      onError: (e) => this.openFailed(e),
    });
    this.task = new Task(host, {
      args: () => [this.repoCtl.repository, host.pipeline],
      task: ([repo, id]) => (repo ? this.read(repo, id) : Promise.resolve(initialState)),
      onComplete: ({ pipeline, deals, events }) => {
        this.now = Date.now();
        this.pipeline = pipeline;
        this.deals = deals;
        this.events = events;
        this.learn();
        options.reporter.clear('pipeline');
      },
      onError: (e) => this.cannotOpen(e),
    });
  }

  get repository(): SalesRepository | undefined {
    return this.repoCtl.repository;
  }

  /** Reading the data, or catching up with a change, is under way. */
  get busy(): boolean {
    return (
      this.opening || this.due || this.task.status === TaskStatus.PENDING || this.catchingUp.pending
    );
  }

  /** Resolves once the work `busy` stands for has settled (a blocked open counts as settled). */
  async settled(): Promise<void> {
    // The read starts in the host's next update.
    if (this.due) this.host.requestUpdate();
    if (this.opening) {
      await Promise.race([this.repoCtl.ready(), new Promise<void>((r) => (this.wake = r))]);
    }
    if (this.task.status === TaskStatus.PENDING) {
      await this.task.taskComplete.catch(() => undefined);
    }
    await this.catchingUp.settled();
  }

  /** Reads the pipeline and its deals again. */
  async reload(): Promise<void> {
    if (!this.repository) return;
    await this.task.run();
    await this.task.taskComplete.catch(() => undefined);
  }

  /** Opens the saved data again, after an open that failed (`corrupt`, `timed-out`). */
  async retry(): Promise<void> {
    this.connection = 'ok';
    this.options.reporter.clear('pipeline');
    await this.repoCtl.retry();
  }

  dealById(id: string): Deal | undefined {
    return this.deals.find((d) => d.id === id);
  }

  /** Shows these deals as given (just stored here). */
  upsert(...changed: Deal[]): void {
    let deals = this.deals;
    for (const deal of changed) {
      const i = deals.findIndex((d) => d.id === deal.id);
      deals = i < 0 ? [...deals, deal] : deals.with(i, deal);
    }
    this.deals = deals;
    this.host.requestUpdate();
  }

  forget(id: string): void {
    this.deals = this.deals.filter((d) => d.id !== id);
    this.host.requestUpdate();
  }

  /** The repository is still being chosen or opened (and is not waiting for another tab). */
  private get opening(): boolean {
    const ctl = this.repoCtl;
    const given = this.host.repository;
    if (given) return given !== ctl.repository;
    return !ctl.repository && ctl.error === undefined && this.connection !== 'blocked';
  }

  /** A repository (or pipeline id) not read yet: the task reads it in the next update. */
  private get due(): boolean {
    const repo = this.repository;
    return (
      repo !== undefined && (this.readFor?.repo !== repo || this.readFor.id !== this.host.pipeline)
    );
  }

  private async read(repo: SalesRepository, id: string): Promise<Loaded> {
    this.readFor = { repo, id };
    const pipeline = await repo.ensurePipeline(id, this.options.newPipeline());
    const [deals, events] = await Promise.all([
      repo.listDeals(pipeline.id),
      repo.listEvents(pipeline.id),
    ]);
    await this.loadLearner(events);
    return { pipeline, deals, events };
  }

  /**
   * Before the deals show, so no card shows a threshold it is about to lose. Unreachable (offline,
   * a missing chunk), every stage keeps the default threshold.
   */
  private async loadLearner(events: readonly StageEvent[]): Promise<void> {
    if (this.learner || !events.length) return;
    this.learner = await import('../model/learned-stale.js').catch((e: unknown) => {
      console.warn(
        'sales-pipeline: the learned stale thresholds did not load; every stage keeps the default',
        e,
      );
      return undefined;
    });
  }

  private learn(): void {
    const { pipeline, learner } = this;
    this.learned =
      pipeline && learner
        ? learner.learnedStaleLimits(pipeline, this.deals, this.events, this.now)
        : new Map();
  }

  private onChange(change: StoreChange): void {
    if (
      change.type === 'pipeline' ||
      change.type === 'pipeline-deleted' ||
      change.type === 'deals-imported' ||
      change.ids.length > FEW_DEALS
    ) {
      this.pendingReload = true;
    } else {
      for (const id of change.ids) this.pendingIds.add(id);
    }
    this.options.onChange?.(change);
    // Changes that come together (one transaction's, or a burst from another tab) are read once.
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    void this.catchingUp.track(Promise.resolve().then(() => this.refresh()));
  }

  private async refresh(): Promise<void> {
    this.refreshQueued = false;
    const repo = this.repository;
    if (!repo) return;
    if (this.pendingReload) {
      this.pendingReload = false;
      this.pendingIds.clear();
      await this.reload();
      return;
    }
    // A whole reload under way read its deals before these changed: once it is shown, these
    // are read again on top of it, or its older snapshot would hide them.
    if (this.task.status === TaskStatus.PENDING)
      await this.task.taskComplete.catch(() => undefined);
    const ids = [...this.pendingIds];
    this.pendingIds.clear();
    const pipelineId = this.pipeline?.id;
    const [fresh, history] = await Promise.all([
      Promise.all(ids.map((id) => repo.getDeal(id).catch(() => undefined))),
      pipelineId === undefined
        ? []
        : Promise.all(ids.map((dealId) => repo.listEvents(pipelineId, { dealId }).catch(() => []))),
    ]);
    await this.loadLearner(history.flat());
    let deals = this.deals;
    ids.forEach((id, k) => {
      const deal = fresh[k];
      const i = deals.findIndex((d) => d.id === id);
      if (deal && deal.pipelineId === this.pipeline?.id) {
        deals = i < 0 ? [...deals, deal] : deals.with(i, deal);
      } else if (!deal && i >= 0) deals = deals.filter((d) => d.id !== id);
    });
    if (deals !== this.deals) {
      const changed = new Set(ids);
      this.events = [...this.events.filter((e) => !changed.has(e.dealId)), ...history.flat()];
      this.now = Date.now();
      this.deals = deals;
      this.learn();
      this.host.requestUpdate();
    }
  }

  /**
   * The saved data could not be opened: the board says why in words (technical detail in the
   * console and the `error` event) and shows no board, so nothing pretends to be saved.
   */
  private openFailed(e: unknown): void {
    const code = openFailure(e);
    if (code) this.connection = code;
    this.cannotOpen(e, openFailureText(e, this.options.strings()));
    this.wake?.();
  }

  /**
   * Reports that the pipeline cannot be opened, in `text` or else "could not be opened" and why,
   * whose words arrive with the first failure (the browser's own words if they cannot).
   */
  private cannotOpen(e: unknown, text?: string): void {
    const report = () => {
      const words = { key: 'noPipeline', values: { detail: failureWords(e) } } as const;
      const message = text ?? word(words, this.options.strings()) ?? technicalDetail(e);
      this.options.reporter.set('pipeline', message, undefined, technicalDetail(e));
    };
    if (text) report();
    else void this.catchingUp.track(loadLaterStrings().then(report, report));
  }

  private onNotice(notice: RepositoryNotice): void {
    if (notice.type === 'reload-needed') this.connection = 'reload-needed';
    else if (notice.type === 'data-cleared') this.connection = 'data-cleared';
    else if (notice.type === 'blocked') {
      this.connection = 'blocked';
      this.wake?.();
    } else if (notice.type === 'reopened') {
      if (this.connection === 'blocked') this.connection = 'ok';
      this.options.onReopened?.();
    } else if (notice.type === 'sync-status') this.syncStatus = notice.status;
    else this.options.onSyncNotice?.(notice);
  }
}
