/**
 * Values remembered by name and recomputed only when one of their inputs changes (compared with
 * `Object.is`): a status line, a band arriving or a letter typed in a name field re-renders the
 * simulator, and none of them should re-run projections, sensitivity or the diagnosis.
 */
export class Memo {
  private readonly entries = new Map<string, { deps: readonly unknown[]; value: unknown }>();

  get<T>(name: string, deps: readonly unknown[], compute: () => T): T {
    const hit = this.entries.get(name);
    if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => Object.is(d, deps[i]))) {
      return hit.value as T;
    }
    const value = compute();
    this.entries.set(name, { deps, value });
    return value;
  }
}
