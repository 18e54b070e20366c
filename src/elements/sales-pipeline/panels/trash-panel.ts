import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../../model/types.js';
import type { TrashedDeal } from '../../../store/sync/sync-repository.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

export interface TrashView {
  items?: readonly TrashedDeal[];
  /** Why the trash could not be read (in place of its list, with Try again). */
  failure?: string;
  strings: PipelineStrings;
  lang: Lang;
  columnOf: (deal: TrashedDeal['deal']) => string;
  onRestore: (item: TrashedDeal) => void;
  onRetry: () => void;
  onClose: () => void;
}

const whenFormats = new Map<Lang, Intl.DateTimeFormat>();

/** When a deal was deleted, as people read it in `lang` (day and time, their time zone). */
export function formatDeleted(at: number, lang: Lang): string {
  let f = whenFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    whenFormats.set(lang, f);
  }
  return f.format(at);
}

/**
 * The trash, open between the toolbar and the board: a region named by its heading, a table of
 * the deleted deals (title, stage, when) with a Restore button each, and Close (Escape too).
 */
export function renderTrash(view: TrashView): TemplateResult | typeof nothing {
  const { items, failure, strings: s, lang } = view;
  if (!items && failure === undefined) return nothing;
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    view.onClose();
  };
  return html`<section
    id="trash"
    class="trash"
    part="trash"
    aria-labelledby="trash-heading"
    @keydown=${onKeydown}
  >
    <h2 id="trash-heading" tabindex="-1">${s.trashHeading}</h2>
    <p class="hint">${s.trashIntro}</p>
    ${
      failure !== undefined || !items
        ? html`<p class="notice error" part="notice error" role="alert">
            ${failure}
            <button type="button" part="button" class="trash-retry" @click=${view.onRetry}>
              ${s.retry}
            </button>
          </p>`
        : items.length === 0
          ? html`<p>${s.trashEmpty}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${s.trashDeal}</th>
                  <th scope="col">${s.trashStage}</th>
                  <th scope="col">${s.trashDeleted}</th>
                  <td></td>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  (item) =>
                    html`<tr>
                      <th scope="row">${item.deal.title}</th>
                      <td>${view.columnOf(item.deal)}</td>
                      <td>${formatDeleted(item.deletedAt, lang)}</td>
                      <td>
                        <button
                          type="button"
                          part="button"
                          data-restore=${item.deal.id}
                          aria-label=${t(s.restoreLabel, { title: item.deal.title })}
                          @click=${() => view.onRestore(item)}
                        >
                          ${s.restore}
                        </button>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
    }
    <button type="button" part="button" class="trash-close" @click=${view.onClose}>
      ${s.closeTrash}
    </button>
  </section>`;
}
