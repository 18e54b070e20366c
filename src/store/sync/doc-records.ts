import * as Y from 'yjs';
import type { Deal, Pipeline, StageEvent } from '../../model/types.js';
import { DEAL_KEYS, isDealTime } from '../../model/deal-fields.js';
import type { SavedScenario } from '../records.js';
import { checkDealFields, checkPipelineExport } from '../validate.js';

/**
 * The shape of a team's shared document and how its contents become records. One Y.Doc per
 * room:
 * - `pipelines`: id → Y.Map of the pipeline's fields (each field last-writer-wins; fields this
 *   version does not know, such as a newer release's, are carried as they are);
 * - `deals`: id → Y.Map of the deal's fields (each field last-writer-wins, so two people
 *   editing different fields of one deal both keep their edit);
 * - `events`: the stage history, a Y.Array only ever appended to;
 * - `hiddenEvents`: event id → when it was hidden (the event of a deleted deal stays in
 *   `events`, so a restore brings it back and no merge ever drops one);
 * - `trash`: deal id → when it was deleted (the deal's map stays until the trash expires);
 * - `scenarios`: id → a saved scenario (whole value, last writer wins).
 *
 * Everything read from the document is checked as an import is (`checkPipelineExport`): a
 * peer's record of the wrong shape is left out instead of reaching a board, and only known
 * deal fields are read, so nothing else a peer writes reaches the page.
 */

export interface DocRoots {
  pipelines: Y.Map<Y.Map<unknown>>;
  deals: Y.Map<Y.Map<unknown>>;
  events: Y.Array<StageEvent>;
  hiddenEvents: Y.Map<number>;
  trash: Y.Map<number>;
  scenarios: Y.Map<SavedScenario>;
}

export function rootsOf(doc: Y.Doc): DocRoots {
  return {
    pipelines: doc.getMap('pipelines'),
    deals: doc.getMap('deals'),
    events: doc.getArray('events'),
    hiddenEvents: doc.getMap('hiddenEvents'),
    trash: doc.getMap('trash'),
    scenarios: doc.getMap('scenarios'),
  };
}

const EVENT_KEYS = [
  'id',
  'pipelineId',
  'dealId',
  'kind',
  'from',
  'to',
  'at',
] as const satisfies readonly (keyof StageEvent)[];

/** Keys a peer could use to reach an object's prototype when copied into a plain object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const FORMAT = { format: 'sales-funnel/pipeline', formatVersion: 1, exportedAt: 0 } as const;

/** The fields of `map` named by `keys`, as a plain object with no prototype surprises. */
function pick<K extends string>(map: Y.Map<unknown>, keys: readonly K[]): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const k of keys) {
    const v = map.get(k);
    if (v !== undefined) out[k] = v instanceof Y.AbstractType ? v.toJSON() : v;
  }
  return out;
}

/** A stored pipeline, or `undefined` when what the document holds is not a valid one. */
export function readPipeline(id: string, map: Y.Map<unknown>): Pipeline | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of map.entries()) {
    if (!UNSAFE_KEYS.has(k)) out[k] = v instanceof Y.AbstractType ? v.toJSON() : v;
  }
  if (out.id !== id) return undefined;
  const errors = checkPipelineExport({ ...FORMAT, pipeline: out, deals: [], events: [] }, 'en');
  const timesOk = isDealTime(out.createdAt) && isDealTime(out.updatedAt);
  return errors.length === 0 && timesOk ? (out as unknown as Pipeline) : undefined;
}

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const nonEmpty = (v: unknown) => typeof v === 'string' && v !== '';
const EVENT_KINDS = new Set(['created', 'moved', 'won', 'lost', 'reopened']);

/**
 * A stored deal, or `undefined` when it is not a valid one: the checks a deal of an imported
 * pipeline file gets (`checkPipelineExport`: its ids and times, then `checkDealFields`), made
 * directly, so that opening a room of 10,000 deals builds no file and no message per deal. A
 * deal whose stage its pipeline no longer has (removed by someone while another moved the deal
 * there) shows in the first stage, rather than in no column at all.
 */
export function readDeal(id: string, map: Y.Map<unknown>, pipeline?: Pipeline): Deal | undefined {
  const d = pick(map, DEAL_KEYS);
  if (d.id !== id || !nonEmpty(id) || typeof d.pipelineId !== 'string') return undefined;
  if (pipeline && !pipeline.stages.some((s) => s.id === d.stageId)) {
    d.stageId = pipeline.stages[0]!.id;
  }
  const timesOk =
    isDealTime(d.createdAt) &&
    isDealTime(d.updatedAt) &&
    isDealTime(d.stageEnteredAt) &&
    finite(d.version);
  if (!nonEmpty(d.stageId) || !timesOk || (d.rank !== undefined && !finite(d.rank))) {
    return undefined;
  }
  // Title and amount are required: present as keys, `checkDealFields` checks them even unset.
  const fields = { ...d, title: d.title, amount: d.amount };
  return checkDealFields(fields, undefined, 'en').length === 0 ? (d as unknown as Deal) : undefined;
}

/** A history event, or `undefined` when it is not a valid one (an imported event's checks). */
export function readEvent(value: unknown): StageEvent | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const source = value as Record<string, unknown>;
  const e: Record<string, unknown> = {};
  for (const k of EVENT_KEYS) if (source[k] !== undefined) e[k] = source[k];
  const ok =
    typeof e.pipelineId === 'string' &&
    nonEmpty(e.id) &&
    nonEmpty(e.dealId) &&
    EVENT_KINDS.has(e.kind as string) &&
    nonEmpty(e.to) &&
    (e.from === null || typeof e.from === 'string') &&
    isDealTime(e.at);
  return ok ? (e as unknown as StageEvent) : undefined;
}

/** A saved scenario, or `undefined` when it is not one. */
export function readScenario(id: string, value: unknown): SavedScenario | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Partial<SavedScenario>;
  const ok =
    s.id === id &&
    typeof s.name === 'string' &&
    (s.pipelineId === null || typeof s.pipelineId === 'string') &&
    typeof s.scenario === 'object' &&
    s.scenario !== null &&
    typeof s.createdAt === 'number' &&
    typeof s.updatedAt === 'number';
  return ok ? (structuredClone(value) as SavedScenario) : undefined;
}

/**
 * Writes `next`'s fields into `map`, only those that differ (so a concurrent edit of another
 * field survives), and removes the fields `next` no longer has.
 */
export function writeFields(map: Y.Map<unknown>, next: object): void {
  const fields = next as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || UNSAFE_KEYS.has(k)) continue;
    const old = map.get(k);
    const same =
      old === v ||
      (typeof v === 'object' && old !== undefined && JSON.stringify(old) === JSON.stringify(v));
    if (!same) map.set(k, structuredClone(v));
  }
  for (const k of [...map.keys()]) if (fields[k] === undefined) map.delete(k);
}
