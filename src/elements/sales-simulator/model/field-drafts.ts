import { formatInteger, formatNumber } from '../../../model/format.js';
import { localizeErrors } from '../../../model/messages.js';
import {
  formatPlain,
  readTypedNumber,
  type NumberProblem,
  type TypedNumber,
} from '../../../model/number-input.js';
import { numberProblemText } from '../../../model/number-messages.js';
import type { Lang, ValidationError } from '../../../model/types.js';
import { MAX_LEADS, MAX_MONEY, MAX_NAME_LENGTH } from '../../../model/validate.js';
import { t } from '../../i18n.js';
import type { ScenarioField } from './scenario-edits.js';
import type { SimulatorStrings } from '../strings.js';

/*
 * What a person types into the simulator's fields, kept apart from the scenario: the text of a
 * field stays as typed while it is being edited or cannot be read ("12x" stays "12x" and says
 * why, the scenario keeps its last valid value), and goes back to the formatted value once a
 * valid entry is committed. Pure: no DOM; the messages are made in the language of the moment.
 */

/** A numeric field: its key, label, bounds, and how it is typed. */
export interface FieldSpec {
  key: string;
  label: string;
  min: number;
  max: number;
  /** The value is a share in [0, 1], typed and shown as a percentage. */
  percent?: boolean;
  integer?: boolean;
  /** Empty is allowed and means "not given". */
  optional?: boolean;
  /** Upper bound excluded (a repeat rate of 100 % would mean endless purchases). */
  maxExclusive?: boolean;
}

/** Why a typed value is not used; worded by `fieldErrorText` at render time. */
export type FieldError =
  | {
      kind: 'number';
      /** What is wrong with the text, when more than "not a number in range" ("1,5" leads). */
      read?: Extract<TypedNumber, { ok: false }> & { problem: 'not-whole' | 'ambiguous' };
      text?: string;
    }
  | { kind: 'name' }
  | { kind: 'parse'; errors: ValidationError[] };

/** Problems worded on their own; any other is "enter a number from min to max". */
const OWN_WORDS: readonly NumberProblem[] = ['not-whole', 'ambiguous'];

/** Typed texts and their problems, by field key. */
export interface Drafts {
  readonly text: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, FieldError>>;
}

export const NO_DRAFTS: Drafts = { text: {}, errors: {} };

export type Read<T> = { ok: true; value: T } | { ok: false; error: FieldError };

function without<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const rest = { ...record };
  delete rest[key];
  return rest;
}

/** `text` typed into field `key`. */
export function typed(d: Drafts, key: string, text: string): Drafts {
  return d.text[key] === text ? d : { ...d, text: { ...d.text, [key]: text } };
}

/** Field `key` shows its value again (its draft is dropped). */
export function dropDraft(d: Drafts, key: string): Drafts {
  const text = without(d.text, key);
  return text === d.text ? d : { ...d, text };
}

/** Field `key` with `error`, or without one (`undefined`). */
export function withError(d: Drafts, key: string, error: FieldError | undefined): Drafts {
  if (error) return { ...d, errors: { ...d.errors, [key]: error } };
  const errors = without(d.errors, key);
  return errors === d.errors ? d : { ...d, errors };
}

/** Field `key` forgotten: no draft, no error. */
export function cleared(d: Drafts, key: string): Drafts {
  return withError(dropDraft(d, key), key, undefined);
}

/** On commit (blur, Enter) a valid entry is shown formatted again; an invalid one stays as typed. */
export function committed(d: Drafts, key: string): Drafts {
  return key in d.errors ? d : dropDraft(d, key);
}

/** Without the stages' fields: adding, removing or moving a stage renumbers them. */
export function withoutStages(d: Drafts): Drafts {
  const keep = <T>(o: Readonly<Record<string, T>>) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('stages[')));
  return { text: keep(d.text), errors: keep(d.errors) };
}

/**
 * The value `raw` gives field `spec`: a number within its bounds (a percentage as a share, to a
 * thousandth of a point), `undefined` for an empty optional field, or why not.
 */
export function readNumberField(
  spec: FieldSpec,
  raw: string,
  lang: Lang,
): Read<number | undefined> {
  if (raw.trim() === '' && spec.optional) return { ok: true, value: undefined };
  // "35%" is a percentage: in a field that is not one, it is no number.
  // The range goes in too: a text with two readings is taken when only one is in range.
  const read = readTypedNumber(raw, lang, {
    min: spec.min,
    max: spec.max,
    ...(spec.percent ? { percent: true } : {}),
    ...(spec.integer ? { integer: true } : {}),
  });
  if (!read.ok) {
    const { problem } = read;
    return problem === 'not-whole' || problem === 'ambiguous'
      ? { ok: false, error: { kind: 'number', read: { ...read, problem }, text: raw } }
      : { ok: false, error: { kind: 'number' } };
  }
  let n = read.value;
  const max = spec.max;
  const inRange = n >= spec.min && (spec.maxExclusive ? n < max : n <= max);
  if (!inRange) return { ok: false, error: { kind: 'number' } };
  if (spec.percent) n = Math.round(n * 1000) / 100000;
  return { ok: true, value: n };
}

/** A stage or scenario name: 1 to `MAX_NAME_LENGTH` characters once trimmed. */
export function readName(raw: string): Read<string> {
  const name = raw.trim();
  return name.length < 1 || name.length > MAX_NAME_LENGTH
    ? { ok: false, error: { kind: 'name' } }
    : { ok: true, value: name };
}

/** What field `spec` shows: its draft while there is one, else `value` formatted for typing. */
export function shownValue(
  d: Drafts,
  spec: FieldSpec,
  value: number | undefined,
  lang: Lang,
): string {
  const draft = d.text[spec.key];
  if (draft !== undefined) return draft;
  if (value === undefined) return '';
  return formatPlain(spec.percent ? value * 100 : value, lang, 2);
}

/**
 * What a draft that reads well stands for, when that is not plain to see ("10k" is
 * "= 10,000"); nothing while it has a problem or is written as the field shows numbers.
 */
export function draftPreview(
  d: Drafts,
  spec: FieldSpec,
  value: number | undefined,
  lang: Lang,
): string | undefined {
  const draft = d.text[spec.key]?.trim();
  if (draft === undefined || value === undefined || spec.key in d.errors) return undefined;
  const shown = spec.percent ? value * 100 : value;
  if (draft === formatPlain(shown, lang, 2) || draft === formatPlain(shown, lang, 3))
    return undefined;
  return `= ${formatNumber(shown, lang, 3)}${spec.percent ? ' %' : ''}`;
}

/** Field `field`'s problem in words, in `lang`; `spec` gives a number's bounds. */
export function fieldErrorText(
  error: FieldError,
  field: string,
  spec: FieldSpec | undefined,
  lang: Lang,
  text: SimulatorStrings,
): string {
  if (error.kind === 'parse') {
    return localizeErrors(error.errors, lang)
      .map((e) => e.message)
      .join(' ');
  }
  if (error.kind === 'name') return t(text.badName, { field, max: MAX_NAME_LENGTH });
  if (error.read && OWN_WORDS.includes(error.read.problem)) {
    return numberProblemText(error.read, error.text ?? '', field, lang);
  }
  const fmt = (v: number) => (spec?.percent ? `${formatPlain(v, lang)} %` : formatInteger(v, lang));
  const template = spec?.integer ? text.badWhole : text.badNumber;
  return t(template, { field, min: fmt(spec?.min ?? 0), max: fmt(spec?.max ?? 0) });
}

const money = (key: string, label: string, optional = false): FieldSpec => ({
  key,
  label,
  min: 0,
  max: MAX_MONEY,
  optional,
});

/** The scenario's own fields, labelled in the strings of the moment. */
export function scenarioFields(
  text: SimulatorStrings,
  currency: string,
): Record<ScenarioField, FieldSpec> {
  return {
    leads: { key: 'leads', label: text.leads, min: 0, max: MAX_LEADS, integer: true },
    dealValue: money('dealValue', `${text.dealValue} (${currency})`),
    costPerLead: money('costPerLead', text.costPerLead, true),
    spend: money('spend', text.spend, true),
    margin: { key: 'margin', label: text.margin, min: 0, max: 100, percent: true, optional: true },
    repeatRate: {
      key: 'repeatRate',
      label: text.repeatRate,
      min: 0,
      max: 100,
      maxExclusive: true,
      percent: true,
      optional: true,
    },
  };
}

/** Stage `index`'s exact rate, in percent; `stage` is its display label. */
export function rateField(index: number, stage: string, text: SimulatorStrings): FieldSpec {
  return {
    key: `stages[${index}].rate`,
    label: t(text.stageRateExact, { stage }),
    min: 0,
    max: 100,
    percent: true,
  };
}

/** The key of stage `index`'s name field. */
export const nameKey = (index: number) => `stages[${index}].name`;

/** The improvement ranking's and the target's own fields. */
export function planFields(text: SimulatorStrings) {
  return {
    delta: { key: 'delta', label: text.deltaPoints, min: 0.1, max: 50 },
    leadsPct: { key: 'leadsPct', label: text.leadsPercent, min: 0.1, max: 1000 },
    costPerPoint: {
      key: 'costPerPoint',
      label: text.costPerPoint,
      min: 0,
      max: MAX_MONEY,
      optional: true,
    },
    target: { key: 'target', label: text.targetValue, min: 0, max: MAX_MONEY },
  } satisfies Record<string, FieldSpec>;
}
