import {
  DEAL_FORM_FIELDS,
  DEAL_INPUT_FIELDS,
  DEAL_TEXT_FIELDS,
  DEAL_TIMESTAMPS,
  MAX_AMOUNT,
  isDealDay,
  isDealTime,
} from '../model/deal-fields.js';
import type { Deal, DealOutcome, Lang, Pipeline } from '../model/types.js';
import type { FieldError } from './errors.js';
import { message } from './messages.js';
import type { DealPatch, ImportedDeal } from './repository.js';

/**
 * Checks of deal fields shared by the repository (every create / update) and the importers
 * (every row, before anything is written). Pure.
 */

export const MAX_TITLE = 300;
export const MAX_TEXT = 5000;

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const isCurrency = (s: unknown): s is string =>
  typeof s === 'string' && /^[A-Z]{3}$/.test(s);

/** A whole number with the language's grouping (kept off the model's formatters: store-only code). */
const grouped = (n: number, lang: Lang) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);

const OUTCOMES: readonly DealOutcome[] = ['open', 'won', 'lost'];

/**
 * Problems with the given fields of a deal; only the fields present are checked, so this
 * serves patches too. `prefix` goes before field names (`deals[3].`), `row` is copied into
 * each error.
 */
export function checkDealFields(
  fields: Partial<Record<keyof Deal, unknown>>,
  pipeline: Pipeline | undefined,
  lang: Lang,
  where: { prefix?: string; row?: number } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (name: string, code: string, params: Record<string, string | number> = {}) => {
    const field = `${where.prefix ?? ''}${name}`;
    errors.push({
      ...(where.row === undefined ? {} : { row: where.row }),
      field,
      code,
      message: message(lang, code, { field, ...params }),
    });
  };
  if ('title' in fields) {
    const t = fields.title;
    if (typeof t !== 'string' || t.trim() === '') add('title', 'required');
    else if (t.length > MAX_TITLE) add('title', 'too-long', { max: MAX_TITLE });
  }
  for (const name of DEAL_TEXT_FIELDS) {
    const v = fields[name];
    if (v === undefined) continue;
    if (typeof v !== 'string') add(name, 'bad-type');
    else if (v.length > MAX_TEXT) add(name, 'too-long', { max: MAX_TEXT });
  }
  if ('amount' in fields) {
    const a = fields.amount;
    if (typeof a !== 'number' || !Number.isFinite(a)) {
      add('amount', 'not-a-number', { value: String(a) });
    } else if (a < 0) add('amount', 'negative');
    else if (a > MAX_AMOUNT) {
      add('amount', 'amount-too-large', {
        max: grouped(MAX_AMOUNT, lang),
        value: grouped(a, lang),
      });
    }
  }
  if (fields.currency !== undefined && !isCurrency(fields.currency)) {
    add('currency', 'bad-currency', { value: String(fields.currency) });
  }
  const close = fields.expectedClose;
  if (close !== undefined && (typeof close !== 'string' || !isIsoDate(close))) {
    add('expectedClose', 'bad-date', { value: String(close) });
  } else if (close !== undefined && !isDealDay(close)) {
    add('expectedClose', 'time-range', { value: close });
  }
  for (const name of DEAL_TIMESTAMPS) {
    const v = fields[name];
    if (typeof v === 'number' && !isDealTime(v)) add(name, 'time-range', { value: String(v) });
  }
  if (fields.stageId !== undefined && pipeline) {
    if (!pipeline.stages.some((s) => s.id === fields.stageId)) {
      add('stageId', 'unknown-stage', { value: String(fields.stageId) });
    }
  }
  if (fields.outcome !== undefined && !OUTCOMES.includes(fields.outcome as DealOutcome)) {
    add('outcome', 'bad-outcome', { value: String(fields.outcome) });
  }
  return errors;
}

/** The fields `updateDeal` edits: stage and outcome change only through moves and outcomes. */
const EDITABLE_FIELDS = DEAL_FORM_FIELDS.filter((f) => f !== 'stageId');

/**
 * Problems with a new deal's fields (`row`, 1-based, for rows of an import), and with the times
 * of the history an import gives it.
 */
export function checkNewDeal(
  input: ImportedDeal,
  pipeline: Pipeline,
  lang: Lang,
  row?: number,
): FieldError[] {
  const fields: Partial<Record<keyof Deal, unknown>> = { title: input.title };
  for (const k of DEAL_INPUT_FIELDS) {
    if (k !== 'title' && input[k] !== undefined) fields[k] = input[k];
  }
  if (input.createdAt !== undefined) fields.createdAt = input.createdAt;
  const where = row === undefined ? {} : { row };
  const errors = checkDealFields(fields, pipeline, lang, where);
  const times = [...(input.history ?? []).map((h) => h.at), input.closedAt ?? 0];
  const bad = times.find((t) => !isDealTime(t));
  if (bad !== undefined) {
    const field = input.closedAt === bad ? 'closedAt' : 'stageEnteredAt';
    errors.push({
      ...where,
      field,
      code: 'time-range',
      message: message(lang, 'time-range', { field, value: String(bad) }),
    });
  }
  return errors;
}

/** The editable fields `patch` holds, others dropped. */
export function editablePatch(patch: DealPatch): DealPatch {
  const clean: DealPatch = {};
  for (const key of EDITABLE_FIELDS) {
    if (key in patch) (clean as Record<string, unknown>)[key] = patch[key];
  }
  return clean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed pipeline JSON file completely (pipeline, every deal, every event) and
 * returns every problem; an empty list means it can be stored as is.
 */
export function checkPipelineExport(data: unknown, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: string, params: Record<string, string | number> = {}) =>
    errors.push({ field, code, message: message(lang, code, { field, ...params }) });
  if (!isObject(data) || data.format !== 'sales-funnel/pipeline' || !isObject(data.pipeline)) {
    add('', 'bad-format');
    return errors;
  }
  const p = data.pipeline;
  if (typeof p.id !== 'string' || p.id === '') add('pipeline.id', 'required');
  if (typeof p.name !== 'string' || p.name.trim() === '') add('pipeline.name', 'required');
  if (!isCurrency(p.currency))
    add('pipeline.currency', 'bad-currency', { value: String(p.currency) });
  for (const n of ['createdAt', 'updatedAt'] as const) {
    if (p[n] !== undefined && !isDealTime(p[n])) {
      add(`pipeline.${n}`, 'time-range', { value: String(p[n]) });
    }
  }
  const stageIds = new Set<string>();
  if (!Array.isArray(p.stages) || p.stages.length === 0) add('pipeline.stages', 'no-stages');
  else {
    p.stages.forEach((s: unknown, i) => {
      const at = `pipeline.stages[${i}]`;
      if (!isObject(s) || typeof s.id !== 'string' || s.id === '') add(`${at}.id`, 'required');
      else if (stageIds.has(s.id)) add(`${at}.id`, 'duplicate', { value: s.id });
      else stageIds.add(s.id);
      if (isObject(s) && (typeof s.name !== 'string' || s.name.trim() === '')) {
        add(`${at}.name`, 'required');
      }
      if (isObject(s) && s.probability !== undefined) {
        const pr = s.probability;
        if (typeof pr !== 'number' || !(pr >= 0 && pr <= 1)) add(`${at}.probability`, 'bad-type');
      }
    });
  }
  const stagesOnly = { stages: [...stageIds].map((id) => ({ id, name: id })) } as Pipeline;
  const dealIds = new Set<string>();
  if (!Array.isArray(data.deals)) add('deals', 'bad-type');
  else {
    data.deals.forEach((d: unknown, i) => {
      const prefix = `deals[${i}].`;
      if (!isObject(d)) {
        add(`deals[${i}]`, 'bad-type');
        return;
      }
      const first = errors.length;
      if (typeof d.id !== 'string' || d.id === '') add(`${prefix}id`, 'required');
      else if (dealIds.has(d.id)) add(`${prefix}id`, 'duplicate', { value: d.id });
      else dealIds.add(d.id);
      if (typeof d.stageId !== 'string') add(`${prefix}stageId`, 'required');
      for (const n of [...DEAL_TIMESTAMPS, 'version'] as const) {
        if (typeof d[n] !== 'number' || !Number.isFinite(d[n])) add(`${prefix}${n}`, 'bad-type');
      }
      // Optional: files from before ranks have none, and get them on import.
      if (d.rank !== undefined && (typeof d.rank !== 'number' || !Number.isFinite(d.rank))) {
        add(`${prefix}rank`, 'bad-type');
      }
      const { title, amount, currency, expectedClose, stageId, outcome } = d;
      const fields: Partial<Record<keyof Deal, unknown>> = {
        title,
        amount,
        currency,
        stageId,
        outcome,
      };
      for (const n of DEAL_TEXT_FIELDS) {
        if (d[n] !== undefined) fields[n] = d[n];
      }
      // Non-numbers were refused above; numbers must fall inside the dates every view can show.
      for (const n of DEAL_TIMESTAMPS) if (Number.isFinite(d[n])) fields[n] = d[n];
      if (expectedClose !== undefined) fields.expectedClose = expectedClose;
      errors.push(...checkDealFields(fields, stagesOnly, lang, { prefix }));
      // Which deal, as a person finds it in the file: its place, its title, its id.
      const which = message(lang, 'deal-label', {
        index: i + 1,
        title: typeof title === 'string' ? title : '',
        id: typeof d.id === 'string' ? d.id : '',
      });
      for (const e of errors.slice(first)) e.message = `${which}: ${e.message}`;
    });
  }
  if (!Array.isArray(data.events)) add('events', 'bad-type');
  else {
    data.events.forEach((e: unknown, i) => {
      const at = `events[${i}]`;
      if (!isObject(e)) {
        add(at, 'bad-type');
        return;
      }
      if (typeof e.id !== 'string' || e.id === '') add(`${at}.id`, 'required');
      if (typeof e.dealId !== 'string' || !dealIds.has(e.dealId)) {
        add(`${at}.dealId`, 'unknown-deal', { value: String(e.dealId) });
      }
      if (!['created', 'moved', 'won', 'lost', 'reopened'].includes(e.kind as string)) {
        add(`${at}.kind`, 'bad-type');
      }
      if (typeof e.to !== 'string') add(`${at}.to`, 'required');
      if (e.from !== null && typeof e.from !== 'string') add(`${at}.from`, 'bad-type');
      if (typeof e.at !== 'number' || !Number.isFinite(e.at)) add(`${at}.at`, 'bad-type');
      else if (!isDealTime(e.at)) add(`${at}.at`, 'time-range', { value: String(e.at) });
    });
  }
  return errors;
}
