import { html, nothing, type TemplateResult } from 'lit';
import type { Deal } from '../../../model/types.js';
import { t } from '../../i18n.js';
import type { BoardColumn } from '../model/board-model.js';
import type { PipelineStrings } from '../strings.js';

/**
 * A card's "Move to…" dialog: every move a drag or the keyboard makes, with one pointer (a tap
 * or a click each) — another stage, one place up or down in the column, won on a chosen day,
 * lost with a reason (WCAG 2.5.7). Each choice is handed to the board, which moves the deal
 * the way a drop does.
 */

export interface MoveDialogView {
  deal: Deal;
  /** The board's columns, as shown (stages, then won and lost). */
  columns: readonly BoardColumn[];
  /** The column key the deal is in. */
  home: string;
  /** Where one step up / down puts it (`before` of a move), `undefined` at the end. */
  up?: string | null;
  down?: string | null;
  /** Today as `yyyy-mm-dd`: the won date's default and latest day. */
  today: string;
  /** The day it entered its stage: the won date's earliest day. */
  since: string;
  error?: { field: 'date' | 'reason'; message: string };
  strings: PipelineStrings;
  onMove: (key: string, before?: string | null) => void;
  onWon: (e: SubmitEvent) => void;
  onLost: (e: SubmitEvent) => void;
  onCancel: () => void;
}

export function renderMoveDialog(view: MoveDialogView): TemplateResult {
  const { deal, columns, home, strings: s } = view;
  const stages = columns.filter((c) => c.outcome === 'open');
  const homeName = columns.find((c) => c.key === home)?.name ?? '';
  const first = stages.find((c) => c.key !== home)?.key;
  return html`
    <div class="dialog-body move-dialog">
      <h2 id="dialog-title">${t(s.moveDialogTitle, { title: deal.title })}</h2>
      <div role="group" aria-labelledby="move-stages" class="move-group">
        <h3 id="move-stages">${s.moveToStage}</h3>
        <div class="move-targets">
          ${stages.map((c) =>
            c.key === home
              ? html`<button type="button" part="button" disabled>
                  ${t(s.moveHere, { column: c.name })}
                </button>`
              : html`<button
                  type="button"
                  part="button"
                  ?data-autofocus=${c.key === first}
                  @click=${() => view.onMove(c.key)}
                >
                  ${c.name}
                </button>`,
          )}
        </div>
      </div>
      ${
        deal.outcome === 'open'
          ? html`<div class="move-targets">
              <button
                type="button"
                part="button"
                ?disabled=${view.up === undefined}
                @click=${() => view.onMove(home, view.up)}
              >
                ↑ ${t(s.moveUp, { column: homeName })}
              </button>
              <button
                type="button"
                part="button"
                ?disabled=${view.down === undefined}
                @click=${() => view.onMove(home, view.down)}
              >
                ↓ ${t(s.moveDown, { column: homeName })}
              </button>
            </div>`
          : nothing
      }
      ${
        deal.outcome === 'won'
          ? nothing
          : closeForm(view, {
              field: 'date',
              label: s.wonOn,
              submit: s.markWon,
              onSubmit: view.onWon,
              type: 'date',
              min: view.since,
              max: view.today,
              value: view.today,
            })
      }
      ${
        deal.outcome === 'lost'
          ? nothing
          : closeForm(view, {
              field: 'reason',
              label: s.lostReason,
              submit: s.markLost,
              onSubmit: view.onLost,
              list: 'reasons',
              after: html`<datalist id="reasons">
                ${s.lostReasons.split('|').map((r) => html`<option value=${r}></option>`)}
              </datalist>`,
            })
      }
      <div class="dialog-actions">
        <span class="spacer"></span>
        <button type="button" part="button" @click=${view.onCancel}>${s.cancel}</button>
      </div>
    </div>
  `;
}

interface CloseForm {
  field: 'date' | 'reason';
  label: string;
  submit: string;
  onSubmit: (e: SubmitEvent) => void;
  type?: 'date' | 'text';
  min?: string;
  max?: string;
  value?: string;
  list?: string;
  after?: TemplateResult;
}

/** A field and its button that close the deal: won on a day, or lost for a reason. */
function closeForm(view: MoveDialogView, f: CloseForm): TemplateResult {
  const id = `f-move-${f.field}`;
  const error = view.error?.field === f.field ? view.error.message : undefined;
  return html`<form class="move-close" novalidate @submit=${f.onSubmit}>
    <div class="form-field">
      <label for=${id}>${f.label}</label>
      <input
        id=${id}
        name=${f.field}
        type=${f.type ?? 'text'}
        required
        list=${f.list ?? ''}
        .min=${f.min ?? ''}
        .max=${f.max ?? ''}
        .value=${f.value ?? ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : ''}
      />
      ${
        error
          ? html`<p class="field-error" part="error" id="${id}-error" role="alert">${error}</p>`
          : nothing
      }
      ${f.after ?? nothing}
    </div>
    <button type="submit" part="button">${f.submit}</button>
  </form>`;
}

/** The won day a move dialog's form holds (`yyyy-mm-dd`), or `undefined` for no real day. */
export function readWonDay(form: HTMLFormElement): string | undefined {
  const text = String(new FormData(form).get('date') ?? '');
  const [y, m, d] = text.split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !y || !m || !d) return undefined;
  const day = new Date(y, m - 1, d);
  return day.getMonth() === m - 1 && day.getDate() === d ? text : undefined;
}
