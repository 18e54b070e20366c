// From `lit/html.js`, not `lit`: rolldown splits what a lazy chunk takes of Lit's reactive base
// into a file of its own, one more request on the chart's first load (rolldown#10731).
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Lang } from '../../../model/types.js';
import { EXPORT_STRINGS, type ExportStrings } from '../export-strings.js';

/**
 * The export menu of `<sales-funnel exportable>`: its template, styles and texts, loaded the
 * first time a chart has `exportable` (most never do), and the message of an export that did
 * not download. The download itself (`export-image.ts`) loads on the first choice.
 */

export interface ExportMenuHost extends HTMLElement {
  readonly renderRoot?: HTMLElement | DocumentFragment;
  requestUpdate(): void;
  toSVG(): Promise<string>;
  toPNG(): Promise<Blob>;
}

/** Named `css` so the build minifies the text like any Lit `css` template (vite-minify-css). */
const css = String.raw;

/**
 * The menu's styles: a server writes them with the element's own; in a browser they are adopted
 * into the chart's shadow root beside its own when this loads (one sheet for every chart).
 */
export const MENU_CSS = css`
  .menu {
    position: relative;
    z-index: 3;
    inline-size: max-content;
    margin-inline-start: auto;
    margin-block-end: 6px;
    font-size: 12px;
  }
  .menu summary {
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
    list-style: none;
  }
  .menu summary::-webkit-details-marker {
    display: none;
  }
  .menu[open] summary {
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  .menu div {
    display: flex;
    flex-direction: column;
    position: absolute;
    inset-inline-end: 0;
    min-inline-size: 140px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    overflow: hidden;
  }
  .menu button {
    all: unset;
    padding: 6px 10px;
    color: var(--_text);
    cursor: pointer;
  }
  .menu button:hover {
    background: color-mix(in oklab, var(--_text) 10%, var(--_bg));
  }
  .menu summary:focus-visible,
  .menu button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
`;

let sheet: CSSStyleSheet | undefined;

export class ExportMenu {
  /** The menu's texts, which the element adds to its own. */
  readonly texts = EXPORT_STRINGS;
  /** Why the last export did not download. */
  private problem = '';

  constructor(
    private readonly host: ExportMenuHost,
    private readonly lang: () => Lang,
  ) {
    // A server has no render root: it writes the styles into the shadow root it sends.
    const root = host.renderRoot as ShadowRoot | undefined;
    if (root?.adoptedStyleSheets) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(MENU_CSS);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  render(s: ExportStrings): TemplateResult {
    return html`<details class="menu" part="menu">
        <summary>${s.exportMenu}</summary>
        <div>
          <button type="button" part="button" @click=${() => this.export('svg', s)}>
            ${s.downloadSvg}
          </button>
          <button type="button" part="button" @click=${() => this.export('png', s)}>
            ${s.downloadPng}
          </button>
        </div>
      </details>
      ${this.problem ? html`<p class="error" part="error" role="alert">${this.problem}</p>` : nothing}`;
  }

  /** Downloads the chart, or says under the menu why it could not. */
  private async export(kind: 'svg' | 'png', s: ExportStrings): Promise<void> {
    // Worded by the export code; should that not arrive (offline), in the menu's words, and
    // logged. A later choice fetches it again.
    this.problem = await import('./export-image.js').then(
      (m) => m.exportTo(this.host, kind, this.lang()),
      (e: unknown) => (console.error('sales-funnel: export failed', e), s.exportUnreachable),
    );
    this.host.requestUpdate();
  }
}
