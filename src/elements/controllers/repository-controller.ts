import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../../model/types.js';
import {
  openRepository,
  type RepositoryNotice,
  type SalesRepository,
  type StoreChange,
} from '../../store/repository.js';
import { DEFAULT_DB_NAME } from '../../store/schema.js';

/** One default repository per database name for the whole page, opened on first use. */
const shared = new Map<string, Promise<SalesRepository>>();

/**
 * The page-wide repository on `name`, opened once (IndexedDB, or memory when it is unavailable).
 * `lang` is the language of its validation messages and is fixed by the first caller.
 */
export function sharedRepository(
  name: string = DEFAULT_DB_NAME,
  lang: Lang = 'en',
): Promise<SalesRepository> {
  let repo = shared.get(name);
  if (!repo) {
    repo = openRepository({ name, lang });
    shared.set(name, repo);
  }
  return repo;
}

/** An element that may be given a repository; otherwise the shared default is used. */
export type RepositoryHost = ReactiveControllerHost &
  HTMLElement & { repository?: SalesRepository };

export interface RepositoryControllerOptions {
  /** The pipeline whose changes to follow; `undefined`: none, `null`: every change. */
  pipeline: () => string | null | undefined;
  /** Database of the shared default. Default `sales-funnel`. */
  database?: () => string | undefined;
  lang?: () => Lang;
  /** After every committed change to the pipeline, here or in another tab. */
  onChange?: (change: StoreChange, repository: SalesRepository) => void;
  /** Connection notices (`blocked`, `reload-needed`, `reopened`). */
  onNotice?: (notice: RepositoryNotice, repository: SalesRepository) => void;
  /** When the repository in use changes (first resolved, or another one set on the host). */
  onRepository?: (repository: SalesRepository) => void;
}

/**
 * Gives an element a `SalesRepository`: the one set on its `repository` property, else the
 * shared default for its database. Follows one pipeline's changes (this tab and others),
 * relays connection notices, and asks the host to update; everything is unsubscribed while the
 * host is disconnected and subscribed again when it comes back.
 */
export class RepositoryController implements ReactiveController {
  /** The repository in use, once resolved. */
  repository?: SalesRepository;
  /** Why the default repository could not be opened (it then stays `undefined`). */
  error?: unknown;
  private connected = false;
  private token = 0;
  private subscribedRepo?: SalesRepository;
  private subscribedPipeline?: string | null;
  private cleanups: (() => void)[] = [];
  private waiting?: Promise<SalesRepository | undefined>;
  /** The host's `repository` when last resolved (`undefined`: the shared default). */
  private requested?: SalesRepository;

  constructor(
    private readonly host: RepositoryHost,
    private readonly options: RepositoryControllerOptions,
  ) {
    host.addController(this);
  }

  /** Resolves with the repository in use (after a property change, the new one). */
  ready(): Promise<SalesRepository | undefined> {
    return this.waiting ?? Promise.resolve(this.repository);
  }

  hostConnected(): void {
    this.connected = true;
    this.resolve();
  }

  /** The host's `repository` or `pipeline` may have changed: follow them. */
  hostUpdate(): void {
    if (!this.connected) return;
    if (this.host.repository !== this.requested) this.resolve();
    else if (this.repository && this.options.pipeline() !== this.subscribedPipeline) this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.token += 1;
    this.unfollow();
  }

  private resolve(): void {
    const token = ++this.token;
    const given = this.host.repository;
    this.requested = given;
    const pending = given
      ? Promise.resolve(given)
      : sharedRepository(
          this.options.database?.() || DEFAULT_DB_NAME,
          this.options.lang?.() ?? 'en',
        );
    this.waiting = pending.then(
      (repo) => {
        if (token !== this.token) return this.repository;
        this.waiting = undefined;
        const changed = repo !== this.repository;
        this.repository = repo;
        this.error = undefined;
        this.follow();
        if (changed) this.options.onRepository?.(repo);
        this.host.requestUpdate();
        return repo;
      },
      (e: unknown) => {
        if (token !== this.token) return this.repository;
        this.waiting = undefined;
        this.error = e;
        this.host.requestUpdate();
        return undefined;
      },
    );
  }

  private follow(): void {
    const repo = this.repository;
    const pipeline = this.options.pipeline();
    if (!repo || !this.connected) return;
    if (repo === this.subscribedRepo && pipeline === this.subscribedPipeline) return;
    this.unfollow();
    this.subscribedRepo = repo;
    this.subscribedPipeline = pipeline;
    if (pipeline !== undefined) {
      this.cleanups.push(
        repo.subscribe(pipeline, (change) => {
          this.options.onChange?.(change, repo);
          this.host.requestUpdate();
        }),
      );
    }
    this.cleanups.push(
      repo.onNotice((notice) => {
        this.options.onNotice?.(notice, repo);
        this.host.requestUpdate();
      }),
    );
  }

  private unfollow(): void {
    for (const off of this.cleanups.splice(0)) off();
    this.subscribedRepo = undefined;
    this.subscribedPipeline = undefined;
  }
}
