import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../../model/types.js';
import { openRepository } from '../../store/open.js';
import type { RepositoryNotice, SalesRepository, StoreChange } from '../../store/repository.js';
import { DEFAULT_DB_NAME } from '../../store/schema.js';
import { repositoryContext, type RepositorySource } from './repository-context.js';

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
  // A failed open is not kept: the next caller (a Retry) opens the database anew.
  const failed = () => {
    settled();
    if (shared.get(name) === entry) shared.delete(name);
  };
  repository.then(settled, failed);
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

/**
 * An element that may be given a repository; otherwise, with `sync`, the page's synced
 * repository of the room (`room`, default its `pipeline`); otherwise the shared default.
 */
export type RepositoryHost = ReactiveControllerHost &
  HTMLElement & {
    repository?: SalesRepository;
    sync?: string;
    room?: string;
    token?: string;
    userName?: string;
    pipeline?: string;
  };

/** What a synced repository offers the elements beyond the contract (`store/sync`). */
interface SyncedLike {
  link?: {
    setToken(token: string | undefined): void;
    presence: { set(state: { name: string | null }): void };
  };
}

export interface RepositoryControllerOptions {
  /** The pipeline whose changes to follow; `undefined`: none, `null`: every change. */
  pipeline: () => string | null | undefined;
  /** Database of the shared default. Default `sales-funnel`. */
  database?: () => string | undefined;
  lang?: () => Lang;
  /** Whether a change concerns the host (with `pipeline` `null`, say): if not, no update. */
  concerns?: (change: StoreChange) => boolean;
  /** After every committed change to the pipeline, here or in another tab. */
  onChange?: (change: StoreChange, repository: SalesRepository) => void;
  /**
   * Connection notices (`blocked`, `reload-needed`, `reopened`). `repository` is `undefined` for
   * a notice raised while the shared default is still being opened (`blocked` by an old tab).
   */
  onNotice?: (notice: RepositoryNotice, repository?: SalesRepository) => void;
  /** When the repository in use changes (first resolved, or another one set on the host). */
  onRepository?: (repository: SalesRepository) => void;
  /** Opening the repository failed (`error` holds why until `retry()`). */
  onError?: (error: unknown) => void;
}

/**
 * Gives an element a `SalesRepository`: the one set on its `repository` property; else the
 * shared default of its own `database`; else what an ancestor provides (`repositoryContext`,
 * as `<sales-workspace>` does); else the shared default. Follows one pipeline's changes (this
 * tab and others), relays connection notices, and asks the host to update; everything is
 * unsubscribed while the host is disconnected and subscribed again when it comes back.
 *
 * Which repository to use is a `Task` of (property, database, provided source): a newer
 * choice aborts an open still under way, and only the latest one is used.
 */
export class RepositoryController implements ReactiveController {
  /** The repository in use, once resolved. */
  repository?: SalesRepository;
  /** Why the default repository could not be opened (it then stays `undefined`). */
  error?: unknown;
  private connected = false;
  private subscribedRepo?: SalesRepository;
  private subscribedPipeline?: string | null;
  private cleanups: (() => void)[] = [];
  /** What an ancestor provides, if any. */
  private provided?: RepositorySource;
  private readonly task: Task<
    [
      SalesRepository | undefined,
      string | undefined,
      RepositorySource | undefined,
      string | undefined,
      string | undefined,
    ],
    SalesRepository
  >;
  /** The token the synced repository in use was last given. */
  private token?: string;
  /** The name (`user-name`) this element last showed the room. */
  private name?: string;
  /** The room connection `name` was last given to. */
  private namedLink?: unknown;

  constructor(
    private readonly host: RepositoryHost,
    private readonly options: RepositoryControllerOptions,
  ) {
    // Before the task, so that the provider has answered when the task first reads its args.
    new ContextConsumer(host, {
      context: repositoryContext,
      subscribe: true,
      callback: (source) => {
        this.provided = source;
        host.requestUpdate();
      },
    });
    this.task = new Task(host, {
      args: () => [
        host.repository,
        options.database?.() || undefined,
        this.provided,
        host.sync || undefined,
        host.room || host.pipeline || 'default',
      ],
      task: ([given, own, provided, sync, room], { signal }) =>
        !given && sync ? this.openSynced(sync, room!) : this.open(given, own, provided, signal),
      onComplete: (repo) => {
        const changed = repo !== this.repository;
        this.repository = repo;
        this.error = undefined;
        this.follow();
        if (changed) options.onRepository?.(repo);
      },
      onError: (e) => {
        this.error = e;
        options.onError?.(e);
      },
    });
    host.addController(this);
  }

  /** Resolves with the repository in use (after a property change, the new one). */
  async ready(): Promise<SalesRepository | undefined> {
    // Chosen in the host's next update (a controller added late has not seen one yet).
    if (this.task.status === TaskStatus.INITIAL) {
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    return this.task.taskComplete.then(
      () => this.repository,
      () => undefined,
    );
  }

  /** Opens the repository again after opening it failed. */
  async retry(): Promise<void> {
    this.error = undefined;
    this.host.requestUpdate();
    await this.task.run();
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
    // Added to a host that has rendered already: the task needs an update to start.
    if (this.task.status === TaskStatus.INITIAL) this.host.requestUpdate();
  }

  /** The host's `pipeline` may have changed: follow it; a new `token`: reconnect with it. */
  hostUpdated(): void {
    if (this.repository && this.options.pipeline() !== this.subscribedPipeline) this.follow();
    const link = (this.repository as SyncedLike | undefined)?.link;
    if (link && this.host.sync && this.host.token !== this.token) {
      this.token = this.host.token;
      link.setToken(this.token);
    }
    // A new room (another `room` or `sync`) is told the name too, not only a new name.
    if (link && this.host.sync && (this.host.userName !== this.name || link !== this.namedLink)) {
      this.name = this.host.userName;
      this.namedLink = link;
      link.presence.set({ name: this.name || null });
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unfollow();
  }

  /** Yjs and the provider load here, the first time an element has `sync`. */
  private async openSynced(url: string, room: string): Promise<SalesRepository> {
    const { sharedSyncRepository } = await import('../../store/sync/shared.js');
    this.token = this.host.token;
    return sharedSyncRepository({ url, room, token: this.token, lang: this.options.lang?.() });
  }

  private open(
    given: SalesRepository | undefined,
    own: string | undefined,
    provided: RepositorySource | undefined,
    signal: AbortSignal,
  ): Promise<SalesRepository> {
    if (given) return Promise.resolve(given);
    const source = own ? { database: own } : provided;
    if (source && 'repository' in source) return Promise.resolve(source.repository);
    const name = source?.database || DEFAULT_DB_NAME;
    const opened = sharedRepository(name, this.options.lang?.() ?? 'en');
    // Notices raised before the repository exists (an old tab blocking the upgrade).
    const stop = onOpeningNotice(name, (notice) => {
      this.options.onNotice?.(notice, undefined);
      this.host.requestUpdate();
    });
    signal.addEventListener('abort', stop);
    opened.then(stop, stop);
    return opened;
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
          if (this.options.concerns?.(change) === false) return;
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
