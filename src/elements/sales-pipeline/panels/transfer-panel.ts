import { html, nothing, type TemplateResult } from 'lit';
import { formatInteger } from '../../../model/format.js';
import type { Lang } from '../../../model/types.js';
import type { FieldError } from '../../../store/errors.js';
import type { ImportProgress } from '../../../store/repository.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/**
 * Import and export around the board: the progress of an import, the report of a refused
 * file (each bad row by number and field), and handing a file to the browser's download.
 */

/** More bad rows than this are summed up in one line. */
export const MAX_LISTED_ERRORS = 50;

export interface ImportState {
  name: string;
  progress?: ImportProgress;
}

export interface ImportReport {
  name: string;
  errors: FieldError[];
}

/** CSV unless the file says it is JSON, by name or type. */
export const isJsonFile = (file: File): boolean =>
  /\.json$/i.test(file.name) || file.type === 'application/json';

/** Offers `text` to the person as a file download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click starts the download synchronously; the URL can go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface TransferPanelView {
  importing?: ImportState;
  report?: ImportReport;
  strings: PipelineStrings;
  lang: Lang;
  onDismissReport: () => void;
}

export function renderTransferPanel(view: TransferPanelView): TemplateResult {
  return html`${view.importing ? renderProgress(view, view.importing) : nothing}
  ${view.report ? renderReport(view, view.report) : nothing}`;
}

function renderProgress(view: TransferPanelView, state: ImportState): TemplateResult {
  const { strings: s, lang } = view;
  const phases = s.importPhases.split('|');
  const phaseName = (p: ImportProgress['phase']) =>
    phases[['read', 'validate', 'write'].indexOf(p)] ?? p;
  const label = t(s.importing, { name: state.name });
  const progress = state.progress;
  return html`<div class="notice info" part="notice" role="status">
    <span>${label}</span>
    ${
      progress
        ? html`<progress
              max=${progress.total || 1}
              .value=${progress.done}
              aria-label=${label}
            ></progress>
            <span class="phase"
              >${t(s.importPhase, {
                phase: phaseName(progress.phase),
                done: formatInteger(progress.done, lang),
                total: formatInteger(progress.total, lang),
              })}</span
            >`
        : html`<progress aria-label=${label}></progress>`
    }
  </div>`;
}

function renderReport(view: TransferPanelView, report: ImportReport): TemplateResult {
  const s = view.strings;
  const { errors } = report;
  return html`<div
    class="notice error import-errors"
    part="notice error"
    role="alert"
    tabindex="-1"
  >
    <p>
      ${t(s.importFailed, { name: report.name, count: errors.length })}
      <button
        type="button"
        part="button"
        class="dismiss"
        aria-label=${s.dismiss}
        @click=${view.onDismissReport}
      >
        ×
      </button>
    </p>
    <ul>
      ${errors
        .slice(0, MAX_LISTED_ERRORS)
        .map(
          (err) =>
            html`<li>
              ${
                err.row === undefined
                  ? nothing
                  : html`<strong>${t(s.importRowError, { row: err.row })}</strong>: `
              }${err.message}
            </li>`,
        )}
    </ul>
    ${
      errors.length > MAX_LISTED_ERRORS
        ? html`<p>${t(s.moreErrors, { count: errors.length - MAX_LISTED_ERRORS })}</p>`
        : nothing
    }
  </div>`;
}
