import { DEAL_FORM_FIELDS, MAX_AMOUNT } from '../../../model/deal-fields.js';
import { formatAmount, formatInteger } from '../../../model/format.js';
import { readTypedNumber, signFits } from '../../../model/number-input.js';
import { numberProblemText } from '../../../model/number-messages.js';
import type { Deal, Lang, Pipeline } from '../../../model/types.js';
import { StoreError } from '../../../store/errors.js';
import type { DealPatch, NewDeal } from '../../../store/repository.js';
import { MAX_TEXT, MAX_TITLE, checkDealFields } from '../../../store/validate.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The add / edit deal form as data: what was typed, checked field by field with the store's
 * rules and worded with the board's strings, and what a refused save means for the form.
 * Pure; `deal-dialog.ts` renders the form and reads it.
 */

/** The fields of the deal form, in the order it shows them. */
export const FORM_FIELDS = DEAL_FORM_FIELDS;

export type FormField = (typeof FORM_FIELDS)[number];

export type FieldErrors = Partial<Record<FormField, string>>;

/** The dialog's state between renders. */
export interface DealForm {
  dealId?: string;
  /** The version the person is editing; a newer stored one is a conflict. */
  baseVersion?: number;
  errors: FieldErrors;
  formError?: string;
  changedElsewhere?: string;
  /** The amount as it will be stored ("= €12,500"), while what is typed reads as one. */
  preview?: string;
}

/** What the form holds once read: the edit, the stage a new deal starts in, and any errors. */
export interface DealFormValues {
  values: Required<Pick<DealPatch, 'title' | 'amount' | 'currency'>> & DealPatch;
  stageId?: string;
  errors: FieldErrors;
  /** The amount read, formatted in its currency; absent when empty or refused. */
  preview?: string;
}

const ERROR_KEYS: Record<string, keyof PipelineStrings> = {
  required: 'errRequired',
  'too-long': 'errTooLong',
  'not-a-number': 'errNumber',
  negative: 'errNegative',
  'bad-currency': 'errCurrency',
  'bad-date': 'errDate',
  'amount-too-large': 'errAmountMax',
  'time-range': 'errDateRange',
};

/** The largest value a field takes, as its message says it. */
const maxOf = (field: FormField, lang: Lang): string | number =>
  field === 'amount' ? formatInteger(MAX_AMOUNT, lang) : field === 'title' ? MAX_TITLE : MAX_TEXT;

/** The store's field checks, worded with the board's own (overridable) strings. */
export function dealFieldErrors(
  fields: Partial<Record<keyof Deal, unknown>>,
  pipeline: Pipeline | undefined,
  lang: Lang,
  s: PipelineStrings,
): FieldErrors {
  const labels: Record<string, string> = {
    title: s.fieldTitle,
    company: s.fieldCompany,
    contact: s.fieldContact,
    amount: s.fieldAmount,
    currency: s.fieldCurrency,
    owner: s.fieldOwner,
    expectedClose: s.fieldClose,
    stageId: s.fieldStage,
    notes: s.fieldNotes,
  };
  const errors: FieldErrors = {};
  for (const err of checkDealFields(fields, pipeline, lang)) {
    const field = err.field as FormField;
    if (errors[field]) continue;
    const key = ERROR_KEYS[err.code];
    errors[field] = key
      ? t(s[key], { field: labels[field] ?? field, max: maxOf(field, lang) })
      : err.message;
  }
  return errors;
}

/** Checks what the form's fields hold; empty optional fields become `undefined`. */
export function checkDealForm(
  fields: Readonly<Record<FormField, string>>,
  pipeline: Pipeline,
  lang: Lang,
  s: PipelineStrings,
): DealFormValues {
  const get = (k: FormField) => fields[k].trim();
  const amountText = get('amount');
  const read = amountText === '' ? undefined : readTypedNumber(amountText, lang, { min: 0 });
  const amount = read === undefined ? 0 : read.ok ? read.value : NaN;
  const values = {
    title: get('title'),
    company: get('company') || undefined,
    contact: get('contact') || undefined,
    amount,
    currency: get('currency').toUpperCase() || pipeline.currency,
    owner: get('owner') || undefined,
    expectedClose: get('expectedClose') || undefined,
    notes: get('notes') || undefined,
  };
  const stageId = get('stageId') || undefined;
  const errors = dealFieldErrors({ ...values, ...(stageId ? { stageId } : {}) }, pipeline, lang, s);
  let preview: string | undefined;
  if (read && !read.ok) {
    // A number with two readings, or none, is never stored as one of them.
    errors.amount =
      read.problem === 'too-small'
        ? t(s.errNegative, { field: s.fieldAmount })
        : read.problem === 'not-a-number'
          ? t(s.errNumber, { field: s.fieldAmount })
          : numberProblemText(read, amountText, s.fieldAmount, lang);
  } else if (read?.currency && !signFits(read.currency, values.currency)) {
    errors.amount = t(s.errAmountCurrency, {
      field: s.fieldAmount,
      sign: read.currency,
      currency: values.currency,
    });
  } else if (read && !errors.currency) {
    preview = `= ${formatAmount(amount, lang, values.currency)}`;
  }
  return { values, ...(stageId ? { stageId } : {}), errors, ...(preview ? { preview } : {}) };
}

/**
 * The form while the person types: fields that had a problem are checked again, so a fixed one
 * clears and a changed one says its new problem; a field not yet complained about waits for
 * Save. The amount's preview follows every keystroke.
 */
export function formWhileTyping(form: DealForm, read: DealFormValues): DealForm {
  const errors: FieldErrors = {};
  for (const field of Object.keys(form.errors) as FormField[]) {
    if (read.errors[field]) errors[field] = read.errors[field];
  }
  const next: DealForm = { ...form, errors };
  if (read.preview) next.preview = read.preview;
  else delete next.preview;
  return next;
}

/** A new deal from the form's values, without the fields left empty. */
export function newDealFrom({ values, stageId }: DealFormValues): NewDeal {
  return Object.fromEntries(
    Object.entries({ ...values, stageId }).filter(([, v]) => v !== undefined),
  ) as unknown as NewDeal;
}

/** A deal in one line: title, company, amount and owner. */
export function dealSummary(d: Deal, lang: Lang): string {
  return [d.title, d.company, formatAmount(d.amount, lang, d.currency), d.owner]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The form after the store refused to save it: a conflict shows the other tab's values and
 * takes their version (saving again overwrites them, knowingly); invalid fields are named; any
 * other failure is said once for the form.
 */
export function formAfterSaveError(
  form: DealForm,
  err: unknown,
  s: PipelineStrings,
  lang: Lang,
): DealForm {
  if (err instanceof StoreError && err.code === 'conflict' && err.current) {
    return {
      ...form,
      errors: {},
      baseVersion: err.current.version,
      changedElsewhere: dealSummary(err.current, lang),
    };
  }
  if (err instanceof StoreError && err.code === 'invalid') {
    const byField: FieldErrors = {};
    for (const d of err.details) byField[d.field as FormField] ??= d.message;
    return { ...form, errors: byField };
  }
  const formError =
    err instanceof StoreError && err.code === 'quota'
      ? s.quota
      : t(s.failed, { detail: err instanceof Error ? err.message : String(err) });
  return { ...form, errors: {}, formError };
}
