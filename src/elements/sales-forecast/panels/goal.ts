import { html, nothing, type TemplateResult } from 'lit';
import { formatAmount } from '../../../model/format.js';
import { formatPlain, readTypedNumber, signFits } from '../../../model/number-input.js';
import { numberProblemText } from '../../../model/number-messages.js';
import { t } from '../../i18n.js';
import type { Fmt } from './format.js';

const GOAL_RULES = { min: 0, max: 1e15 };

/** What a typed goal means: an amount (`null`: no goal, the field empty), or why not. */
export type GoalRead = { ok: true; value: number | null } | { ok: false; error: string };

/**
 * A goal typed in the element's language, with shorthands and the pipeline's currency sign
 * (`120.000`, `120 mil €` in Spanish; `120k`, `€120,000` in English). A text with two readings
 * (`1.500` in English) or a sign of another currency is refused, saying how to write it.
 */
export function readGoal(text: string, f: Fmt): GoalRead {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const read = readTypedNumber(trimmed, f.lang, GOAL_RULES);
  if (read.ok && (read.currency === undefined || signFits(read.currency, f.currency))) {
    return { ok: true, value: read.value };
  }
  if (read.ok) {
    const params = { sign: read.currency!, currency: f.currency, value: trimmed };
    return { ok: false, error: t(f.s.goalCurrency, params) };
  }
  if (read.problem === 'ambiguous' || read.problem === 'too-large') {
    return {
      ok: false,
      error: numberProblemText(read, trimmed, f.s.goalField, f.lang, GOAL_RULES),
    };
  }
  return { ok: false, error: t(f.s.goalInvalid, { value: trimmed }) };
}

export interface GoalHandlers {
  goal?: number;
  problem?: string;
  /** The text typed or submitted, until the goal it gives is saved. */
  draft?: string;
  saving: boolean;
  onInput: (text: string) => void;
  onSubmit: (text: string) => void;
}

/** The goal form: one amount, typed in the element's language (`1.500` is 1500 in Spanish). */
export function renderGoal(f: Fmt, h: GoalHandlers): TemplateResult {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('goal') as HTMLInputElement;
    h.onSubmit(input.value);
  };
  const text = h.draft ?? (h.goal === undefined ? '' : formatPlain(h.goal, f.lang, 2));
  const read = readGoal(text, f);
  const reads =
    read.ok && read.value !== null ? `= ${formatAmount(read.value, f.lang, f.currency)}` : '';
  return html`<form class="goal" part="goal" @submit=${submit}>
    <label for="goal">${t(f.s.goalLabel, { currency: f.currency })}</label>
    <input
      id="goal"
      name="goal"
      inputmode="decimal"
      autocomplete="off"
      .value=${text}
      aria-invalid=${h.problem ? 'true' : 'false'}
      aria-describedby="goal-reads goal-error"
      @input=${(e: Event) => h.onInput((e.target as HTMLInputElement).value)}
    />
    <output id="goal-reads" for="goal" class="reads">${reads}</output>
    <button type="submit" part="button" ?disabled=${h.saving}>${f.s.goalSave}</button>
    ${
      h.problem
        ? html`<p id="goal-error" class="error" part="error" role="alert">${h.problem}</p>`
        : nothing
    }
  </form>`;
}
