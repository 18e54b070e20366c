/**
 * A module fetched with `import()` the first time it is asked for, so a page that never needs
 * it (a chart without `preset` or bad input, a board whose dialogs stay closed) never loads it.
 * `get()` answers at once: the module once it has arrived, else `undefined` after starting the
 * load; `onSettle` runs when the load ends, so the element can derive again with it (or show
 * `error`). A failed load stays failed, shown once: `get()` on the next render does not fetch
 * again; only `loadModule` does (a person's "Try again").
 */
export class LazyModule<T> {
  private module?: T;
  private loading?: Promise<void>;
  /** Why the last load failed (offline, a missing chunk), until `loadModule` tries again. */
  error?: unknown;

  constructor(
    private readonly fetch: () => Promise<T>,
    private readonly onSettle: () => void,
  ) {}

  get(): T | undefined {
    if (this.error === undefined) {
      this.loading ??= this.fetch().then(
        (module) => {
          this.module = module;
          this.onSettle();
        },
        (error: unknown) => {
          this.error = error;
          this.loading = undefined;
          this.onSettle();
        },
      );
    }
    return this.module;
  }

  /** Whether a load has started and not ended yet. */
  get pending(): boolean {
    return this.loading !== undefined && this.module === undefined;
  }

  /** Resolves when the load under way has ended (at once if none is). */
  settled(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }
}

/**
 * The module of `lazy`, fetched if it has not arrived, again after a failure; rejects as the
 * load fails. A function rather than a method, so that a page that never tries again (a chart)
 * does not fetch its code.
 */
export async function loadModule<T>(lazy: LazyModule<T>): Promise<T> {
  lazy.error = undefined;
  lazy.get();
  await lazy.settled();
  const module = lazy.get();
  if (module === undefined) throw lazy.error;
  return module;
}
