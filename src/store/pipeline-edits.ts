import type { Lang, Pipeline, PipelineStage } from '../model/types.js';
import type { PipelinePatch } from './repository.js';
import type { Tx } from './backend.js';
import { buildStages, compact, stageEvent, type BuildContext } from './builders.js';
import { fieldError, invalidError, notFoundError, type FieldError } from './errors.js';
import { pipelineIn, stageOf } from './lookups.js';
import { ranksOnTop } from './placement.js';
import { compareRank } from './rank.js';
import type { NewStage, StagePatch } from './repository.js';
import { isCurrency } from './validate.js';

/**
 * Edits of a pipeline and its stages. Most are pure, from the stored pipeline to the edited
 * one (the repository stores it in the transaction that read it), and throw `invalid` naming
 * the field. Removing a stage also moves its deals, recorded as moves; deleting a pipeline
 * takes its deals, history and scenarios with it: those two are transaction bodies.
 */

const invalid = (lang: Lang, field: string, code: string) =>
  invalidError([fieldError(lang, field, code)]);

/** A goal or plan of `null` removes the pipeline's. */
export function pipelinePatched(p: Pipeline, patch: PipelinePatch, lang: Lang): Pipeline {
  const errors: FieldError[] = [];
  if (patch.name !== undefined && patch.name.trim() === '')
    errors.push(fieldError(lang, 'name', 'required'));
  if (patch.currency !== undefined && !isCurrency(patch.currency)) {
    errors.push(fieldError(lang, 'currency', 'bad-currency', { value: patch.currency }));
  }
  const revenue = patch.goal?.revenue;
  if (patch.goal && !(typeof revenue === 'number' && revenue >= 0 && revenue <= 1e15)) {
    errors.push(fieldError(lang, 'goal.revenue', 'bad-type'));
  }
  const { goal, plan, ...rest } = patch;
  if (plan !== undefined && plan !== null && !(typeof plan === 'string' && plan.trim() !== '')) {
    errors.push(fieldError(lang, 'plan', 'bad-type'));
  }
  if (errors.length) throw invalidError(errors);
  const next: Pipeline = { ...p, ...compact(rest) };
  if (goal === null) delete next.goal;
  else if (goal) next.goal = { revenue: goal.revenue };
  if (plan === null) delete next.plan;
  else if (plan) next.plan = plan;
  return next;
}

/** With `stage` inserted at `index` (default: at the end). */
export function stageAdded(p: Pipeline, stage: NewStage, index: number | undefined, lang: Lang) {
  const [added] = buildStages([stage], new Set(p.stages.map((s) => s.id)), lang);
  const stages = [...p.stages];
  stages.splice(index ?? stages.length, 0, added!);
  return { ...p, stages };
}

export function stageUpdated(p: Pipeline, stageId: string, patch: StagePatch, lang: Lang) {
  stageOf(p, stageId, lang);
  if (patch.name !== undefined && patch.name.trim() === '') throw invalid(lang, 'name', 'required');
  const pr = patch.probability;
  if (pr !== undefined && !(pr >= 0 && pr <= 1)) throw invalid(lang, 'probability', 'bad-type');
  const stages = p.stages.map((s) => (s.id === stageId ? compact({ ...s, ...patch }) : s));
  return { ...p, stages };
}

/** A typed name replaces the per-language names: they would otherwise still show. */
export function stageRenamed(p: Pipeline, stageId: string, name: string, lang: Lang) {
  stageOf(p, stageId, lang);
  if (name.trim() === '') throw invalid(lang, 'name', 'required');
  const stages = p.stages.map((s) => {
    if (s.id !== stageId) return s;
    const renamed: PipelineStage = { ...s, name: name.trim() };
    delete renamed.names;
    return renamed;
  });
  return { ...p, stages };
}

/** `stageIds` must list every stage exactly once. */
export function stagesReordered(p: Pipeline, stageIds: readonly string[], lang: Lang) {
  const same =
    stageIds.length === p.stages.length &&
    new Set(stageIds).size === stageIds.length &&
    stageIds.every((id) => p.stages.some((s) => s.id === id));
  if (!same) throw invalid(lang, 'stages', 'bad-type');
  return { ...p, stages: stageIds.map((id) => p.stages.find((s) => s.id === id)!) };
}

/** Removes a stage after moving its deals on top of `moveDealsTo`, in the order they had. */
export async function removeStageIn(
  tx: Tx,
  ctx: BuildContext,
  pipelineId: string,
  stageId: string,
  moveDealsTo: string,
): Promise<{ pipeline: Pipeline; moved: string[] }> {
  const p = await pipelineIn(tx, pipelineId);
  stageOf(p, stageId, ctx.lang);
  if (moveDealsTo === stageId) throw invalid(ctx.lang, 'stageId', 'bad-type');
  stageOf(p, moveDealsTo, ctx.lang);
  const at = ctx.now();
  const leaving = (await tx.all('deals', 'byPipelineStage', [pipelineId, stageId])).sort(
    compareRank,
  );
  const ranks = await ranksOnTop(tx, pipelineId, moveDealsTo, leaving.length);
  const moved: string[] = [];
  for (const [i, deal] of leaving.entries()) {
    const next = {
      ...deal,
      stageId: moveDealsTo,
      stageEnteredAt: at,
      updatedAt: at,
      rank: ranks[i]!,
      version: deal.version + 1,
    };
    await tx.put('deals', next);
    await tx.put('events', stageEvent(next, 'moved', stageId, at, ctx.newId));
    moved.push(deal.id);
  }
  const pipeline = { ...p, stages: p.stages.filter((s) => s.id !== stageId), updatedAt: at };
  await tx.put('pipelines', pipeline);
  return { pipeline, moved };
}

/** Deletes the pipeline with its deals, history and scenarios. */
export async function deletePipelineIn(tx: Tx, id: string): Promise<void> {
  if (!(await tx.get('pipelines', id))) throw notFoundError('pipeline', id);
  for (const d of await tx.all('deals', 'byPipeline', id)) await tx.delete('deals', d.id);
  for (const e of await tx.all('events', 'byPipeline', id)) await tx.delete('events', e.id);
  for (const s of await tx.all('scenarios', 'byPipeline', id)) await tx.delete('scenarios', s.id);
  await tx.delete('pipelines', id);
}
