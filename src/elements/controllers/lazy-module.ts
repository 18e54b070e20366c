/**
 * A module fetched with `import()` the first time it is asked for, so a page that never needs
 * it (a chart without `preset` or bad input, a board whose dialogs stay closed) never loads it.
 * `get()` answers at once: the module once it has arrived, else `undefined` after starting the
 * load; `onSettle` runs when the load ends, so the element can derive again with it (or show
 * `error`). A failed load stays failed, shown once, until `load()` tries again (a person's
 * "Try again"): a render never starts a retry loop.
 */
export class LazyModule<T> {
  private module?: T;
  private loading?: Promise<T>;
  /** Why the last load failed (offline, a missing chunk), until one is tried again. */
  error?: unknown;

  constructor(
    private readonly fetch: () => Promise<T>,
    private readonly onSettle: () => void,
  ) {}

  get(): T | undefined {
    if (this.error === undefined) this.load().catch(() => {});
    return this.module;
  }

  /** The module, fetching it if it has not arrived (again after a failure). */
  load(): Promise<T> {
    this.error = undefined;
    return (this.loading ??= this.fetch().then(
      (module) => {
        this.module = module;
        this.onSettle();
        return module;
      },
      (error: unknown) => {
        this.error = error;
        this.loading = undefined;
        this.onSettle();
        throw error;
      },
    ));
  }

  /** Whether a load has started and not ended yet. */
  get pending(): boolean {
    return this.loading !== undefined && this.module === undefined;
  }

  /** Resolves when the load has ended (at once if none is under way). */
  settled(): Promise<void> {
    return (this.loading ?? Promise.resolve()).then(
      () => {},
      () => {},
    );
  }
}
