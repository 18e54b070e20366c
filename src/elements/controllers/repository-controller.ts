import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../../model/types.js';
import { openRepository } from '../../store/open.js';
import type { RepositoryNotice, SalesRepository, StoreChange } from '../../store/repository.js';
import { DEFAULT_DB_NAME } from '../../store/schema.js';

/** The page's default repository on one database, and what happened while opening it. */
interface SharedEntry {
  repository: Promise<SalesRepository>;
  /** Until the open settles: notices raised so far (replayed to late listeners), and listeners. */
  opening?: { notices: RepositoryNotice[]; listeners: Set<(notice: RepositoryNotice) => void> };
}

/** One default repository per database name for the whole page, opened on first use. */
const shared = new Map<string, SharedEntry>();

function sharedEntry(name: string, lang: Lang): SharedEntry {
  let entry = shared.get(name);
  if (entry) return entry;
  const opening: NonNullable<SharedEntry['opening']> = { notices: [], listeners: new Set() };
  // Before the repository exists (an old tab blocking the upgrade), its own `onNotice` cannot
  // be subscribed to: these come through the open call and are passed to whoever listens.
  const onNotice = (notice: RepositoryNotice) => {
    if (entry?.opening !== opening) return;
    opening.notices.push(notice);
    for (const listener of [...opening.listeners]) listener(notice);
  };
  const repository = openRepository({ name, lang, onNotice });
  entry = { repository, opening };
  const settled = () => {
    if (entry) entry.opening = undefined;
  };
  repository.then(settled, settled);
  shared.set(name, entry);
  return entry;
}

/**
 * The page-wide repository on `name`, opened once (IndexedDB, or memory when it is unavailable).
 * `lang` is the language of its validation messages and is fixed by the first caller.
 */
export function sharedRepository(
  name: string = DEFAULT_DB_NAME,
  lang: Lang = 'en',
): Promise<SalesRepository> {
  return sharedEntry(name, lang).repository;
}

/**
 * Calls `listener` with the notices (`blocked`) raised while the shared repository on `name` is
 * still being opened, those raised before this call first. Nothing is called once it is open
 * (its `onNotice` takes over). Returns the unsubscribe function.
 */
export function onOpeningNotice(
  name: string,
  listener: (notice: RepositoryNotice) => void,
): () => void {
  const opening = shared.get(name)?.opening;
  if (!opening) return () => undefined;
  for (const notice of opening.notices) listener(notice);
  opening.listeners.add(listener);
  return () => opening.listeners.delete(listener);
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
  /**
   * Connection notices (`blocked`, `reload-needed`, `reopened`). `repository` is `undefined` for
   * a notice raised while the shared default is still being opened (`blocked` by an old tab).
   */
  onNotice?: (notice: RepositoryNotice, repository?: SalesRepository) => void;
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
  /** Stops relaying the notices of a shared repository still being opened. */
  private stopOpening?: () => void;

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
    this.stopOpening?.();
    this.unfollow();
  }

  private resolve(): void {
    const token = ++this.token;
    const given = this.host.repository;
    this.requested = given;
    this.stopOpening?.();
    this.stopOpening = undefined;
    let pending: Promise<SalesRepository>;
    if (given) pending = Promise.resolve(given);
    else {
      const name = this.options.database?.() || DEFAULT_DB_NAME;
      pending = sharedRepository(name, this.options.lang?.() ?? 'en');
      this.stopOpening = onOpeningNotice(name, (notice) => {
        this.options.onNotice?.(notice, undefined);
        this.host.requestUpdate();
      });
    }
    this.waiting = pending.then(
      (repo) => {
        if (token !== this.token) return this.repository;
        this.stopOpening?.();
        this.stopOpening = undefined;
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
