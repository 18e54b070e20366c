import type { SalesRepository } from '../../src/store/repository.js';

/**
 * `repo` with `between` run after each of its calls resolves (while `start`ed), and the call's
 * result handed back only once `between` is done: another tab acting between this tab's store
 * operations, deterministically. `getDeal` is left out: a board reads a deal when it hears
 * another tab wrote it, and relaying that read would start another write, without end.
 */
export function interleaved(
  repo: SalesRepository,
  between: () => Promise<void>,
): { repository: SalesRepository; start(): void; stop(): void } {
  let on = false;
  const repository = new Proxy(repo, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!on || key === 'getDeal' || !(result instanceof Promise)) return result;
        return result.then(async (v: unknown) => {
          await between();
          return v;
        });
      };
    },
  });
  return { repository, start: () => (on = true), stop: () => (on = false) };
}
