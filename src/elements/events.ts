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

/** Fires a typed, bubbling, composed event; returns `false` when a listener cancelled it. */
export function dispatch<K extends keyof SalesEventMap>(
  target: EventTarget,
  name: K,
  detail: SalesEventMap[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, {
      detail,
      bubbles: true,
      composed: true,
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
