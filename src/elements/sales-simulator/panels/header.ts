import { html, nothing, type TemplateResult } from 'lit';
import type { InputProblem } from '../../controllers/error-reporter.js';
import type { SimulatorStrings } from '../strings.js';

export interface HeaderProps {
  text: SimulatorStrings;
  presets: readonly { id: string; title: string }[];
  /** The preset in effect, untouched; `undefined` once the scenario is another one. */
  preset?: string;
  onPreset: (id: string) => void;
  /** An audience's read-only view: no preset picker. */
  readonly?: boolean;
  problems: readonly InputProblem[];
  /** The field whose problem a person caused just now (a link, a file): announced at once. */
  alerting?: string;
}

/** The title, the preset picker, and the problems with the attributes, a link or a file. */
export function renderHeader(p: HeaderProps): TemplateResult {
  const { text: s } = p;
  return html`<header class="header" part="header">
      <h2>${s.title}</h2>
      ${p.readonly ? nothing : picker(p)}
    </header>
    ${p.problems.map((problem) =>
      problem.field === p.alerting
        ? html`<p class="error banner" part="error" role="alert">${problem.message}</p>`
        : html`<p class="error banner" part="error">${problem.message}</p>`,
    )}`;
}

/**
 * After an edit, calibration, saved scenario, file or link the picker says "Current scenario",
 * so that picking a preset (even the one loaded before) loads it.
 */
function picker(p: HeaderProps): TemplateResult {
  const { text: s } = p;
  return html`<label class="inline">
    <span>${s.presetLabel}</span>
    <select @change=${(e: Event) => p.onPreset((e.target as HTMLSelectElement).value)}>
      ${p.preset ? nothing : html`<option value="" .selected=${true}>${s.presetCustom}</option>`}
      ${p.presets.map(
        (o) => html`<option value=${o.id} .selected=${o.id === p.preset}>${o.title}</option>`,
      )}
    </select>
  </label>`;
}
