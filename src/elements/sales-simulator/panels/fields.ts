import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../../model/types.js';
import {
  draftPreview,
  fieldErrorText,
  shownValue,
  type Drafts,
  type FieldSpec,
} from '../model/field-drafts.js';
import type { SimulatorStrings } from '../strings.js';

/** What every panel with fields is given: the words, the language, and the typed texts. */
export interface FieldContext {
  text: SimulatorStrings;
  lang: Lang;
  drafts: Drafts;
  /** Text typed into a number field; `use` takes the value when the text reads as one. */
  onNumber: (spec: FieldSpec, raw: string, use: (value: number | undefined) => void) => void;
  /** A field's entry was committed (blur, Enter). */
  onCommit: (key: string) => void;
}

/** The id of a field's input in the shadow root (its label and message point at it). */
export const fieldId = (key: string) => `f-${key.replace(/[^\w-]/g, '_')}`;

/** Field `key`'s message, in words, if it has one; `label` names the field in it. */
export function errorOf(
  ctx: FieldContext,
  key: string,
  label: string,
  spec?: FieldSpec,
): string | undefined {
  const error = ctx.drafts.errors[key];
  return error ? fieldErrorText(error, label, spec, ctx.lang, ctx.text) : undefined;
}

/** A message under a field, named by the field's `aria-describedby`. */
export function errorLine(
  id: string,
  message: string | undefined,
): TemplateResult | typeof nothing {
  return message ? html`<p class="error" part="error" id=${id}>${message}</p>` : nothing;
}

/** A labelled number input with its message. */
export function numberField(
  ctx: FieldContext,
  spec: FieldSpec,
  value: number | undefined,
  use: (value: number | undefined) => void,
  extraClass = '',
): TemplateResult {
  const id = fieldId(spec.key);
  const error = errorOf(ctx, spec.key, spec.label, spec);
  const preview = draftPreview(ctx.drafts, spec, value, ctx.lang);
  return html`<div class="field ${extraClass}">
    <label for=${id}>${spec.label}</label>
    <input
      id=${id}
      type="text"
      inputmode="decimal"
      autocomplete="off"
      .value=${shownValue(ctx.drafts, spec, value, ctx.lang)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-error` : preview ? `${id}-preview` : nothing}
      @input=${(e: Event) => ctx.onNumber(spec, (e.target as HTMLInputElement).value, use)}
      @change=${() => ctx.onCommit(spec.key)}
    />
    ${preview ? html`<p class="preview" id=${`${id}-preview`}>${preview}</p>` : nothing}
    ${errorLine(`${id}-error`, error)}
  </div>`;
}
