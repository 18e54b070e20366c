import { getPreset } from '../model/presets.js';
import type {
  Deal,
  Lang,
  Pipeline,
  PipelineStage,
  StageEvent,
  StageEventKind,
} from '../model/types.js';
import { DEFAULT_PRESET, DEFAULT_STAGES, slug, stagesFromPreset, uniqueId } from './defaults.js';
import { fieldError, invalidError, type FieldError } from './errors.js';
import type { NewDeal, NewPipeline, NewStage } from './repository.js';
import { isCurrency } from './validate.js';

/**
 * Record builders: the pipeline, its stages, a new deal and the history events the store
 * writes, made from what a caller gives. Pure: the clock, the id generator and the language of
 * error messages come in a `BuildContext`, so the same input and context give the same
 * records. Builders check what only they can (a pipeline's name, a stage's probability) and
 * throw `invalid`; a new deal's fields are checked beforehand (`checkNewDeal`), since an
 * import reports every row's problems at once.
 */

/** What builders need besides their input. */
export interface BuildContext {
  /** The current time, ms since the epoch. */
  now: () => number;
  /** A fresh, unique record id. */
  newId: () => string;
  /** Language of error messages. */
  lang: Lang;
}

/** Drops keys whose value is `undefined`, so stored records and exports stay comparable. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A new pipeline. Its stages come from `input.stages`, else `input.preset`, else the default
 * 7-stage preset (the one the funnel and simulator show, so a board's columns match them),
 * else the built-in list (a build without presets).
 */
export function buildPipeline(input: NewPipeline, ctx: BuildContext): Pipeline {
  const errors: FieldError[] = [];
  if (typeof input.name !== 'string' || input.name.trim() === '')
    errors.push(fieldError(ctx.lang, 'name', 'required'));
  const currency = input.currency ?? 'EUR';
  if (!isCurrency(currency))
    errors.push(fieldError(ctx.lang, 'currency', 'bad-currency', { value: currency }));
  const preset = input.preset ?? getPreset(DEFAULT_PRESET);
  const source = input.stages ?? (preset ? stagesFromPreset(preset) : DEFAULT_STAGES);
  if (source.length === 0) errors.push(fieldError(ctx.lang, 'stages', 'no-stages'));
  if (errors.length) throw invalidError(errors);
  const at = ctx.now();
  return {
    id: input.id ?? ctx.newId(),
    name: input.name.trim(),
    currency,
    stages: buildStages(source, new Set(), ctx.lang),
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Stages from their descriptions. A stage keeps its `id` unless `taken` has it; otherwise it
 * gets one from its name (`Presentación` → `presentacion`, then `-2`…). Adds the ids to `taken`.
 */
export function buildStages(
  source: readonly NewStage[],
  taken: Set<string>,
  lang: Lang,
): PipelineStage[] {
  return source.map((s, i) => {
    if (typeof s.name !== 'string' || s.name.trim() === '') {
      throw invalidError([fieldError(lang, `stages[${i}].name`, 'required')]);
    }
    const p = s.probability;
    if (p !== undefined && !(p >= 0 && p <= 1))
      throw invalidError([fieldError(lang, `stages[${i}].probability`, 'bad-type')]);
    const id = s.id && !taken.has(s.id) ? s.id : uniqueId(slug(s.name), taken);
    taken.add(id);
    return compact({
      id,
      name: s.name.trim(),
      names: s.names ? { ...s.names } : undefined,
      probability: p,
    });
  });
}

/**
 * A deal (its fields already checked) at version 1 and its history: `created`, plus `won` or
 * `lost` at the same instant when it starts closed. Without a rank: placing it in its column
 * needs the stored column (`placement.ts`).
 */
export function buildDeal(
  input: NewDeal,
  pipeline: Pipeline,
  ctx: BuildContext,
): { deal: Deal; events: StageEvent[] } {
  const at = ctx.now();
  const createdAt = input.createdAt ?? at;
  const outcome = input.outcome ?? 'open';
  const deal = compact<Deal>({
    id: input.id ?? ctx.newId(),
    pipelineId: pipeline.id,
    title: input.title.trim(),
    company: input.company,
    contact: input.contact,
    amount: input.amount ?? 0,
    currency: input.currency ?? pipeline.currency,
    owner: input.owner,
    expectedClose: input.expectedClose,
    notes: input.notes,
    stageId: input.stageId ?? pipeline.stages[0]!.id,
    outcome,
    lostReason: outcome === 'lost' ? input.lostReason : undefined,
    sourceId: input.sourceId,
    createdAt,
    updatedAt: at,
    stageEnteredAt: createdAt,
    version: 1,
  });
  const events = [stageEvent(deal, 'created', null, createdAt, ctx.newId)];
  if (outcome !== 'open')
    events.push(stageEvent(deal, outcome, deal.stageId, createdAt, ctx.newId));
  return { deal, events };
}

/** A history event of `deal` entering (or closing in) its current stage, coming `from` one. */
export function stageEvent(
  deal: Deal,
  kind: StageEventKind,
  from: string | null,
  at: number,
  newId: () => string,
): StageEvent {
  return {
    id: newId(),
    pipelineId: deal.pipelineId,
    dealId: deal.id,
    kind,
    from,
    to: deal.stageId,
    at,
  };
}
