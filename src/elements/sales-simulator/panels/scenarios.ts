import { html, nothing, type TemplateResult } from 'lit';
import type { SavedScenario } from '../../../store/records.js';
import { t } from '../../i18n.js';
import type { Undoable, UndoHold } from '../controllers/scenario-library.js';
import type { CompareView } from '../model/view-model.js';
import { errorLine, errorOf, type FieldContext } from './fields.js';

/** A status line: what the last action did, or why it failed (`error`). */
export interface Status {
  text: string;
  error?: boolean;
}

export interface ScenariosProps extends FieldContext {
  saved: readonly SavedScenario[];
  /** Why the saved list could not be read. */
  listError?: string;
  /** Storage is not persistent here (private mode, no IndexedDB): why. */
  storageNote: string;
  renamingId: string;
  compare?: CompareView;
  compareIds: readonly [string, string];
  shareUrl: string;
  status?: Status;
  undoable?: Undoable;
  onDraft: (key: string, raw: string) => void;
  onSave: () => void;
  onOpen: (item: SavedScenario) => void;
  onStartRename: (item: SavedScenario) => void;
  onRename: (item: SavedScenario) => void;
  onEndRename: (item: SavedScenario) => void;
  onDelete: (item: SavedScenario) => void;
  /** The pipeline a saved scenario can be made the plan of (`pipeline`), by its name once read. */
  planPipeline?: string;
  /** The saved scenario that is that pipeline's plan: marked in words, not offered again. */
  planId?: string;
  onPlan: (item: SavedScenario) => void;
  onUndo: () => void;
  /** The focus or the pointer came to or left Undo: its time waits meanwhile. */
  onUndoHold: (hold: UndoHold, held: boolean) => void;
  onCompare: (which: 0 | 1, id: string) => void;
  onExport: () => void;
  onImport: (e: Event) => void;
  onShare: () => void;
}

/** The ids the element moves focus to, or selects, after an action. */
export const scenarioIds = { saveName: 'save-name', rename: 'rename-input', share: 'share-url' };

function renaming(p: ScenariosProps, item: SavedScenario): TemplateResult {
  const { text: s } = p;
  const key = `rename-${item.id}`;
  const label = t(s.renameLabel, { name: item.name });
  const error = errorOf(p, key, label);
  return html`<li class="renaming">
    <form
      @submit=${(e: Event) => {
        e.preventDefault();
        p.onRename(item);
      }}
    >
      <label class="sr-only" for=${scenarioIds.rename}>${label}</label>
      <input
        id=${scenarioIds.rename}
        type="text"
        .value=${p.drafts.text[key] ?? item.name}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'rename-error' : nothing}
        @input=${(e: Event) => p.onDraft(key, (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          p.onEndRename(item);
        }}
      />
      <button type="submit" part="button">${s.confirmRename}</button>
      <button type="button" part="button" @click=${() => p.onEndRename(item)}>${s.cancel}</button>
      ${errorLine('rename-error', error)}
    </form>
  </li>`;
}

function savedItem(p: ScenariosProps, item: SavedScenario): TemplateResult {
  if (p.renamingId === item.id) return renaming(p, item);
  const { text: s } = p;
  const button = (label: string, onClick: () => void, data: string) =>
    html`<button
      type="button"
      part="button"
      aria-label="${label}: ${item.name}"
      data-action=${data}
      data-id=${item.id}
      @click=${onClick}
    >
      ${label}
    </button>`;
  const isPlan = p.planPipeline !== undefined && item.id === p.planId;
  return html`<li>
    <span class="saved-name">${item.name}</span>
    ${
      isPlan
        ? html`<span class="plan-mark">${t(s.isPlan, { pipeline: p.planPipeline! })}</span>`
        : nothing
    }
    <span class="buttons">
      ${button(s.open, () => p.onOpen(item), 'open')}
      ${button(s.rename, () => p.onStartRename(item), 'rename')}
      ${button(s.remove, () => p.onDelete(item), 'delete')}
      ${p.planPipeline && !isPlan ? button(s.setPlan, () => p.onPlan(item), 'plan') : nothing}
    </span>
  </li>`;
}

function compare(p: ScenariosProps): TemplateResult | typeof nothing {
  const c = p.compare;
  if (!c || p.saved.length === 0) return nothing;
  const { text: s } = p;
  const select = (which: 0 | 1, id: string, label: string) =>
    html`<div class="field">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        @change=${(e: Event) => p.onCompare(which, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${p.compareIds[which] === ''}>${s.currentScenario}</option>
        ${p.saved.map(
          (x) =>
            html`<option value=${x.id} ?selected=${x.id === p.compareIds[which]}>
              ${x.name}
            </option>`,
        )}
      </select>
    </div>`;
  return html`<div class="compare">
    <h4>${s.compareTitle}</h4>
    <div class="fields row">
      ${select(0, 'compare-a', s.compareFirst)} ${select(1, 'compare-b', s.compareSecond)}
    </div>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${s.compareTitle}>
      <table class="compare-table">
        <caption class="sr-only">
          ${s.compareTitle}
        </caption>
        <thead>
          <tr>
            <th scope="col">${s.colMetric}</th>
            <th scope="col">${c.a.name}</th>
            <th scope="col">${c.b.name}</th>
          </tr>
        </thead>
        <tbody>
          ${c.labels.map(
            (label, i) =>
              html`<tr>
                <th scope="row">${label}</th>
                <td>${c.a.values[i]}</td>
                <td>${c.b.values[i]}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </div>`;
}

function statusLine(p: ScenariosProps): TemplateResult {
  const { text: s, status, undoable } = p;
  const failure = p.listError ? t(s.storageFailed, { detail: p.listError }) : undefined;
  return html`<div class="status-line">
    ${
      status?.error || failure
        ? html`<p class="status error" part="error">${status?.error ? status.text : failure}</p>`
        : html`<p class="status" part="status">${status?.text ?? ''}</p>`
    }
    ${
      undoable
        ? html`<button
            type="button"
            part="button"
            class="undo"
            aria-label=${t(undoable.replaced ? s.undoReplaceLabel : s.undoLabel, {
              name: undoable.item.name,
            })}
            @click=${p.onUndo}
            @focus=${() => p.onUndoHold('focus', true)}
            @blur=${() => p.onUndoHold('focus', false)}
            @pointerenter=${() => p.onUndoHold('pointer', true)}
            @pointerleave=${() => p.onUndoHold('pointer', false)}
          >
            ${s.undo}
          </button>`
        : nothing
    }
  </div>`;
}

/** Saved scenarios (save, open, rename, delete, undo), the comparison, files and the share link. */
export function renderScenarios(p: ScenariosProps): TemplateResult {
  const { text: s } = p;
  const nameError = errorOf(p, scenarioIds.saveName, s.scenarioName);
  return html`<section class="panel scenarios" part="scenarios" aria-labelledby="scenarios-title">
    <h3 id="scenarios-title">${s.scenariosTitle}</h3>
    ${p.storageNote ? html`<p class="hint">${p.storageNote}</p>` : nothing}
    <form
      class="save"
      @submit=${(e: Event) => {
        e.preventDefault();
        p.onSave();
      }}
    >
      <div class="field">
        <label for=${scenarioIds.saveName}>${s.scenarioName}</label>
        <input
          id=${scenarioIds.saveName}
          type="text"
          autocomplete="off"
          .value=${p.drafts.text[scenarioIds.saveName] ?? ''}
          aria-invalid=${nameError ? 'true' : 'false'}
          aria-describedby=${nameError ? 'save-name-error' : nothing}
          @input=${(e: Event) =>
            p.onDraft(scenarioIds.saveName, (e.target as HTMLInputElement).value)}
        />
        ${errorLine('save-name-error', nameError)}
      </div>
      <button type="submit" part="button" class="primary">${s.save}</button>
    </form>
    ${
      p.saved.length === 0
        ? html`<p class="hint">${s.noneSaved}</p>`
        : html`<ul class="saved">
            ${p.saved.map((item) => savedItem(p, item))}
          </ul>`
    }
    ${compare(p)}
    <div class="buttons files">
      <button type="button" part="button" @click=${p.onExport}>${s.exportJson}</button>
      <label class="file-button" part="button">
        <span>${s.importJson}</span>
        <input class="file" type="file" accept="application/json,.json" @change=${p.onImport} />
      </label>
      <button type="button" part="button" class="primary" @click=${p.onShare}>
        ${s.shareLink}
      </button>
    </div>
    ${
      p.shareUrl
        ? html`<div class="field">
            <label for=${scenarioIds.share}>${s.shareLabel}</label>
            <input id=${scenarioIds.share} type="text" readonly .value=${p.shareUrl} />
          </div>`
        : nothing
    }
    ${statusLine(p)}
  </section>`;
}
