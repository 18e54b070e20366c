import type { DealOutcome, Lang, Pipeline } from '../../model/types.js';
import { slug, uniqueId } from '../defaults.js';
import { unprotectCell } from '../csv.js';
import { fieldError, type FieldError } from '../errors.js';
import type { HistoryStep, ImportedDeal, NewStage } from '../repository.js';
import { OUTCOME_WORDS } from '../transfer.js';
import { checkNewDeal } from '../validate.js';
import { readAmount, SIGN_CURRENCY } from './amounts.js';
import type { CsvRecord } from './csv-stream.js';
import { readDate, type DateFormat } from './dates.js';
import { normalizeHeader, type ImportField } from './layouts.js';
import { isBlank, type ImportPlan } from './plan.js';

/**
 * Rows of an imported file to deals, through the confirmed plan: each mapped field read as the
 * plan says (the column's date format and decimal sign, the stage value's target), the
 * stage history the file holds, and every problem of the row named by the spreadsheet's line
 * and the column's header. Nothing here writes. Pure.
 */

export interface MappedRow {
  line: number;
  deal?: ImportedDeal;
  problems: FieldError[];
  /** A refused row's cells as the file has them, for the report of skipped rows. */
  cells?: string[];
}

/** The plan made concrete for one pipeline: new stages with their ids, and every value's stage. */
export interface ResolvedPlan {
  plan: ImportPlan;
  headers: readonly string[];
  pipeline: Pipeline;
  /** The stages to add, with the ids deals refer to. */
  newStages: NewStage[];
  /** The board's stages once the new ones are added. */
  stageIds: readonly string[];
  target: ReadonlyMap<string, { stageId?: string; outcome?: DealOutcome }>;
  lang: Lang;
}

const DOLLAR_CURRENCIES = new Set([
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'MXN',
  'ARS',
  'CLP',
  'COP',
  'UYU',
  'SGD',
  'HKD',
]);

export function resolvePlan(
  plan: ImportPlan,
  headers: readonly string[],
  pipeline: Pipeline,
  lang: Lang,
): ResolvedPlan {
  const taken = new Set(pipeline.stages.map((s) => s.id));
  const newStages: NewStage[] = [];
  const byName = new Map<string, string>();
  const target = new Map<string, { stageId?: string; outcome?: DealOutcome }>();
  for (const [value, t] of Object.entries(plan.stages)) {
    if (t.kind === 'stage') target.set(value, { stageId: t.stageId });
    else if (t.kind === 'won' || t.kind === 'lost') target.set(value, { outcome: t.kind });
    else {
      // Two values sent to one new stage of the same name make one stage.
      const key = normalizeHeader(t.name);
      let id = byName.get(key);
      if (!id) {
        id = uniqueId(slug(t.name) || 'stage', taken);
        taken.add(id);
        byName.set(key, id);
        newStages.push({ id, name: t.name.trim() });
      }
      target.set(value, { stageId: id });
    }
  }
  return {
    plan,
    headers,
    pipeline,
    newStages,
    stageIds: [...pipeline.stages.map((s) => s.id), ...newStages.map((s) => s.id!)],
    target,
    lang,
  };
}

/** The pipeline as it will be once the plan's new stages are added. */
export function pipelineAfter(r: ResolvedPlan): Pipeline {
  return {
    ...r.pipeline,
    stages: [...r.pipeline.stages, ...r.newStages.map((s) => ({ id: s.id!, name: s.name }))],
  };
}

/** One data row to a deal, or the reasons it cannot be one. Blank lines give `undefined`. */
export function mapRecord(
  r: ResolvedPlan,
  record: CsvRecord,
  after = pipelineAfter(r),
): MappedRow | undefined {
  if (isBlank(record)) return undefined;
  const { plan, headers, lang } = r;
  const line = record.line;
  const problems: FieldError[] = [];
  const fail = (column: number, code: string, value: string, params: Record<string, string> = {}) =>
    problems.push(fieldError(lang, headers[column] ?? '', code, { value, ...params }, line));
  const cells = new Map<ImportField, { text: string; column: number }>();
  const entered: { stage: string; text: string; column: number }[] = [];
  plan.columns.forEach((use, column) => {
    if (!use) return;
    const text = unprotectCell((record.cells[column] ?? '').trim());
    if (text === '') return;
    if (use.startsWith('entered:')) entered.push({ stage: use.slice(8), text, column });
    else cells.set(use as ImportField, { text, column });
  });
  const text = (f: ImportField) => cells.get(f)?.text;
  const date = (f: ImportField) => {
    const c = cells.get(f);
    if (!c) return undefined;
    const read = readDate(c.text, plan.dates[c.column] ?? 'iso');
    if (!read) fail(c.column, 'bad-date', c.text);
    return read ?? undefined;
  };

  const deal: ImportedDeal = { title: text('title') ?? '' };
  for (const f of ['company', 'contact', 'owner', 'notes', 'sourceId'] as const) {
    const v = text(f);
    if (v !== undefined) deal[f] = v;
  }
  const currencyText = text('currency')?.toUpperCase();
  if (currencyText !== undefined) deal.currency = currencyText;
  const amount = cells.get('amount');
  if (amount) {
    const read = readAmount(amount.text, plan.decimals[amount.column] ?? '.');
    if (!read) fail(amount.column, 'not-a-number', amount.text);
    else {
      deal.amount = read.value;
      const sign = read.currency;
      const named = sign
        ? (SIGN_CURRENCY[sign] ?? (/^[A-Z]{3}$/.test(sign) ? sign : undefined))
        : undefined;
      if (named && currencyText && named !== currencyText) {
        fail(amount.column, 'currency-mismatch', amount.text, { currency: currencyText });
      } else if (named) deal.currency ??= named;
      else if (sign === '$' && !currencyText) {
        if (DOLLAR_CURRENCIES.has(r.pipeline.currency)) deal.currency = r.pipeline.currency;
        else fail(amount.column, 'dollar-sign', amount.text);
      }
    }
  }
  const close = date('expectedClose');
  if (close) deal.expectedClose = close.day;
  const created = date('createdAt');

  let outcome: DealOutcome | undefined;
  const stageOf = (value: string, column: number): string | undefined => {
    const t = r.target.get(value);
    if (!t) {
      fail(column, 'no-stage', value);
      return undefined;
    }
    if (t.outcome) outcome = t.outcome;
    return t.stageId;
  };
  const stageCell = cells.get('stage');
  const current = stageCell ? stageOf(stageCell.text, stageCell.column) : undefined;
  const statusCell = cells.get('outcome');
  if (statusCell) {
    const o = OUTCOME_WORDS[normalizeHeader(statusCell.text)];
    if (o === undefined) fail(statusCell.column, 'bad-outcome', statusCell.text);
    // A status of "open" does not reopen a deal its stage says was won.
    else if (o !== 'open' || !outcome) outcome = o;
  }

  const history: HistoryStep[] = [];
  const step = (stageId: string | undefined, at: number | undefined) => {
    if (stageId && at !== undefined) history.push({ stageId, at });
  };
  for (const e of entered) {
    const t = r.target.get(e.stage);
    const read = readDate(e.text, plan.dates[e.column] ?? 'iso');
    if (!read) fail(e.column, 'bad-date', e.text);
    else step(t?.stageId, read.at);
  }
  const previous = cells.get('previousStage');
  const changed = date('changedAt');
  if (previous) {
    step(stageOf(previous.text, previous.column), created?.at);
    step(current, changed?.at);
  }
  step(current, date('stageChangedAt')?.at);
  history.sort((a, b) => a.at - b.at);
  // The deal ends in its current stage; entries after it (a closed stage's date) stay before it.
  const steps = dedupe(history);
  let stageId = current ?? steps[steps.length - 1]?.stageId;
  if (!stageId && outcome && outcome !== 'open')
    stageId = r.pipeline.stages[r.pipeline.stages.length - 1]!.id;
  if (stageId) deal.stageId = stageId;
  if (stageId && steps.length && steps[steps.length - 1]!.stageId !== stageId) {
    steps.push({ stageId, at: steps[steps.length - 1]!.at });
  }
  if (steps.length) deal.history = steps;
  const createdAt = created?.at ?? steps[0]?.at;
  if (createdAt !== undefined) deal.createdAt = createdAt;
  if (outcome) deal.outcome = outcome;
  const closedAt = date(outcome === 'won' ? 'wonAt' : 'lostAt');
  if (closedAt && outcome && outcome !== 'open') deal.closedAt = closedAt.at;
  const reason = text('lostReason');
  if (reason !== undefined && outcome === 'lost') deal.lostReason = reason;

  problems.push(...checkNewDeal(deal, after, lang, line));
  return problems.length ? { line, problems, cells: record.cells } : { line, deal, problems };
}

/** Consecutive entries into the same stage are one. */
function dedupe(steps: readonly HistoryStep[]): HistoryStep[] {
  const out: HistoryStep[] = [];
  for (const s of steps) if (out[out.length - 1]?.stageId !== s.stageId) out.push(s);
  return out;
}

/** Date formats a plan may still lack (an ambiguous column the person has not answered). */
export function missingDates(plan: ImportPlan, questions: readonly { column: number }[]): number[] {
  return questions.map((q) => q.column).filter((c) => plan.dates[c] === undefined);
}

export type { DateFormat, HistoryStep, ImportedDeal };
