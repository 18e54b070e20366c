import { compareStageEvents } from '../model/stage-events.js';
import type { Deal, DealOutcome, StageEvent } from '../model/types.js';
import type { Tx } from './backend.js';
import { buildDeal, compact, stageEvent, type BuildContext } from './builders.js';
import { fieldError, invalidError } from './errors.js';
import { dealIn, pipelineIn, stageOf } from './lookups.js';
import { ranksOnTop, slotFor } from './placement.js';
import type {
  DealChange,
  DealPatch,
  DeletedDeal,
  NewDeal,
  OutcomeOptions,
  StageMoveOptions,
} from './repository.js';
import { checkDealFields, checkNewDeal, editablePatch } from './validate.js';

/**
 * The write rules of one deal, each the body of one read-write transaction over `pipelines`,
 * `deals` and `events`: create, edit, delete and restore, move and reorder, win, lose and
 * reopen. Every write raises the deal's `version` and checks the one the caller saw; a step
 * through the funnel writes its history event in the same transaction; a reorder writes no
 * event. The repository (`core.ts`) runs them and publishes the change once they commit.
 */

export async function createDealIn(
  tx: Tx,
  ctx: BuildContext,
  pipelineId: string,
  input: NewDeal,
): Promise<Deal> {
  const pipeline = await pipelineIn(tx, pipelineId);
  const errors = checkNewDeal(input, pipeline, ctx.lang);
  if (errors.length) throw invalidError(errors);
  const { deal, events } = buildDeal(input, pipeline, ctx);
  if (await tx.get('deals', deal.id)) {
    throw invalidError([fieldError(ctx.lang, 'id', 'duplicate', { value: deal.id })]);
  }
  // New deals go on top of their column.
  deal.rank = (await ranksOnTop(tx, pipelineId, deal.stageId, 1))[0]!;
  await tx.put('deals', deal);
  for (const e of events) await tx.put('events', e);
  return deal;
}

export async function updateDealIn(
  tx: Tx,
  ctx: BuildContext,
  id: string,
  patch: DealPatch,
  expectedVersion: number,
): Promise<Deal> {
  const current = await dealIn(tx, id, expectedVersion);
  const clean = editablePatch(patch);
  const errors = checkDealFields(clean, undefined, ctx.lang);
  if (errors.length) throw invalidError(errors);
  if (typeof clean.title === 'string') clean.title = clean.title.trim();
  const next = compact({
    ...current,
    ...clean,
    updatedAt: ctx.now(),
    version: current.version + 1,
  });
  await tx.put('deals', next);
  return next;
}

export async function deleteDealIn(
  tx: Tx,
  id: string,
  expectedVersion?: number,
): Promise<DeletedDeal> {
  const deal = await dealIn(tx, id, expectedVersion);
  const events = await tx.all('events', 'byDeal', id);
  await tx.delete('deals', id);
  for (const e of events) await tx.delete('events', e.id);
  return { deal, events: events.sort(compareStageEvents) };
}

/**
 * Puts a deleted deal back with its history. It returns to its place in its column, or, when
 * another deal took that rank meanwhile, right above that deal; its stage may have been
 * removed meanwhile, and then it comes back on top of the first one.
 */
export async function restoreDealIn(
  tx: Tx,
  ctx: BuildContext,
  snapshot: DeletedDeal,
): Promise<{ deal: Deal; renumbered: Deal[] }> {
  const { pipelineId, id } = snapshot.deal;
  const pipeline = await pipelineIn(tx, pipelineId);
  if (await tx.get('deals', id))
    throw invalidError([fieldError(ctx.lang, 'id', 'duplicate', { value: id })]);
  const stageOk = pipeline.stages.some((s) => s.id === snapshot.deal.stageId);
  const stageId = stageOk ? snapshot.deal.stageId : pipeline.stages[0]!.id;
  let rank = snapshot.deal.rank;
  let renumbered: Deal[] = [];
  if (!stageOk || rank === undefined) rank = (await ranksOnTop(tx, pipelineId, stageId, 1))[0]!;
  else {
    const column = await tx.all('deals', 'byPipelineStage', [pipelineId, stageId]);
    const holder = column.find((d) => d.rank === rank);
    if (holder) {
      const slot = (await slotFor(tx, snapshot.deal, stageId, holder.id, ctx.lang))!;
      rank = slot.rank;
      renumbered = slot.renumbered;
    }
  }
  const deal: Deal = {
    ...snapshot.deal,
    stageId,
    rank,
    version: snapshot.deal.version + 1,
    updatedAt: ctx.now(),
  };
  await tx.put('deals', deal);
  for (const d of renumbered) await tx.put('deals', d);
  for (const e of snapshot.events) await tx.put('events', e);
  return { deal, renumbered };
}

/** See `SalesRepository.moveDeal`. */
export async function moveDealIn(
  tx: Tx,
  ctx: BuildContext,
  id: string,
  toStageId: string,
  options: StageMoveOptions,
): Promise<DealChange> {
  const deal = await dealIn(tx, id, options.expectedVersion);
  const pipeline = await pipelineIn(tx, deal.pipelineId);
  stageOf(pipeline, toStageId, ctx.lang);
  const reopen = options.reopen === true && deal.outcome !== 'open';
  const move = deal.stageId !== toStageId;
  // A move places the deal (on top by default); a reorder only when `before` says where.
  const slot =
    move || options.before !== undefined
      ? await slotFor(tx, deal, toStageId, options.before, ctx.lang)
      : undefined;
  if (!move && !reopen && !slot) return { deal };
  const at = options.at ?? ctx.now();
  let next: Deal = {
    ...deal,
    updatedAt: at,
    version: deal.version + 1,
    ...(slot ? { rank: slot.rank } : {}),
  };
  const events: StageEvent[] = [];
  if (reopen) {
    next = compact<Deal>({ ...next, outcome: 'open', lostReason: undefined });
    events.push(stageEvent(next, 'reopened', deal.stageId, at, ctx.newId));
  }
  if (move) {
    next = { ...next, stageId: toStageId, stageEnteredAt: at };
    events.push(stageEvent(next, 'moved', deal.stageId, at, ctx.newId));
  }
  await tx.put('deals', next);
  const renumbered = slot?.renumbered ?? [];
  for (const d of renumbered) await tx.put('deals', d);
  for (const event of events) await tx.put('events', event);
  const result: DealChange = { deal: next, event: events.at(-1), events };
  if (renumbered.length) result.renumbered = renumbered;
  return result;
}

/** See `SalesRepository.setOutcome`. */
export async function setOutcomeIn(
  tx: Tx,
  ctx: BuildContext,
  id: string,
  outcome: DealOutcome,
  options: OutcomeOptions,
): Promise<DealChange> {
  const deal = await dealIn(tx, id, options.expectedVersion);
  const errors = checkDealFields({ outcome, lostReason: options.reason }, undefined, ctx.lang);
  if (errors.length) throw invalidError(errors);
  const reason = outcome === 'lost' ? options.reason?.trim() || undefined : undefined;
  if (deal.outcome === outcome && deal.lostReason === reason) return { deal };
  const at = options.at ?? ctx.now();
  const next = compact<Deal>({
    ...deal,
    outcome,
    lostReason: reason,
    updatedAt: at,
    version: deal.version + 1,
  });
  const kind = outcome === 'open' ? 'reopened' : outcome;
  const event = stageEvent(next, kind, deal.stageId, at, ctx.newId);
  await tx.put('deals', next);
  await tx.put('events', event);
  return { deal: next, event, events: [event] };
}
