/**
 * The public events of every element, with their detail types, and the one helper that
 * dispatches them (bubbling and composed, so they reach the page through shadow roots).
 */

/** `error`: an attribute or property could not be used. */
export interface ErrorEventDetail {
  /** The attribute or property at fault, such as `scenario`. */
  field: string;
  /** What is wrong, in the element's language. */
  message: string;
  /** For a failure the browser reported: its own technical words, for logs (never shown). */
  cause?: string;
}

/** `stage-selected`: a funnel stage was clicked or chosen with Enter/Space. */
export interface StageSelectedDetail {
  index: number;
  /** The stage's display name. */
  stage: string;
  /** Its count (`null` when unknown). */
  value: number | null;
  /** Share of the first stage, in [0, 1] (`null` when unknown). */
  share: number | null;
  /** Share of the previous stage that reached this one (`null` for the first or when unknown). */
  conversion: number | null;
}

export type SalesErrorEvent = CustomEvent<ErrorEventDetail>;
export type StageSelectedEvent = CustomEvent<StageSelectedDetail>;

/** Every event the elements fire, by name. */
export interface SalesEventMap {
  error: ErrorEventDetail;
  'stage-selected': StageSelectedDetail;
}

/**
 * Fires a typed event, bubbling and composed unless it is `error`; returns `false` when a
 * listener cancelled it. `error` stays on the element, like the native `error` of an `<img>`:
 * a bubbling one would reach `window`, where page-wide error trackers take it for a crash.
 */
export function dispatch<K extends keyof SalesEventMap>(
  target: EventTarget,
  name: K,
  detail: SalesEventMap[K],
  options: { cancelable?: boolean } = {},
): boolean {
  const bubbles = name !== 'error';
  return target.dispatchEvent(
    new CustomEvent(name, {
      detail,
      bubbles,
      composed: bubbles,
      cancelable: options.cancelable ?? false,
    }),
  );
}

// `error` is not listed: HTMLElementEventMap already types it as the DOM's ErrorEvent; the
// elements' `error` events are `SalesErrorEvent`s (cast in the listener).
declare global {
  interface HTMLElementEventMap {
    'stage-selected': StageSelectedEvent;
  }
}
