import { html, nothing, type TemplateResult } from 'lit';
import { formatAmount, formatInteger } from '../../../model/format.js';
import type { Deal, Lang } from '../../../model/types.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The inside of a deal card, shared by the card in its column and the ghost that follows the
 * pointer during a drag (the `<li>` and its handlers stay with the board).
 */

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** An ISO day (`2024-06-30`) as people read it in `lang`; the text itself when it is no date. */
export function formatDay(iso: string, lang: Lang): string {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(lang, f);
  }
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

export interface CardView {
  deal: Deal;
  days: number;
  stale: boolean;
  /** Why the card is stale, read after its days ("stale after 30 d"). */
  reason?: string;
  strings: PipelineStrings;
  lang: Lang;
}

export function renderCardBody({
  deal,
  days,
  stale,
  reason,
  strings: s,
  lang,
}: CardView): TemplateResult {
  // A line cut short by an ellipsis (a long reason, or enlarged text) keeps its whole text in
  // its tooltip; screen readers read it whole anyway.
  const whole = (text: string) => html`<span title=${text}>${text}</span>`;
  return html`
    <span class="grip" aria-hidden="true"></span>
    <p class="title">${deal.title}</p>
    <p class="company">${deal.company ?? ''}</p>
    <p class="meta">
      <span class="amount">${formatAmount(deal.amount, lang, deal.currency)}</span>
      ${deal.owner ? html`<span class="owner" title=${deal.owner}>${deal.owner}</span>` : nothing}
    </p>
    <p class="meta">
      ${
        deal.outcome === 'lost' && deal.lostReason
          ? whole(t(s.lostBecause, { reason: deal.lostReason }))
          : deal.expectedClose
            ? whole(t(s.closes, { date: formatDay(deal.expectedClose, lang) }))
            : nothing
      }
      ${
        deal.outcome !== 'open'
          ? nothing
          : stale
            ? // Short, so "· stale" fits beside a close date in a 17rem column; the full
              // wording stays in the tooltip.
              html`<span
                class="days stale-mark"
                title=${t(s.daysInStage, { days: formatInteger(days, lang) })}
                >${t(s.daysShort, { days: formatInteger(days, lang) })} ·
                <strong>${s.stale}</strong></span
              >`
            : html`<span class="days"
                >${t(s.daysInStage, { days: formatInteger(days, lang) })}</span
              >`
      }
    </p>
    ${reason ? html`<p class="stale-reason" title=${reason}>${reason}</p>` : nothing}
  `;
}
