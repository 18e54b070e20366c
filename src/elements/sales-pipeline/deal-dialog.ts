import { html, nothing, type TemplateResult } from 'lit';
import { pickText } from '../../model/format.js';
import type { Deal, Lang, Pipeline } from '../../model/types.js';
import type { DealPatch, NewDeal } from '../../store/repository.js';
import { parseAmount } from '../../store/transfer.js';
import { MAX_TEXT, MAX_TITLE, checkDealFields } from '../../store/validate.js';
import { t } from '../i18n.js';
import type { PipelineStrings } from './strings.js';

/**
 * The add / edit deal dialog: its form, and reading and checking what was typed. The board
 * owns the dialog element and the storing; this module only knows the form.
 */

export type FormField =
  | 'title'
  | 'company'
  | 'contact'
  | 'amount'
  | 'currency'
  | 'owner'
  | 'expectedClose'
  | 'stageId'
  | 'notes';

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

/** Reads and checks the dialog's form; empty optional fields become `undefined`. */
export function readDealForm(
  form: HTMLFormElement,
  pipeline: Pipeline,
  lang: Lang,
  s: PipelineStrings,
): DealFormValues {
  const data = new FormData(form);
  const get = (k: FormField) => String(data.get(k) ?? '').trim();
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

export interface DealDialogView {
  form: DealForm;
  /** The deal edited; `undefined` for a new one. */
  deal?: Deal;
  pipeline?: Pipeline;
  owners: readonly string[];
  strings: PipelineStrings;
  lang: Lang;
  onSubmit: (e: SubmitEvent) => void;
  onDelete: (deal: Deal) => void;
  onCancel: () => void;
}

export function renderDealDialog(view: DealDialogView): TemplateResult {
  const { form, deal, pipeline, strings: s, lang } = view;
  const errs = form.errors;
  const count = Object.keys(errs).length;
  const field = (
    name: FormField,
    label: string,
    value: string,
    extra: { type?: 'text' | 'date'; required?: boolean; inputmode?: string; list?: string } = {},
  ) => html`
    <div class="form-field">
      <label for="f-${name}"
        >${label}${extra.required ? html` <span>(${s.required})</span>` : nothing}</label
      >
      <input
        id="f-${name}"
        name=${name}
        type=${extra.type ?? 'text'}
        .value=${value}
        inputmode=${extra.inputmode ?? 'text'}
        list=${extra.list ?? ''}
        ?required=${extra.required}
        aria-invalid=${errs[name] ? 'true' : 'false'}
        aria-describedby=${errs[name] ? `e-${name}` : ''}
        ?data-autofocus=${name === 'title'}
      />
      ${errs[name] ? html`<p class="field-error" id="e-${name}">${errs[name]}</p>` : nothing}
    </div>
  `;
  return html`
    <form class="dialog-body" novalidate @submit=${view.onSubmit}>
      <h2 id="dialog-title">${deal ? s.dealDialogEdit : s.dealDialogNew}</h2>
      ${
        form.changedElsewhere
          ? html`<p class="notice warn" role="alert">
              ${t(s.changedElsewhere, { summary: form.changedElsewhere })}
            </p>`
          : nothing
      }
      ${
        count
          ? html`<div class="notice error" role="alert">
              <p>${t(s.fixErrors, { count })}</p>
              <ul>
                ${Object.entries(errs).map(([, m]) => html`<li>${m}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${form.formError ? html`<p class="notice error" role="alert">${form.formError}</p>` : nothing}
      <div class="grid">
        ${field('title', s.fieldTitle, deal?.title ?? '', { required: true })}
        ${field('company', s.fieldCompany, deal?.company ?? '')}
        ${field('contact', s.fieldContact, deal?.contact ?? '')}
        ${field('amount', s.fieldAmount, deal ? String(deal.amount) : '', { inputmode: 'decimal' })}
        ${field('currency', s.fieldCurrency, deal?.currency ?? pipeline?.currency ?? 'EUR')}
        ${field('owner', s.fieldOwner, deal?.owner ?? '', { list: 'owners' })}
        ${field('expectedClose', s.fieldClose, deal?.expectedClose ?? '', { type: 'date' })}
        ${
          deal
            ? nothing
            : html`<div class="form-field">
                <label for="f-stageId">${s.fieldStage}</label>
                <select id="f-stageId" name="stageId">
                  ${(pipeline?.stages ?? []).map(
                    (st) =>
                      html`<option value=${st.id}>${pickText(st.names, lang, st.name)}</option>`,
                  )}
                </select>
              </div>`
        }
      </div>
      <datalist id="owners">${view.owners.map((o) => html`<option value=${o}></option>`)}</datalist>
      <div class="form-field">
        <label for="f-notes">${s.fieldNotes}</label>
        <textarea id="f-notes" name="notes" rows="3" .value=${deal?.notes ?? ''}></textarea>
      </div>
      <div class="dialog-actions">
        ${
          deal
            ? html`<button
                type="button"
                part="button"
                class="danger"
                @click=${() => view.onDelete(deal)}
              >
                ${s.deleteDeal}
              </button>`
            : nothing
        }
        <span class="spacer"></span>
        <button type="button" part="button" @click=${view.onCancel}>${s.cancel}</button>
        <button type="submit" part="button" class="primary">${s.save}</button>
      </div>
    </form>
  `;
}
