import { html, nothing, type TemplateResult } from 'lit';
import type { SimulatorStrings } from '../strings.js';

/** The deck's step in effect, as the bar shows it. */
export interface StepStatus {
  /** "Step 2 of 10: Better qualification". */
  status: string;
  note?: string;
  /** "+5 pp at Qualification → +4.3 won, +€13K". */
  change?: string;
  first: boolean;
  last: boolean;
}

export interface PresentingBarProps {
  text: SimulatorStrings;
  /** "Showing 2 of 7 stages · Selected: Qualification at 30%". */
  status: string;
  revealed: number;
  total: number;
  answer: boolean;
  /** The element is shown full screen; `undefined` where the page may not go full screen. */
  fullscreen?: boolean;
  step?: StepStatus;
  /** An audience's read-only view: what is shown, and full screen. */
  audience: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onAll: () => void;
  onAnswer: () => void;
  onFullscreen: () => void;
  onBlank: () => void;
  onStep: (by: -1 | 1) => void;
  onAudienceLink: () => void;
  /** Offered when there are saved scenarios to make a deck of. */
  onDeckFromSaved?: () => void;
}

function button(
  action: string,
  label: string,
  disabled: boolean,
  onClick: () => void,
  pressed?: boolean,
): TemplateResult {
  return html`<button
    type="button"
    part="button"
    data-action=${action}
    ?disabled=${disabled}
    .ariaPressed=${pressed === undefined ? null : String(pressed)}
    @click=${onClick}
  >
    ${label}
  </button>`;
}

/** What is shown, the deck's step, and buttons for a trainer without a keyboard. */
export function renderPresentingBar(p: PresentingBarProps): TemplateResult {
  const { text: s, step } = p;
  const all = p.revealed >= p.total;
  const fullscreen =
    p.fullscreen === undefined
      ? nothing
      : button('fullscreen', s.fullscreen, false, p.onFullscreen, p.fullscreen);
  // An audience follows: it may go full screen, nothing more.
  const controls = p.audience
    ? html`<div class="buttons">${fullscreen}</div>`
    : html`<div class="buttons">
        ${button('previous', s.previousStage, p.revealed <= 1, p.onPrevious)}
        ${button('next', s.nextStage, all, p.onNext)} ${button('all', s.showAll, all, p.onAll)}
        ${button('answer', s.showAnswer, false, p.onAnswer, p.answer)}
        ${
          step
            ? html`${button('previous-step', s.previousStep, step.first, () => p.onStep(-1))}
              ${button('next-step', s.nextStep, step.last, () => p.onStep(1))}`
            : nothing
        }
        ${fullscreen} ${button('blank', s.blank, false, p.onBlank)}
        ${button('audience', s.audienceLink, false, p.onAudienceLink)}
        ${p.onDeckFromSaved ? button('deck', s.deckFromSaved, false, p.onDeckFromSaved) : nothing}
      </div>`;
  return html`<div class="presenting-bar">
    <div class="now">
      ${step ? html`<p class="step">${step.status}</p>` : nothing}
      <p class="reveal">${p.status}</p>
    </div>
    ${controls}
  </div>`;
}

/** The keys' help and the speaker's note, under the projected part. */
export function renderPresentingHelp(text: SimulatorStrings, note?: string): TemplateResult {
  return html`<div class="presenting-help">
    ${note ? html`<p class="note">${note}</p>` : nothing}
    <p class="help">${text.presentingHelp}</p>
  </div>`;
}

const TYPING_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color']);

/** True when `target` takes typed keys: a text field, a list, an editable region. */
function takesTyping(target: EventTarget | undefined): boolean {
  if (target instanceof HTMLInputElement) return !TYPING_INPUTS.has(target.type);
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * The key of a keydown meant for training mode, or `undefined`: keys typed into a text field,
 * a list or an editable region (in any shadow root: the event's composed path says where it
 * started), keys a widget already used (the funnel's arrows), and shortcuts with Ctrl, Alt or
 * Meta stay the page's. A slider keeps its arrows.
 */
export function presentingShortcut(e: KeyboardEvent): string | undefined {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const origin = e.composedPath()[0];
  if (takesTyping(origin)) return undefined;
  if (origin instanceof HTMLInputElement && e.key.startsWith('Arrow')) return undefined;
  return e.key;
}
