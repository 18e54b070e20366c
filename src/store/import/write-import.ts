import type { Deal, DealOutcome, Lang, Pipeline, StageEvent } from '../../model/types.js';
import { DEAL_REIMPORT_FIELDS } from '../../model/deal-fields.js';
import type { Tx } from '../backend.js';
import { buildDeal, buildStages, stageEvent, type BuildContext } from '../builders.js';
import { fieldError, invalidError, type FieldError } from '../errors.js';
import { pipelineIn } from '../lookups.js';
import { rankOnTop } from '../placement.js';
import type {
  HistoryStep,
  ImportedDeal,
  ImportOptions,
  MappedImport,
  MappedImportResult,
  NewStage,
} from '../repository.js';
import { checkNewDeal } from '../validate.js';

/**
 * Writing a mapped import, inside the one transaction the repository opens: the new stages the
 * mapping asked for, then each deal — added with the history the file gave, or, when a stored
 * deal of the pipeline has the same source id, updated in place (a stage change recorded as a
 * move) or left alone when nothing differs. Every row is checked again here, against the
 * pipeline as it is at write time; one bad row and nothing is written.
 */

/** The fields a re-import compares and updates; absent from the row, a field keeps its value. */
const UPDATED = DEAL_REIMPORT_FIELDS;

export async function writeMappedImportIn(
  tx: Tx,
  pipelineId: string,
  input: MappedImport,
  ctx: BuildContext,
  onProgress?: ImportOptions['onProgress'],
): Promise<MappedImportResult> {
  const pipeline = await withNewStages(tx, pipelineId, input.newStages ?? [], ctx);
  // A cheap read once a slice of work has run splits it into short tasks, the transaction open.
  const pause = pacer(() => tx.get('pipelines', pipelineId));
  await checkAll(pipeline, input, ctx.lang, pause);
  const stored = await tx.all('deals', 'byPipeline', pipelineId);
  // The stored history, read once and only when a re-imported row brings a history to match.
  let pastByDeal: Map<string, StageEvent[]> | undefined;
  const pastOf = async (dealId: string) => {
    pastByDeal ??= groupByDeal(await tx.all('events', 'byPipeline', pipelineId));
    return pastByDeal.get(dealId) ?? [];
  };
  const bySource = new Map(stored.filter((d) => d.sourceId).map((d) => [d.sourceId!, d]));
  const added: Deal[] = [];
  const moved: Deal[] = [];
  const changed: Deal[] = [];
  const events: StageEvent[] = [];
  let unchanged = 0;
  for (const row of input.deals) {
    if (pause.due()) await pause();
    const old = row.sourceId === undefined ? undefined : bySource.get(row.sourceId);
    if (!old) {
      const built = buildImported(row, pipeline, ctx);
      added.push(built.deal);
      events.push(...built.events);
      if (row.sourceId !== undefined) bySource.set(row.sourceId, built.deal);
      continue;
    }
    const past = row.history?.length ? await pastOf(old.id) : [];
    const update = updated(old, row, ctx, events, past);
    if (!update) unchanged += 1;
    else (update.stageId === old.stageId ? changed : moved).push(update);
  }
  await rankOnTop(tx, pipelineId, [...added, ...moved]);
  const all = [...added, ...moved, ...changed];
  await tx.putMany('deals', all, (done) =>
    onProgress?.({ phase: 'write', done, total: all.length }),
  );
  await tx.putMany('events', events);
  return {
    added: added.length,
    updated: moved.length + changed.length,
    unchanged,
    ids: all.map((d) => d.id),
  };
}

/** The stored pipeline with `stages` added; an id taken meanwhile refuses the import. */
async function withNewStages(
  tx: Tx,
  pipelineId: string,
  stages: readonly NewStage[],
  ctx: BuildContext,
): Promise<Pipeline> {
  const pipeline = await pipelineIn(tx, pipelineId);
  if (stages.length === 0) return pipeline;
  const taken = new Set(pipeline.stages.map((s) => s.id));
  const clash = stages.find((s) => s.id !== undefined && taken.has(s.id));
  if (clash)
    throw invalidError([fieldError(ctx.lang, 'stageId', 'duplicate', { value: clash.id! })]);
  const next = {
    ...pipeline,
    stages: [...pipeline.stages, ...buildStages(stages, taken, ctx.lang)],
    updatedAt: ctx.now(),
  };
  await tx.put('pipelines', next);
  return next;
}

/** Work between two pauses, in ms: well under a long task (50 ms) on a slow machine. */
const SLICE_MS = 8;

/**
 * `pause` once `SLICE_MS` have run since the last one: slices by time, not by rows, so a slow
 * machine or larger rows still give short tasks. `due()` is cheap enough to ask every row.
 */
function pacer(pause: () => Promise<unknown>) {
  let since = performance.now();
  const paced = async () => {
    await pause();
    since = performance.now();
  };
  return Object.assign(paced, { due: () => performance.now() - since > SLICE_MS });
}

type Pacer = ReturnType<typeof pacer>;

async function checkAll(
  pipeline: Pipeline,
  input: MappedImport,
  lang: Lang,
  pause: Pacer,
): Promise<void> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const known = new Set(pipeline.stages.map((s) => s.id));
  for (const [i, d] of input.deals.entries()) {
    if (pause.due()) await pause();
    const row = input.lines?.[i] ?? i + 1;
    errors.push(...checkNewDeal(d, pipeline, lang, row));
    if (d.sourceId !== undefined) {
      if (seen.has(d.sourceId))
        errors.push(fieldError(lang, 'sourceId', 'duplicate', { value: d.sourceId }, row));
      seen.add(d.sourceId);
    }
    const unknown = d.history?.find((h) => !known.has(h.stageId));
    if (unknown)
      errors.push(fieldError(lang, 'stageId', 'unknown-stage', { value: unknown.stageId }, row));
  }
  if (errors.length) throw invalidError(errors);
}

/** A new deal and its history: created where the file's history starts, moved at each step, closed last. */
export function buildImported(
  row: ImportedDeal,
  pipeline: Pipeline,
  ctx: BuildContext,
): { deal: Deal; events: StageEvent[] } {
  const { history, closedAt, ...input } = row;
  const built = buildDeal(input, pipeline, ctx);
  if (!history?.length) return built;
  const deal = { ...built.deal, stageEnteredAt: history[history.length - 1]!.at };
  const events: StageEvent[] = [];
  history.forEach((step, i) => {
    const at = i === 0 ? Math.min(step.at, deal.createdAt) : step.at;
    const at0 = { ...deal, stageId: step.stageId };
    events.push(
      stageEvent(
        at0,
        i === 0 ? 'created' : 'moved',
        i === 0 ? null : history[i - 1]!.stageId,
        at,
        ctx.newId,
      ),
    );
  });
  if (deal.outcome !== 'open') {
    const at = closedAt ?? deal.stageEnteredAt;
    events.push(stageEvent(deal, deal.outcome, deal.stageId, at, ctx.newId));
  }
  return { deal, events };
}

function groupByDeal(events: readonly StageEvent[]): Map<string, StageEvent[]> {
  const groups = new Map<string, StageEvent[]>();
  for (const e of events) {
    const list = groups.get(e.dealId);
    if (list) list.push(e);
    else groups.set(e.dealId, [e]);
  }
  return groups;
}

/**
 * The steps of a re-imported row's history that the stored history lacks, as moves at the
 * file's dates: a step is new when the deal was, by the stored history (and the steps replayed
 * before it), in another stage just before it. The first of several steps only says where the
 * deal started (Etapa anterior's is the created date), which the stored creation already says.
 * Re-importing the same file adds none.
 */
function newSteps(
  history: readonly HistoryStep[],
  past: readonly StageEvent[],
): { step: HistoryStep; from: string }[] {
  const entries = past
    .filter((e) => e.kind === 'created' || e.kind === 'moved')
    .map((e) => ({ stageId: e.to, at: e.at }));
  const stageAt = (at: number) => {
    let stage: string | undefined;
    let latest = -Infinity;
    for (const e of entries) {
      if (e.at <= at && e.at >= latest) [stage, latest] = [e.stageId, e.at];
    }
    return stage;
  };
  const steps: { step: HistoryStep; from: string }[] = [];
  history.forEach((step, i) => {
    if (i === 0 && history.length > 1) return;
    const from = stageAt(step.at);
    if (from === undefined || from === step.stageId) return;
    steps.push({ step, from });
    entries.push(step);
  });
  return steps;
}

/**
 * `old` with what the row changes, its version one up, or `undefined` when nothing differs. A
 * history the row brings is replayed: its new steps are recorded at their dates (a stage change
 * it explains is not recorded again at import time), without repeating the steps stored.
 */
function updated(
  old: Deal,
  row: ImportedDeal,
  ctx: BuildContext,
  events: StageEvent[],
  past: readonly StageEvent[],
): Deal | undefined {
  const next: Deal = { ...old };
  let differs = false;
  for (const f of UPDATED) {
    const v = row[f];
    if (v !== undefined && v !== old[f]) {
      (next as unknown as Record<string, unknown>)[f] = v;
      differs = true;
    }
  }
  const at = ctx.now();
  const stageId = row.stageId ?? old.stageId;
  const outcome: DealOutcome = row.outcome ?? old.outcome;
  if (outcome !== 'lost' && next.lostReason !== undefined) delete next.lostReason;
  const replayed = newSteps(row.history ?? [], past);
  for (const { step, from } of replayed) {
    events.push(stageEvent({ ...next, stageId: step.stageId }, 'moved', from, step.at, ctx.newId));
    differs = true;
  }
  const last = row.history?.at(-1);
  if (stageId !== old.stageId) {
    next.stageId = stageId;
    // The file's last step explains the change only when nothing stored came after it: a move
    // made in the app since then is the deal's latest, and the change is recorded after it.
    let latest = -Infinity;
    for (const e of past)
      if (e.kind === 'created' || e.kind === 'moved') latest = Math.max(latest, e.at);
    const explained =
      last?.stageId === stageId && last.at >= latest && replayed.some((r) => r.step === last);
    next.stageEnteredAt = explained ? last.at : at;
    if (!explained) events.push(stageEvent(next, 'moved', old.stageId, at, ctx.newId));
    differs = true;
  }
  if (outcome !== old.outcome) {
    next.outcome = outcome;
    const closed = outcome !== 'open' && row.closedAt !== undefined ? row.closedAt : at;
    events.push(
      stageEvent(next, outcome === 'open' ? 'reopened' : outcome, next.stageId, closed, ctx.newId),
    );
    differs = true;
  }
  if (!differs) return undefined;
  next.version = old.version + 1;
  next.updatedAt = at;
  return next;
}
