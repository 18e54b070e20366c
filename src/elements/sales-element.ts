import { adoptStyles, LitElement, type PropertyDeclarations, type ReactiveElement } from 'lit';
import { optionTextsSettled } from './controllers/error-reporter.js';
import type { SalesErrorEvent } from './events.js';

/**
 * The events of an element, by name: the page's usual ones, with `error` as these elements
 * fire it (a `CustomEvent` of `{ field, message }`, not the DOM's `ErrorEvent`), plus its own.
 */
export type SalesEventsOf<Own> = Omit<HTMLElementEventMap, 'error'> & {
  error: SalesErrorEvent;
} & Own;

/**
 * The base of the four elements: a LitElement whose `addEventListener` knows its events, so
 * `el.addEventListener('error', (e) => e.detail.field)` type-checks in a page's TypeScript,
 * and which takes the team sync attributes every element reading a pipeline shares (the
 * repository controller reads them; Yjs loads only once `sync` is set).
 */
export abstract class SalesElement<Events extends object> extends LitElement {
  // Declared without decorators, as the funnel's are: the embed ships no decorator helpers.
  static override get properties(): PropertyDeclarations {
    return {
      sync: {},
      room: {},
      token: { attribute: false },
      userName: { attribute: 'user-name' },
    };
  }

  /** `ws://` or `wss://` URL of a sync server: the pipeline is shared with everyone in `room`. */
  sync?: string;

  /** The room on the sync server; default: the pipeline's id. */
  room?: string;

  /** The sync server's token for the room (a property only); a new one reconnects. */
  token?: string;

  /** With `sync`: the name the others in the room see this person by (default "Guest 3"). */
  userName?: string;

  /** Also waits for the words of a bad attribute, so `await el.updateComplete` shows its error. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let words = optionTextsSettled(); words; words = optionTextsSettled()) {
      await words;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  override addEventListener<K extends keyof Events & string>(
    type: K,
    listener: (this: this, event: Events[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof Events & string>(
    type: K,
    listener: (this: this, event: Events[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
  }
}

/**
 * The render root of an element a server renders only a placeholder for (all but
 * `<sales-funnel>`, README "Server rendering and hydration"): the declarative shadow root the
 * server sent, emptied, with the element's styles; `undefined` when there is none. The first
 * render then replaces the placeholder in the same task (no frame shows neither), where
 * hydrating it would fail (a browser's first render is not the server's) and, without hydrate
 * support, Lit would render beside it.
 */
export function placeholderRoot(el: ReactiveElement): ShadowRoot | undefined {
  const root = el.shadowRoot;
  if (!root) return undefined;
  root.replaceChildren();
  adoptStyles(root, (el.constructor as typeof ReactiveElement).elementStyles);
  return root;
}
