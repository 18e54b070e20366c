import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { InputProblem } from '../../controllers/error-reporter.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The notices above the board: where the data lives (memory only), the connection (an old
 * tab blocks the upgrade, or a newer one needs this page reloaded), the inputs the board cannot
 * use (a pipeline that could not be opened, a bad attribute), and the dismissable ones raised
 * by actions (quota, conflicts, imports). Every notice is `part="notice"`; an error is
 * `part="notice error"`.
 */

export type NoticeKind = 'quota' | 'conflict' | 'error' | 'info';

/**
 * A text worded when shown: a key of the board's strings and its values, a value itself such a
 * text or words as they are. A failure's words are fetched with its first notice
 * (`loadLaterStrings`), so the first screen never loads them.
 */
export interface Words {
  key: keyof PipelineStrings;
  values?: Record<string, string | number | Words>;
}

/** `text` in `s`; `undefined` while a word of it has not arrived. */
export function word(text: string | Words, s: PipelineStrings): string | undefined {
  if (typeof text === 'string') return text;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.values ?? {})) {
    const worded = typeof value === 'object' ? word(value, s) : value;
    if (worded === undefined) return undefined;
    values[name] = worded;
  }
  const template = s[text.key];
  return template === undefined ? undefined : t(template, values);
}

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string | Words;
  /** What "Try again" does (a part of the board that did not load), if it is offered. */
  retry?: () => unknown;
}

/**
 * The connection to the saved data: usable (`ok`), waiting for an old tab (`blocked`), over
 * for good (`reload-needed`: a newer version took over; `data-cleared`: the database was
 * deleted), or never opened (`newer-version`, `corrupt`, `timed-out`: see `StoreErrorCode`).
 */
export type Connection =
  'ok' | 'blocked' | 'reload-needed' | 'data-cleared' | 'newer-version' | 'corrupt' | 'timed-out';

/** What a notice about the connection offers: reloading the page, or opening it again. */
const ACTIONS: Partial<Record<Connection, 'reload' | 'retry'>> = {
  'reload-needed': 'reload',
  'data-cleared': 'reload',
  'newer-version': 'reload',
  corrupt: 'retry',
  'timed-out': 'retry',
};

/** The dismissable notices, in the order raised; the same text twice in a row shows once. */
export class NoticeList {
  items: readonly Notice[] = [];
  private seq = 0;

  /** `needWords` fetches the words of a notice given as `Words`. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly needWords: () => void = () => {},
  ) {}

  /**
   * Shows a notice; `added` is false when one with that text is already shown (it then takes
   * this `retry`).
   */
  add(
    kind: NoticeKind,
    text: string | Words,
    retry?: () => unknown,
  ): { notice: Notice; added: boolean } {
    const same = JSON.stringify(text);
    const shown = this.items.find((n) => JSON.stringify(n.text) === same);
    if (shown) {
      // Its "Try again" does what failed last (the same words for another part that failed).
      if (retry) shown.retry = retry;
      return { notice: shown, added: false };
    }
    if (typeof text === 'object') this.needWords();
    const notice = { id: (this.seq += 1), kind, text, retry };
    this.items = [...this.items, notice];
    this.host.requestUpdate();
    return { notice, added: true };
  }

  dismiss(notice: Notice): void {
    this.items = this.items.filter((n) => n !== notice);
    this.host.requestUpdate();
  }
}

/**
 * A part of the board (its code, its texts) did not arrive (offline): the notice says so once,
 * the cause goes to the console, and its "Try again" runs `again`.
 */
export function loadFailed(
  notices: NoticeList,
  s: PipelineStrings,
  cause: unknown,
  again: () => unknown,
): void {
  console.warn('sales-pipeline: a part of the board could not be loaded:', cause);
  notices.add('error', s.loadFailed, again);
}

export interface NoticesView {
  /** Data kept only in memory (IndexedDB unavailable). */
  memoryOnly: boolean;
  connection: Connection;
  /**
   * What the board cannot use: the pipeline it could not open (an alert: it arrives on its
   * own, later) and attributes with a bad value (plain text: the default is in use).
   */
  problems: readonly InputProblem[];
  notices: readonly Notice[];
  strings: PipelineStrings;
  onReload: () => void;
  /** Opens the saved data again (after `corrupt` or `timed-out`). */
  onRetry: () => void;
  onDismiss: (notice: Notice) => void;
  /** Dismisses `notice` and runs its `retry`. */
  onRetryNotice: (notice: Notice) => void;
  /** Fetches the notices' words again, once fetching them failed. */
  onRetryWords?: () => void;
}

export function renderNotices(view: NoticesView): TemplateResult {
  const s = view.strings;
  const action = ACTIONS[view.connection];
  const button =
    action === 'reload'
      ? html`<button type="button" part="button" @click=${view.onReload}>${s.reload}</button>`
      : action === 'retry'
        ? html`<button type="button" part="button" @click=${view.onRetry}>${s.retry}</button>`
        : nothing;
  // An open that failed is the pipeline's problem (it fires `error`): its notice gets the button.
  const openFailed = view.connection === 'newer-version' || action === 'retry';
  const reload = view.connection === 'reload-needed' || view.connection === 'data-cleared';
  const connectionWords =
    view.connection === 'reload-needed'
      ? s.reloadNeeded
      : view.connection === 'data-cleared'
        ? s.dataCleared
        : undefined;
  // Its words could not be fetched (offline): the state is still said, with its Reload.
  const connectionText =
    connectionWords ?? (reload && view.onRetryWords ? s.loadFailed : undefined);
  return html`
    ${
      view.memoryOnly && s.memoryOnly
        ? html`<p class="notice warn" part="notice" role="status">${s.memoryOnly}</p>`
        : nothing
    }
    ${
      connectionText
        ? html`<p class="notice error" part="notice error" role="alert">
            ${connectionText} ${button}
          </p>`
        : view.connection === 'blocked' && s.blocked
          ? html`<p class="notice warn" part="notice" role="status">${s.blocked}</p>`
          : nothing
    }
    ${view.problems.map((p) =>
      p.field === 'pipeline'
        ? html`<p class="notice error" part="notice error" role="alert">
            ${p.message} ${openFailed ? button : nothing}
          </p>`
        : html`<p class="notice error" part="notice error">${p.message}</p>`,
    )}
    ${view.notices.map((n) => {
      // Words that could not be fetched: the notice says so, and "Try again" fetches them.
      const worded = word(n.text, s);
      const text = worded ?? (view.onRetryWords && s.loadFailed);
      if (!text) return nothing;
      const retry =
        worded === undefined ? view.onRetryWords : n.retry && (() => view.onRetryNotice(n));
      const info = n.kind === 'info';
      return html`<div
        class="notice ${info ? 'info' : 'error'}"
        part=${info ? 'notice' : 'notice error'}
        role=${info ? 'status' : 'alert'}
        data-notice=${n.id}
        tabindex="-1"
      >
        <span>${text}</span>
        ${
          retry
            ? html`<button type="button" part="button" @click=${retry}>${s.retry}</button>`
            : nothing
        }
        <button
          type="button"
          part="button"
          class="dismiss"
          aria-label=${s.dismiss}
          @click=${() => view.onDismiss(n)}
        >
          ×
        </button>
      </div>`;
    })}
  `;
}
