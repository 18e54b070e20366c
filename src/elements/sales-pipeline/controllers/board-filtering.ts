import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Deal, Lang, Pipeline } from '../../../model/types.js';
import { LazyModule } from '../../controllers/lazy-module.js';
import type { BoardColumn, BoardFilter, buildColumns } from '../model/board-model.js';
import { BoardSearch } from '../model/board-search.js';
import type { WorkerSearch } from './worker-search.js';

/**
 * From this many deals the board's search runs in a worker: below, a keystroke's pass on the
 * page's thread takes a few milliseconds, and the worker's code is never loaded.
 */
export const MANY_DEALS = 5000;

type WorkerModule = typeof import('./worker-search.js');

export interface BoardFilteringOptions {
  /** Told of each pass or query under way, so that the board's `updateComplete` waits for it. */
  track: (pass: Promise<void>) => void;
  /** Starts the worker (a test's stand-in); by default the search worker beside this file. */
  startWorker?: (code: WorkerModule) => Worker;
}

/** What the board's columns are derived from. */
export interface BoardInputs {
  /** None until the pipeline is read: no columns. */
  pipeline?: Pipeline;
  deals: readonly Deal[];
  filter: BoardFilter;
  lang: Lang;
  /** The outcome columns' names. */
  names: { won: string; lost: string };
}

/**
 * The board's columns and its owner menu for its inputs (`derive`, in the board's `willUpdate`),
 * derived again only when an input changed or a search answered. The columns come from
 * `BoardSearch` on the page's thread for a board of fewer than `MANY_DEALS` deals, or where a
 * worker cannot start (an old browser, a page whose policy refuses it: said once in the
 * console); else from `WorkerSearch`, whose code loads the first time a board has that many
 * deals.
 */
export class BoardFiltering implements ReactiveController {
  private readonly local: BoardSearch;
  private readonly code: LazyModule<WorkerModule>;
  private remote?: WorkerSearch;
  /** Why the worker cannot be used, once it failed. */
  private failure?: unknown;
  private token = {};
  /** The columns last shown, and of which pipeline: kept until a worker's first answer. */
  private shown?: { pipeline: string; columns: BoardColumn[] };
  private derivedFor?: unknown[];
  private derived: { columns: BoardColumn[]; owners: string[] } = { columns: [], owners: [] };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BoardFilteringOptions,
  ) {
    this.local = new BoardSearch({ ready: () => this.changed(), track: options.track });
    this.code = new LazyModule(
      () => import('./worker-search.js'),
      () => this.changed(),
    );
    host.addController(this);
  }

  /** A board taken off the page ends its worker (and the index it holds); back, it starts anew. */
  hostDisconnected(): void {
    this.remote?.close();
    this.remote = undefined;
  }

  /** Changes whenever what `columns` answers may have (a pass or query is done). */
  get found(): unknown {
    return this.token;
  }

  /** Whether the worker answers this board's search (else this thread does). */
  get inWorker(): boolean {
    return this.remote?.running === true;
  }

  /** The columns and owners for `inputs`: the last ones while no input changed and no answer came. */
  derive(inputs: BoardInputs): { columns: BoardColumn[]; owners: string[] } {
    const { pipeline, deals, filter: f, lang, names } = inputs;
    const key: unknown[] = [pipeline, deals, f.text, f.owner, f.staleOnly, f.staleDays, f.learned];
    key.push(f.now, lang, names.won, names.lost, this.token);
    if (this.derivedFor && key.every((v, i) => v === this.derivedFor![i])) return this.derived;
    this.derivedFor = key;
    this.derived = {
      columns: pipeline ? this.columns(pipeline, deals, f, lang, names) : [],
      owners: this.local.owners(deals, lang),
    };
    return this.derived;
  }

  /** The columns for this filter, as `buildColumns`; see `BoardSearch` and `WorkerSearch`. */
  private columns(...args: Parameters<typeof buildColumns>): BoardColumn[] {
    const [pipeline, deals] = args;
    let found: BoardColumn[] | undefined;
    if (deals.length >= MANY_DEALS && this.failure === undefined) {
      const remote = this.worker();
      if (remote) found = remote.columns(...args);
      else if (this.code.pending) {
        this.options.track(this.code.settled());
        found = [];
      }
    }
    found ??= this.local.columns(...args);
    // No columns (there are always Won and Lost) means the worker has not answered yet: a board
    // that grew past MANY_DEALS keeps showing what it showed; a new one says it is loading.
    if (found.length) this.shown = { pipeline: pipeline.id, columns: found };
    else if (this.shown?.pipeline === pipeline.id) return this.shown.columns;
    return found;
  }

  private worker(): WorkerSearch | undefined {
    if (this.remote) return this.remote;
    const code = this.code.get();
    if (!code) {
      if (this.code.error !== undefined) this.fail(this.code.error);
      return undefined;
    }
    try {
      const start = this.options.startWorker ?? ((m: WorkerModule) => m.startSearchWorker());
      this.remote = new code.WorkerSearch(start(code), {
        ready: () => this.changed(),
        track: this.options.track,
        failed: (why) => this.fail(why),
      });
    } catch (e) {
      this.fail(e);
    }
    return this.remote;
  }

  private fail(why: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = why ?? 'unknown';
    this.remote = undefined;
    const reason = why instanceof Error ? why.message : String(why);
    console.info(
      `<sales-pipeline>: the search runs on the page's thread, in slices (its worker could not start: ${reason}).`,
    );
    this.changed();
  }

  private changed(): void {
    this.token = {};
    this.host.requestUpdate();
  }
}
