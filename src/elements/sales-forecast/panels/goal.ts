import { html, nothing, type TemplateResult } from 'lit';
import { formatPlain } from '../../../model/number-input.js';
import { t } from '../../i18n.js';
import type { Fmt } from './format.js';

export interface GoalHandlers {
  goal?: number;
  problem?: string;
  saving: boolean;
  onSubmit: (text: string) => void;
}

/** The goal form: one amount, typed in the element's language (`1.500` is 1500 in Spanish). */
export function renderGoal(f: Fmt, h: GoalHandlers): TemplateResult {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('goal') as HTMLInputElement;
    h.onSubmit(input.value);
  };
  return html`<form class="goal" part="goal" @submit=${submit}>
    <label for="goal">${t(f.s.goalLabel, { currency: f.currency })}</label>
    <input
      id="goal"
      name="goal"
      inputmode="decimal"
      autocomplete="off"
      .value=${h.goal === undefined ? '' : formatPlain(h.goal, f.lang, 0)}
      aria-invalid=${h.problem ? 'true' : 'false'}
      aria-describedby="goal-error"
    />
    <button type="submit" part="button" ?disabled=${h.saving}>${f.s.goalSave}</button>
    ${
      h.problem
        ? html`<p id="goal-error" class="error" part="error" role="alert">${h.problem}</p>`
        : nothing
    }
  </form>`;
}
