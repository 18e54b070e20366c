/**
 * A module fetched with `import()` the first time it is asked for, so a chart that never needs
 * it (no `preset`, no bad input) never loads it. `get()` answers at once: the module once it
 * has arrived, else `undefined` after starting the load; `onSettle` runs when the load ends, so
 * the element can derive again with it (or show `error`).
 */
export class LazyModule<T> {
  private module?: T;
  private loading?: Promise<void>;
  /** Why the load failed (offline, a missing chunk), if it did. */
  error?: unknown;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly onSettle: () => void,
  ) {}

  get(): T | undefined {
    this.loading ??= this.load().then(
      (module) => {
        this.module = module;
        this.onSettle();
      },
      (error: unknown) => {
        this.error = error;
        this.onSettle();
      },
    );
    return this.module;
  }

  /** Whether a load has started and not ended yet. */
  get pending(): boolean {
    return this.loading !== undefined && this.module === undefined && this.error === undefined;
  }

  /** Resolves when the load has ended (at once if it never started). */
  settled(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }
}
