import { html, type TemplateResult } from 'lit';
import type { SimulatorStrings } from '../strings.js';

export interface PresentingBarProps {
  text: SimulatorStrings;
  /** "Showing 2 of 7 stages · Selected: Qualification at 30%". */
  status: string;
  revealed: number;
  total: number;
  onPrevious: () => void;
  onNext: () => void;
  onAll: () => void;
}

/** Training mode's keys, what is shown, and buttons for a trainer without a keyboard. */
export function renderPresentingBar(p: PresentingBarProps): TemplateResult {
  const { text: s } = p;
  return html`<div class="presenting-bar">
    <p class="help">${s.presentingHelp}</p>
    <p class="reveal">${p.status}</p>
    <div class="buttons">
      <button type="button" part="button" ?disabled=${p.revealed <= 1} @click=${p.onPrevious}>
        ${s.previousStage}
      </button>
      <button type="button" part="button" ?disabled=${p.revealed >= p.total} @click=${p.onNext}>
        ${s.nextStage}
      </button>
      <button type="button" part="button" ?disabled=${p.revealed >= p.total} @click=${p.onAll}>
        ${s.showAll}
      </button>
    </div>
  </div>`;
}

/**
 * The key of a keydown meant for training mode, or `undefined`: keys typed into a text field
 * or a list, and shortcuts with Ctrl, Alt or Meta, stay the page's.
 */
export function presentingShortcut(e: KeyboardEvent): string | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const origin = e.composedPath()[0];
  if (origin instanceof HTMLInputElement && origin.type !== 'range') return undefined;
  if (origin instanceof HTMLSelectElement || origin instanceof HTMLTextAreaElement)
    return undefined;
  return e.key;
}
