/*
 * Training mode's keyboard, as a pure reducer: a trainer reveals the stages one by one
 * (Page Down / Page Up, or the arrows, as a presentation clicker sends them), picks one ([ and ])
 * and nudges its rate by a point (+ and −). Past the last stage the same key shows the answer,
 * then asks for the deck's next step; back from the first stage, for its previous one. B or
 * "." blanks the screen and F toggles full screen, as in slide-show programs. Whatever the keys,
 * `revealed` stays in 1…n and `selected` within the stages revealed.
 */

export interface PresentingState {
  /** How many stages are shown, from the first: 1…n. */
  revealed: number;
  /** The stage the keys act on: 0…revealed − 1. */
  selected: number;
}

/** What a key asks of the element beyond the stages shown. */
export type PresentingCommand =
  'answer' | 'hide-answer' | 'next-step' | 'previous-step' | 'blank' | 'fullscreen';

/** What a key does: the next state, the rate to set if the key nudged one, and a command. */
export interface PresentingStep {
  state: PresentingState;
  rate?: { index: number; rate: number };
  command?: PresentingCommand;
}

const FORWARD = new Set(['PageDown', 'ArrowRight', 'ArrowDown']);
const BACK = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);

/** Forward: the next stage, then the answer, then the deck's next step. */
export function forward(state: PresentingState, total: number, answer: boolean): PresentingStep {
  const now = fitPresenting(state, total);
  if (now.revealed < total) return { state: revealNext(now, total) };
  return { state: now, command: answer ? 'next-step' : 'answer' };
}

/**
 * Back: the answer hidden, then the last stage (down to `floor` stages: a deck's change shows
 * every stage at once, so going back goes to the step before), then the deck's previous step.
 */
export function back(
  state: PresentingState,
  total: number,
  answer: boolean,
  floor = 1,
): PresentingStep {
  const now = fitPresenting(state, total);
  if (answer) return { state: now, command: 'hide-answer' };
  if (now.revealed > Math.max(1, floor)) return { state: revealPrevious(now, total) };
  return { state: now, command: 'previous-step' };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** `state` made valid for `total` stages (after stages were added or removed). */
export function fitPresenting(state: PresentingState, total: number): PresentingState {
  const n = Math.max(1, total);
  const revealed = clamp(Math.floor(state.revealed) || 1, 1, n);
  const selected = clamp(Math.floor(state.selected) || 0, 0, revealed - 1);
  return revealed === state.revealed && selected === state.selected
    ? state
    : { revealed, selected };
}

/** One more stage shown, and selected. */
export function revealNext(state: PresentingState, total: number): PresentingState {
  const { revealed } = fitPresenting(state, total);
  const next = Math.min(total, revealed + 1);
  return fitPresenting({ revealed: next, selected: next - 1 }, total);
}

/** The last stage shown hidden again; the selection stays if it is still shown. */
export function revealPrevious(state: PresentingState, total: number): PresentingState {
  const fitted = fitPresenting(state, total);
  return fitPresenting({ ...fitted, revealed: fitted.revealed - 1 }, total);
}

/** Every stage shown. */
export function revealAll(state: PresentingState, total: number): PresentingState {
  return fitPresenting({ ...state, revealed: total }, total);
}

/** Stage `index` selected, if it is shown. */
export function selectStage(state: PresentingState, index: number, total: number): PresentingState {
  return fitPresenting({ ...state, selected: index }, total);
}

/** A rate one point up or down, rounded to a tenth of a point and kept within 0…1. */
function nudged(rate: number, by: number): number {
  return clamp(Math.round((rate + by) * 1000) / 1000, 0, 1);
}

/**
 * What `key` does with the stages' `rates` (one per stage) while the answer is shown or not
 * (`floor`: see `back`); `undefined` when the key is not one of training mode's, so the page
 * keeps it.
 */
export function presentingKey(
  state: PresentingState,
  key: string,
  rates: readonly number[],
  answer = false,
  floor = 1,
): PresentingStep | undefined {
  const total = rates.length;
  const now = fitPresenting(state, total);
  const i = now.selected;
  if (FORWARD.has(key)) return forward(now, total, answer);
  if (BACK.has(key)) return back(now, total, answer, floor);
  switch (key) {
    case '+':
    case '=':
      return { state: now, rate: { index: i, rate: nudged(rates[i], 0.01) } };
    case '-':
    case '_':
      return { state: now, rate: { index: i, rate: nudged(rates[i], -0.01) } };
    case ']':
      return { state: selectStage(now, i + 1, total) };
    case '[':
      return { state: selectStage(now, i - 1, total) };
    case 'b':
    case 'B':
    case '.':
      return { state: now, command: 'blank' };
    case 'f':
    case 'F':
      return { state: now, command: 'fullscreen' };
    default:
      return undefined;
  }
}
