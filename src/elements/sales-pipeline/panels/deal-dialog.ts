import { html, nothing, type TemplateResult } from 'lit';
import { pickText } from '../../../model/format.js';
import { formatPlain } from '../../../model/number-input.js';
import type { Deal, Lang, Pipeline } from '../../../model/types.js';
import { t } from '../../i18n.js';
import {
  FORM_FIELDS,
  checkDealForm,
  type DealForm,
  type DealFormValues,
  type FormField,
} from '../model/deal-form.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The add / edit deal dialog: its form, and reading it. The board owns the dialog element and
 * the storing; `deal-form.ts` checks what was typed.
 */

/** Reads and checks the dialog's form. */
export function readDealForm(
  form: HTMLFormElement,
  pipeline: Pipeline,
  lang: Lang,
  s: PipelineStrings,
): DealFormValues {
  const data = new FormData(form);
  const fields = Object.fromEntries(
    FORM_FIELDS.map((k) => [k, String(data.get(k) ?? '')]),
  ) as Record<FormField, string>;
  return checkDealForm(fields, pipeline, lang, s);
}

export interface DealDialogView {
  form: DealForm;
  /** The deal edited, as the dialog opened it; `undefined` for a new one. */
  deal?: Deal;
  /** The deal was deleted elsewhere meanwhile: the form can only be saved as a new deal. */
  gone?: boolean;
  pipeline?: Pipeline;
  owners: readonly string[];
  strings: PipelineStrings;
  lang: Lang;
  onSubmit: (e: SubmitEvent) => void;
  /** Something was typed: problems shown are checked again, the amount's preview follows. */
  onInput: (form: HTMLFormElement) => void;
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
  ) => {
    const preview = name === 'amount' ? form.preview : undefined;
    const described = [errs[name] ? `e-${name}` : '', preview ? `p-${name}` : '']
      .filter(Boolean)
      .join(' ');
    return html`
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
          aria-describedby=${described}
          ?data-autofocus=${name === 'title'}
        />
        ${preview ? html`<p class="field-preview" id="p-${name}">${preview}</p>` : nothing}
        ${errs[name] ? html`<p class="field-error" part="error" id="e-${name}">${errs[name]}</p>` : nothing}
      </div>
    `;
  };
  // Save comes before "Save as a new deal": Enter in a field submits with the first one.
  return html`
    <form
      class="dialog-body"
      novalidate
      @submit=${view.onSubmit}
      @input=${(e: Event) => view.onInput(e.currentTarget as HTMLFormElement)}
    >
      <h2 id="dialog-title">${deal ? s.dealDialogEdit : s.dealDialogNew}</h2>
      ${
        view.gone && deal
          ? html`<p class="notice warn" part="notice" role="alert">
              ${t(s.dealDeletedElsewhere, { title: deal.title })}
            </p>`
          : form.changedElsewhere
            ? html`<p class="notice warn" part="notice" role="alert">
                ${t(s.changedElsewhere, { summary: form.changedElsewhere })}
              </p>`
            : nothing
      }
      ${
        count
          ? html`<div class="notice error" part="notice error" role="alert">
              <p>${t(s.fixErrors, { count })}</p>
              <ul>
                ${Object.entries(errs).map(([, m]) => html`<li>${m}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${form.formError ? html`<p class="notice error" part="notice error" role="alert">${form.formError}</p>` : nothing}
      <div class="grid">
        ${field('title', s.fieldTitle, deal?.title ?? '', { required: true })}
        ${field('company', s.fieldCompany, deal?.company ?? '')}
        ${field('contact', s.fieldContact, deal?.contact ?? '')}
        ${field('amount', s.fieldAmount, deal ? formatPlain(deal.amount, lang) : '', { inputmode: 'decimal' })}
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
          deal && !view.gone
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
        <button type="submit" part="button" class="primary" value=${view.gone ? 'new' : 'save'}>
          ${view.gone ? s.saveAsNew : s.save}
        </button>
        ${
          form.changedElsewhere && !view.gone
            ? html`<button type="submit" part="button" value="new">${s.saveAsNew}</button>`
            : nothing
        }
      </div>
    </form>
  `;
}
