import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, pickText } from '../../../model/format.js';
import { formatPlain, readTypedNumber, type NumberRules } from '../../../model/number-input.js';
import { numberProblemText } from '../../../model/number-messages.js';
import type { Lang, PipelineStage } from '../../../model/types.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The stage editor dialog: rename, set the chance to win (the column's weighted total), reorder,
 * remove (after choosing where the stage's deals go) and add stages. Each action is handed to
 * the board, which stores it and re-reads.
 */

/** A win chance being typed: its text, and the problem once it was committed unreadable. */
export interface ChanceDraft {
  text: string;
  error?: string;
}

const CHANCE_RULES: NumberRules = { min: 0, max: 100, percent: true };

/** What a typed win chance means: a probability, `null` for none (empty), or why not. */
export type ChanceRead = { ok: true; probability: number | null } | { ok: false; error: string };

/** A win chance typed in `lang` ("35", "35 %", "12,5" in Spanish), read as a probability. */
export function readChance(text: string, field: string, lang: Lang): ChanceRead {
  if (text.trim() === '') return { ok: true, probability: null };
  const read = readTypedNumber(text, lang, CHANCE_RULES);
  if (!read.ok || read.currency !== undefined) {
    const refused = read.ok ? ({ ok: false, problem: 'not-a-number' } as const) : read;
    return { ok: false, error: numberProblemText(refused, text, field, lang, CHANCE_RULES) };
  }
  return { ok: true, probability: read.value / 100 };
}

/** The chance as the field shows it, in `lang` ("12,5" in Spanish). */
export const chanceText = (stage: PipelineStage, lang: Lang): string =>
  stage.probability === undefined ? '' : formatPlain(stage.probability * 100, lang, 2);

export interface StageEditorView {
  stages: readonly PipelineStage[];
  /** The stage whose removal is being confirmed. */
  removing?: string;
  error?: string;
  /** Deals (open or closed) that sit in a stage and would move with its removal. */
  dealsIn: (stageId: string) => number;
  strings: PipelineStrings;
  lang: Lang;
  onRename: (stageId: string, name: string) => void;
  /** Win chances being typed, by stage id. */
  chances: Readonly<Record<string, ChanceDraft>>;
  /** A keystroke in a stage's win chance. */
  onChanceInput: (stageId: string, text: string) => void;
  /** A stage's win chance committed (change): the board reads and stores it. */
  onChance: (stageId: string, text: string) => void;
  /** Moves the stage at `index` one place by `step` (-1 or 1). */
  onMove: (index: number, step: number) => void;
  /** Opens (or closes, with `undefined`) the removal choice of a stage. */
  onChooseRemove: (stageId: string | undefined) => void;
  onRemove: (stageId: string, moveDealsTo: string) => void;
  onAdd: (e: SubmitEvent) => void;
  onClose: () => void;
}

/** The name typed into the editor's add form, trimmed; resets the form. */
export function takeNewStageName(form: HTMLFormElement): string {
  const name = String(new FormData(form).get('name') ?? '').trim();
  if (name) form.reset();
  return name;
}

export function renderStageEditor(view: StageEditorView): TemplateResult {
  const { stages, strings: s, lang } = view;
  const nameOf = (st: PipelineStage) => pickText(st.names, lang, st.name);
  return html`
    <div class="dialog-body">
      <h2 id="dialog-title">${s.stagesDialogTitle}</h2>
      ${view.error ? html`<p class="notice error" part="notice error" role="alert">${view.error}</p>` : nothing}
      <ol class="stages">
        ${stages.map((st, i) => {
          const name = nameOf(st);
          const removing = view.removing === st.id;
          return html`<li>
            <div class="stage-row">
              <input
                data-stage=${st.id}
                aria-label=${t(s.stageName, { index: i + 1 })}
                .value=${name}
                ?data-autofocus=${i === 0}
                @change=${(e: Event) => {
                  const value = (e.target as HTMLInputElement).value.trim();
                  if (value && value !== name) view.onRename(st.id, value);
                }}
              />
              <button
                type="button"
                part="button"
                data-stage=${st.id}
                data-control="left"
                aria-label=${t(s.moveLeft, { name })}
                title=${t(s.moveLeft, { name })}
                ?disabled=${i === 0}
                @click=${() => view.onMove(i, -1)}
              >
                ←
              </button>
              <button
                type="button"
                part="button"
                data-stage=${st.id}
                data-control="right"
                aria-label=${t(s.moveRight, { name })}
                title=${t(s.moveRight, { name })}
                ?disabled=${i === stages.length - 1}
                @click=${() => view.onMove(i, 1)}
              >
                →
              </button>
              <button
                type="button"
                part="button"
                ?disabled=${stages.length < 2}
                aria-expanded=${removing ? 'true' : 'false'}
                @click=${() => view.onChooseRemove(removing ? undefined : st.id)}
              >
                ${t(s.removeStage, { name })}
              </button>
            </div>
            ${renderChance(view, st, name)}
            ${removing ? renderRemoval(view, st, name, nameOf) : nothing}
          </li>`;
        })}
      </ol>
      ${stages.length < 2 ? html`<p class="hint">${s.lastStage}</p>` : nothing}
      <form class="stage-add" novalidate @submit=${view.onAdd}>
        <label for="f-newstage">${s.newStageName}</label>
        <input id="f-newstage" name="name" />
        <button type="submit" part="button">${s.addStage}</button>
      </form>
      <div class="dialog-actions">
        <span class="spacer"></span>
        <button type="button" part="button" class="primary" @click=${view.onClose}>
          ${s.close}
        </button>
      </div>
    </div>
  `;
}

/** A stage's win chance: typed in the element's language, its reading shown live beside it. */
function renderChance(view: StageEditorView, stage: PipelineStage, name: string): TemplateResult {
  const { strings: s, lang } = view;
  const draft = view.chances[stage.id];
  const text = draft?.text ?? chanceText(stage, lang);
  const read = readChance(text, s.stageChanceField, lang);
  const id = `chance-${stage.id}`;
  const preview =
    read.ok && read.probability !== null
      ? `= ${formatNumber(read.probability * 100, lang, 2)} %`
      : '';
  return html`<div class="stage-chance">
    <label for=${id}>${t(s.stageChance, { name })}</label>
    <input
      id=${id}
      data-chance=${stage.id}
      inputmode="decimal"
      autocomplete="off"
      .value=${text}
      aria-invalid=${draft?.error ? 'true' : 'false'}
      aria-describedby=${`${id}-reads ${id}-error`}
      @input=${(e: Event) => view.onChanceInput(stage.id, (e.target as HTMLInputElement).value)}
      @change=${(e: Event) => view.onChance(stage.id, (e.target as HTMLInputElement).value)}
    />
    <output id=${`${id}-reads`} for=${id} class="reads">${preview}</output>
    ${
      draft?.error
        ? html`<p id=${`${id}-error`} class="error" part="error">${draft.error}</p>`
        : nothing
    }
  </div>`;
}

/** Where the deals of a stage being removed go, and the button that removes it. */
function renderRemoval(
  view: StageEditorView,
  stage: PipelineStage,
  name: string,
  nameOf: (st: PipelineStage) => string,
): TemplateResult {
  const s = view.strings;
  const others = view.stages.filter((o) => o.id !== stage.id);
  return html`<div class="stage-remove">
    <label
      >${t(s.removeStageTo, { count: view.dealsIn(stage.id) })}
      <select id="remove-to">
        ${others.map((o) => html`<option value=${o.id}>${nameOf(o)}</option>`)}
      </select></label
    >
    <button
      type="button"
      part="button"
      class="danger"
      @click=${(e: Event) => {
        const select = (e.currentTarget as HTMLElement)
          .closest('.stage-remove')!
          .querySelector('select')!;
        view.onRemove(stage.id, select.value);
      }}
    >
      ${t(s.removeConfirm, { name })}
    </button>
  </div>`;
}
