import type { Deal, Pipeline } from '../model/types.js';
import type { PipelineSummary } from './repository.js';

/**
 * The board's column totals, from a pipeline and its deals. Pure: what `summarize` returns,
 * computed once the two are read.
 */
export function summarizeDeals(pipeline: Pipeline, deals: readonly Deal[]): PipelineSummary {
  const totals = new Map(
    pipeline.stages.map((s) => [
      s.id,
      { stageId: s.id, count: 0, amount: 0, weighted: 0, p: s.probability ?? 1 },
    ]),
  );
  const won = { count: 0, amount: 0 };
  const lost = { count: 0, amount: 0 };
  for (const d of deals) {
    if (d.outcome === 'won') ((won.count += 1), (won.amount += d.amount));
    else if (d.outcome === 'lost') ((lost.count += 1), (lost.amount += d.amount));
    else {
      const t = totals.get(d.stageId);
      if (!t) continue;
      t.count += 1;
      t.amount += d.amount;
      t.weighted += d.amount * t.p;
    }
  }
  return { stages: [...totals.values()].map(({ p: _p, ...t }) => t), won, lost };
}
