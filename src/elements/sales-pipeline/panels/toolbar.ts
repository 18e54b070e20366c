import { html, nothing, type TemplateResult } from 'lit';
import type { PipelineStrings } from '../strings.js';

/** The bar above the board: search, owner and staleness filters, and the board's actions. */

export interface ToolbarView {
  strings: PipelineStrings;
  searchText: string;
  ownerFilter: string;
  owners: readonly string[];
  staleOnly: boolean;
  /** The pipeline is loaded: its actions can run. */
  ready: boolean;
  /** What Undo would undo, as its label; `undefined` when there is nothing. */
  undoLabel?: string;
  importing: boolean;
  noSample: boolean;
  /** With `sync`: online, offline, syncing or unsaved changes, in words. */
  syncStatus?: string;
  /** With `sync`: who else is viewing (`renderPresence`). */
  presence?: TemplateResult | typeof nothing;
  /** A repository with a trash: whether it is open, and its button's action. */
  trash?: { open: boolean; onToggle: () => void };
  onSearch: (text: string) => void;
  onOwner: (owner: string) => void;
  onStaleOnly: (on: boolean) => void;
  onAdd: () => void;
  onUndo: () => void;
  onStages: () => void;
  onImport: () => void;
  onFileChosen: (e: Event) => void;
  onExportCsv: () => void;
  onExportJson: () => void;
  onSample: () => void;
}

export function renderToolbar(view: ToolbarView): TemplateResult {
  const s = view.strings;
  const { ready } = view;
  const undoLabel = view.undoLabel ?? s.undo;
  return html`
    <div class="toolbar" part="toolbar" role="toolbar" aria-label=${s.toolbarLabel}>
      ${
        view.syncStatus === undefined
          ? nothing
          : html`<span class="sync-status" part="status" role="status">${view.syncStatus}</span>`
      }
      ${view.presence ?? nothing}
      <label class="field search">
        <span>${s.search}</span>
        <input
          type="search"
          .value=${view.searchText}
          placeholder=${s.searchPlaceholder}
          @input=${(e: Event) => view.onSearch((e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="field">
        <span>${s.owner}</span>
        <select
          .value=${view.ownerFilter}
          @change=${(e: Event) => view.onOwner((e.target as HTMLSelectElement).value)}
        >
          <option value="">${s.anyOwner}</option>
          ${view.owners.map(
            (o) => html`<option value=${o} ?selected=${o === view.ownerFilter}>${o}</option>`,
          )}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          .checked=${view.staleOnly}
          @change=${(e: Event) => view.onStaleOnly((e.target as HTMLInputElement).checked)}
        />
        <span>${s.staleOnly}</span>
      </label>
      <div class="actions">
        <button
          type="button"
          part="button"
          class="primary"
          ?disabled=${!ready}
          @click=${view.onAdd}
        >
          ${s.addDeal}
        </button>
        <button
          type="button"
          part="button"
          ?disabled=${view.undoLabel === undefined}
          title=${undoLabel}
          aria-label=${undoLabel}
          @click=${view.onUndo}
        >
          ${s.undo}
        </button>
        <button type="button" part="button" ?disabled=${!ready} @click=${view.onStages}>
          ${s.editStages}
        </button>
        <button
          type="button"
          part="button"
          class="import-file"
          ?disabled=${!ready || view.importing}
          @click=${view.onImport}
        >
          ${s.importFile}
        </button>
        <input
          class="file"
          type="file"
          accept=".csv,.json,.txt,text/csv,application/json"
          tabindex="-1"
          aria-hidden="true"
          @change=${view.onFileChosen}
        />
        <button type="button" part="button" ?disabled=${!ready} @click=${view.onExportCsv}>
          ${s.exportCsv}
        </button>
        <button type="button" part="button" ?disabled=${!ready} @click=${view.onExportJson}>
          ${s.exportJson}
        </button>
        ${
          view.trash
            ? html`<button
                type="button"
                part="button"
                class="trash-toggle"
                aria-expanded=${view.trash.open}
                aria-controls="trash"
                ?disabled=${!ready}
                @click=${view.trash.onToggle}
              >
                ${s.trash}
              </button>`
            : nothing
        }
        ${
          view.noSample
            ? nothing
            : html`<button
                type="button"
                part="button"
                ?disabled=${!ready || view.importing}
                @click=${view.onSample}
              >
                ${s.loadSample}
              </button>`
        }
      </div>
    </div>
  `;
}
