import { sampleHistory } from '../src/analytics/sample.js';
import { sharedRepository } from '../src/elements/controllers/repository-controller.js';
import type { Lang } from '../src/model/types.js';

/**
 * Makes sure the stored pipeline `id` has deals: when it has none, the sample history (the same
 * one `<sales-workspace>` loads) goes in, in one transaction. Resolves with the deal count.
 */
export async function ensureSampleDeals(id: string, lang: Lang): Promise<number> {
  const repo = await sharedRepository();
  const pipeline = await repo.ensurePipeline(id, {
    name: lang === 'es' ? 'Embudo de ventas' : 'Sales pipeline',
  });
  const existing = await repo.listDeals(pipeline.id);
  if (existing.length > 0) return existing.length;
  const current = await repo.exportPipeline(pipeline.id);
  const sample = sampleHistory({
    seed: 20240601,
    pipeline: current.pipeline,
    now: Date.now(),
    lang,
  });
  await repo.importPipeline(
    { ...current, deals: sample.deals, events: sample.events },
    { replace: true },
  );
  return sample.deals.length;
}
