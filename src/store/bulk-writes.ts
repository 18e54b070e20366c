import { compareStageEvents } from '../model/stage-events.js';
import type { Deal, Lang, Pipeline, StageEvent } from '../model/types.js';
import type { Tx } from './backend.js';
import { buildDeal, type BuildContext } from './builders.js';
import { fieldError, invalidError, type FieldError } from './errors.js';
import { pipelineIn } from './lookups.js';
import { rankOnTop, withRanks } from './placement.js';
import type { PipelineExport } from './records.js';
import type { ImportOptions, NewDeal } from './repository.js';
import { checkNewDeal } from './validate.js';

/**
 * Many records at once: importing deals (checked row by row first, then written in one
 * transaction), exporting a whole pipeline, and importing a pipeline file (replacing the
 * stored one when asked). Validation happens before the write and reports every problem;
 * the write checks again what may have changed since (the pipeline's stages, taken ids), so
 * a file is stored whole or not at all.
 */

/** Deals ready to store, built from import rows that were all valid. */
export interface PreparedImport {
  deals: Deal[];
  events: StageEvent[];
  /** Ids the rows gave, which must still be free when writing. */
  ids: Set<string>;
}

/** Checks every row against `pipeline` and builds the records; `invalid` lists every problem. */
export function prepareImport(
  pipeline: Pipeline,
  inputs: readonly NewDeal[],
  ctx: BuildContext,
  onProgress?: ImportOptions['onProgress'],
): PreparedImport {
  const errors: FieldError[] = [];
  const prepared: PreparedImport = { deals: [], events: [], ids: new Set() };
  inputs.forEach((input, i) => {
    const rowErrors = checkNewDeal(input, pipeline, ctx.lang, i + 1);
    if (input.id !== undefined) {
      if (prepared.ids.has(input.id))
        rowErrors.push(fieldError(ctx.lang, 'id', 'duplicate', { value: input.id }, i + 1));
      prepared.ids.add(input.id);
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else {
      const built = buildDeal(input, pipeline, ctx);
      prepared.deals.push(built.deal);
      prepared.events.push(...built.events);
    }
    if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === inputs.length)) {
      onProgress({ phase: 'validate', done: i + 1, total: inputs.length });
    }
  });
  if (errors.length) throw invalidError(errors);
  return prepared;
}

/** Writes prepared deals on top of their columns. */
export async function writeImportIn(
  tx: Tx,
  pipelineId: string,
  { deals, events, ids }: PreparedImport,
  lang: Lang,
  onProgress?: ImportOptions['onProgress'],
): Promise<void> {
  // Checked again inside the write: the pipeline may have changed since validation.
  const now = await pipelineIn(tx, pipelineId);
  const stageIds = new Set(now.stages.map((s) => s.id));
  const gone = deals.find((d) => !stageIds.has(d.stageId));
  if (gone)
    throw invalidError([fieldError(lang, 'stageId', 'unknown-stage', { value: gone.stageId })]);
  for (const id of ids) {
    if (await tx.get('deals', id))
      throw invalidError([fieldError(lang, 'id', 'duplicate', { value: id })]);
  }
  await rankOnTop(tx, pipelineId, deals);
  await tx.putMany('deals', deals, (done) =>
    onProgress?.({ phase: 'write', done, total: deals.length }),
  );
  await tx.putMany('events', events);
}

export async function exportPipelineIn(tx: Tx, id: string, at: number): Promise<PipelineExport> {
  return {
    format: 'sales-funnel/pipeline',
    formatVersion: 1,
    exportedAt: at,
    pipeline: await pipelineIn(tx, id),
    deals: await tx.all('deals', 'byPipeline', id),
    events: (await tx.all('events', 'byPipeline', id)).sort(compareStageEvents),
  };
}

/**
 * Stores a checked pipeline file. With `replace`, a stored pipeline of that id loses its deals
 * and history first; without, it is `invalid`. A deal id another pipeline uses is `invalid`.
 */
export async function importPipelineIn(
  tx: Tx,
  file: PipelineExport,
  options: ImportOptions & { replace?: boolean },
  lang: Lang,
): Promise<void> {
  const pipeline = file.pipeline;
  if (await tx.get('pipelines', pipeline.id)) {
    if (!options.replace)
      throw invalidError([fieldError(lang, 'pipeline.id', 'exists', { value: pipeline.id })]);
    for (const d of await tx.all('deals', 'byPipeline', pipeline.id))
      await tx.delete('deals', d.id);
    for (const e of await tx.all('events', 'byPipeline', pipeline.id))
      await tx.delete('events', e.id);
  }
  for (const d of file.deals) {
    const other = await tx.get('deals', d.id);
    if (other && other.pipelineId !== pipeline.id) {
      throw invalidError([fieldError(lang, 'id', 'duplicate', { value: d.id })]);
    }
  }
  await tx.put('pipelines', pipeline);
  const total = file.deals.length;
  await tx.putMany(
    'deals',
    withRanks(file.deals.map((d) => ({ ...d, pipelineId: pipeline.id }))),
    (done) => options.onProgress?.({ phase: 'write', done, total }),
  );
  await tx.putMany(
    'events',
    file.events.map((e) => ({ ...e, pipelineId: pipeline.id })),
  );
}
