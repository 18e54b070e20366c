import { formatMoney } from '../../../model/format.js';
import type { Deal, Lang, Pipeline } from '../../../model/types.js';
import { StoreError } from '../../../store/errors.js';
import type { DealPatch, NewDeal } from '../../../store/repository.js';
import { parseAmount } from '../../../store/transfer.js';
import { MAX_TEXT, MAX_TITLE, checkDealFields } from '../../../store/validate.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The add / edit deal form as data: what was typed, checked field by field with the store's
 * rules and worded with the board's strings, and what a refused save means for the form.
 * Pure; `deal-dialog.ts` renders the form and reads it.
 */

/** The fields of the deal form, in the order it shows them. */
export const FORM_FIELDS = [
  'title',
  'company',
  'contact',
  'amount',
  'currency',
  'owner',
  'expectedClose',
  'stageId',
  'notes',
] as const;

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
}

/** What the form holds once read: the edit, the stage a new deal starts in, and any errors. */
export interface DealFormValues {
  values: Required<Pick<DealPatch, 'title' | 'amount' | 'currency'>> & DealPatch;
  stageId?: string;
  errors: FieldErrors;
}

const ERROR_KEYS: Record<string, keyof PipelineStrings> = {
  required: 'errRequired',
  'too-long': 'errTooLong',
  'not-a-number': 'errNumber',
  negative: 'errNegative',
  'bad-currency': 'errCurrency',
  'bad-date': 'errDate',
};

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
      ? t(s[key], { field: labels[field] ?? field, max: field === 'title' ? MAX_TITLE : MAX_TEXT })
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
  const amount = amountText === '' ? 0 : parseAmount(amountText);
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
  if (amountText !== '' && Number.isNaN(amount)) {
    errors.amount = t(s.errNumber, { field: s.fieldAmount });
  }
  return { values, ...(stageId ? { stageId } : {}), errors };
}

/** A new deal from the form's values, without the fields left empty. */
export function newDealFrom({ values, stageId }: DealFormValues): NewDeal {
  return Object.fromEntries(
    Object.entries({ ...values, stageId }).filter(([, v]) => v !== undefined),
  ) as unknown as NewDeal;
}

/** A deal in one line: title, company, amount and owner. */
export function dealSummary(d: Deal, lang: Lang): string {
  return [d.title, d.company, formatMoney(d.amount, lang, d.currency), d.owner]
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
