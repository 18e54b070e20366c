import { expect } from '@open-wc/testing';
import { isSampleDealId } from '../../src/analytics/sample.js';
import type { Deal } from '../../src/model/types.js';
import type { SalesRepository } from '../../src/store/repository.js';
import type { TabB } from './client.js';

/**
 * `repo` with `between` run after each of its calls resolves (while started), and the call's
 * result handed back only once `between` is done: another tab acting between this tab's store
 * operations. `stop` resolves once every `between` already begun is done, so what the other
 * tab wrote is all known before a test looks. `getDeal` is left out: a board reads a deal when
 * it hears another tab wrote it, and relaying that read would start another write, without end.
 */
export function interleaved(
  repo: SalesRepository,
  between: () => Promise<void>,
): { repository: SalesRepository; start(): void; stop(): Promise<void> } {
  let on = false;
  const running = new Set<Promise<void>>();
  const relay = () => {
    const done = between().finally(() => running.delete(done));
    running.add(done);
    return done;
  };
  const repository = new Proxy(repo, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!on || key === 'getDeal' || !(result instanceof Promise)) return result;
        return result.then(async (v: unknown) => {
          await relay();
          return v;
        });
      };
    },
  });
  return {
    repository,
    start: () => (on = true),
    stop: async () => {
      on = false;
      await Promise.all(running);
    },
  };
}

/**
 * Tab A's `repo` with tab B creating a deal in `stageId` of `pipelineId` after each of A's
 * store calls (while started); `written` holds what tab B stored, as it stored it.
 */
export function tabBWritesBetween(
  repo: SalesRepository,
  tabB: TabB,
  pipelineId: string,
  stageId: string,
) {
  const written: Deal[] = [];
  let count = 0;
  const race = interleaved(repo, async () => {
    const title = `Tab B ${(count += 1)}`;
    written.push(await tabB.call('createDeal', pipelineId, { title, stageId }));
  });
  return { ...race, written };
}

/**
 * After a sample load raced by tab B: tab B wrote at least once, every deal it wrote and every
 * deal of `own` is stored exactly as it was, and beside them there are `sample` sample deals.
 */
export async function expectNothingLost(
  repo: SalesRepository,
  pipelineId: string,
  { own, written, sample }: { own: Deal[]; written: Deal[]; sample: number },
): Promise<void> {
  expect(written.length, 'tab B wrote between tab A’s store calls').to.be.above(0);
  const stored = new Map((await repo.listDeals(pipelineId)).map((d) => [d.id, d]));
  const lost = written.filter((d) => !stored.has(d.id)).map((d) => d.title);
  expect(lost, 'deals of tab B no longer stored').to.deep.equal([]);
  for (const d of written) expect(stored.get(d.id), d.title).to.deep.equal(d);
  for (const d of own) expect(stored.get(d.id), d.title).to.deep.equal(d);
  const samples = [...stored.keys()].filter((id) => isSampleDealId(id, pipelineId));
  expect(samples).to.have.length(sample);
  expect(stored.size).to.equal(sample + own.length + written.length);
}
