import { html, nothing, type TemplateResult } from 'lit';
import type { PipelineStrings } from './strings.js';

/**
 * The notices above the board: where the data lives (memory only), the connection (an old
 * tab blocks the upgrade, or a newer one needs this page reloaded), a pipeline that could not
 * be opened, and the dismissable ones raised by actions (quota, conflicts, imports).
 */

export type NoticeKind = 'quota' | 'conflict' | 'error' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

export type Connection = 'ok' | 'blocked' | 'reload-needed';

export interface NoticesView {
  /** Data kept only in memory (IndexedDB unavailable). */
  memoryOnly: boolean;
  connection: Connection;
  loadError: string;
  /** An attribute whose value is not used (and the default used instead). */
  attributeError: string;
  notices: readonly Notice[];
  strings: PipelineStrings;
  onReload: () => void;
  onDismiss: (notice: Notice) => void;
}

export function renderNotices(view: NoticesView): TemplateResult {
  const s = view.strings;
  return html`
    ${
      view.memoryOnly
        ? html`<p class="notice warn" part="notice" role="status">${s.memoryOnly}</p>`
        : nothing
    }
    ${
      view.connection === 'reload-needed'
        ? html`<p class="notice error" part="notice" role="alert">
            ${s.reloadNeeded}
            <button type="button" part="button" @click=${view.onReload}>${s.reload}</button>
          </p>`
        : view.connection === 'blocked'
          ? html`<p class="notice warn" part="notice" role="status">${s.blocked}</p>`
          : nothing
    }
    ${
      view.loadError
        ? html`<p class="notice error" part="notice" role="alert">${view.loadError}</p>`
        : nothing
    }
    ${
      view.attributeError
        ? html`<p class="notice error" part="notice" role="alert">${view.attributeError}</p>`
        : nothing
    }
    ${view.notices.map(
      (n) =>
        html`<div
          class="notice ${n.kind === 'info' ? 'info' : 'error'}"
          part="notice"
          role=${n.kind === 'info' ? 'status' : 'alert'}
          data-notice=${n.id}
          tabindex="-1"
        >
          <span>${n.text}</span>
          <button
            type="button"
            part="button"
            class="dismiss"
            aria-label=${s.dismiss}
            @click=${() => view.onDismiss(n)}
          >
            ×
          </button>
        </div>`,
    )}
  `;
}
