import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/** The two small dialogs of the board: why a deal was lost, and "are you sure?". */

export interface LostDialogView {
  title: string;
  error?: string;
  strings: PipelineStrings;
  onSubmit: (e: SubmitEvent) => void;
  onCancel: () => void;
}

export function renderLostDialog(view: LostDialogView): TemplateResult {
  const { strings: s, error } = view;
  return html`
    <form class="dialog-body" novalidate @submit=${view.onSubmit}>
      <h2 id="dialog-title">${t(s.lostDialogTitle, { title: view.title })}</h2>
      <div class="form-field">
        <label for="f-reason">${s.lostReason} <span>(${s.required})</span></label>
        <input
          id="f-reason"
          name="reason"
          list="reasons"
          required
          data-autofocus
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'e-reason' : ''}
        />
        ${error ? html`<p class="field-error" part="error" id="e-reason" role="alert">${error}</p>` : nothing}
        <datalist id="reasons">
          ${s.lostReasons.split('|').map((r) => html`<option value=${r}></option>`)}
        </datalist>
      </div>
      <div class="dialog-actions">
        <span class="spacer"></span>
        <button type="button" part="button" @click=${view.onCancel}>${s.cancel}</button>
        <button type="submit" part="button" class="primary">${s.markLost}</button>
      </div>
    </form>
  `;
}

/** The reason a lost-dialog's form holds, trimmed. */
export function readLostReason(form: HTMLFormElement): string {
  return String(new FormData(form).get('reason') ?? '').trim();
}

export interface ConfirmDialogView {
  title: string;
  text: string;
  strings: PipelineStrings;
  onConfirm: () => void;
  onCancel: () => void;
}

export function renderConfirmDialog(view: ConfirmDialogView): TemplateResult {
  const s = view.strings;
  return html`
    <div class="dialog-body">
      <h2 id="dialog-title">${view.title}</h2>
      <p>${view.text}</p>
      <div class="dialog-actions">
        <span class="spacer"></span>
        <button type="button" part="button" data-autofocus @click=${view.onCancel}>
          ${s.cancel}
        </button>
        <button type="button" part="button" class="primary" @click=${view.onConfirm}>
          ${s.confirm}
        </button>
      </div>
    </div>
  `;
}
