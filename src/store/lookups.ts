import type { Deal, Lang, Pipeline, PipelineStage } from '../model/types.js';
import type { Tx } from './backend.js';
import { StoreError, fieldError, invalidError, notFoundError } from './errors.js';

/**
 * The reads every write rule starts with, inside its transaction: the pipeline, the deal at
 * the version the caller saw, a stage of the pipeline. Each fails with the `StoreError` the
 * repository's interface documents (`not-found`, `conflict`, `invalid`), which aborts the
 * transaction before anything is written.
 */

export async function pipelineIn(tx: Tx, id: string): Promise<Pipeline> {
  const p = await tx.get('pipelines', id);
  if (!p) throw notFoundError('pipeline', id);
  return p;
}

/** The stored deal; `conflict` when `expectedVersion` is given and the stored one differs. */
export async function dealIn(tx: Tx, id: string, expectedVersion?: number): Promise<Deal> {
  const deal = await tx.get('deals', id);
  if (!deal) throw notFoundError('deal', id);
  if (expectedVersion !== undefined && deal.version !== expectedVersion) {
    throw new StoreError(
      'conflict',
      `Deal ${id} changed meanwhile (version ${deal.version}, expected ${expectedVersion})`,
      { current: deal },
    );
  }
  return deal;
}

export function stageOf(p: Pipeline, stageId: string, lang: Lang): PipelineStage {
  const s = p.stages.find((x) => x.id === stageId);
  if (!s) throw invalidError([fieldError(lang, 'stageId', 'unknown-stage', { value: stageId })]);
  return s;
}
