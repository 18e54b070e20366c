import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatAmount, formatInteger, formatPercent } from '../../../model/format.js';
import type { Deal, Lang } from '../../../model/types.js';
import { t } from '../../i18n.js';
import { styleProps } from '../../style-props.js';
import { STALE_SHARE } from '../../../analytics/stale-rule.js';
import {
  beforeAtSlot,
  daysInStage,
  isStale,
  staleLimit,
  type BoardColumn,
  type StaleRule,
} from '../model/board-model.js';
import { renderCardBody } from './card.js';
import type { Drag } from '../model/pointer-drag.js';
import type { PipelineStrings } from '../strings.js';
import { markerTop, rangePadding, type CardRow, type RowRange } from '../model/windowing.js';

/**
 * The board itself: a region with a column per stage (then won and lost), each with its
 * header and the window of cards in view, the drop marker, and the ghost that follows a drag.
 * The ids that tie headings to lists live in the one shadow root, so this stays a render
 * function of the element.
 */

export interface BoardView {
  columns: readonly BoardColumn[];
  /** The rows of each column that are rendered. */
  ranges: readonly RowRange[];
  /**
   * The cards column `i` renders, each with its key: a card that comes into view may take the
   * element of one that left (a search answer updates the cards in place).
   */
  rows: (i: number) => readonly CardRow<Deal>[];
  /** A card row's height (card and gap) as measured. */
  rowHeight: number;
  /** The card that is the board's Tab stop. */
  tabStop?: string;
  /** The card picked up with the keyboard, or dragged. */
  movingId?: string;
  /** Cards someone else on a synced board is moving: deal id → their name. */
  movers?: ReadonlyMap<string, string>;
  /** The column a moving card is over. */
  targetKey?: string;
  /** Where the moving card would drop: a column and a gap between its cards. */
  insertion?: { key: string; slot: number };
  /** The card picked up with the keyboard (drawn lifted). */
  grabbedId?: string;
  dragging: boolean;
  /** Some filter hides deals (an empty column says "none match"). */
  filtered: boolean;
  currency: string;
  now: number;
  stale: StaleRule;
  strings: PipelineStrings;
  lang: Lang;
  onCardKeydown: (e: KeyboardEvent, deal: Deal) => void;
  onCardFocus: (deal: Deal) => void;
  onCardPointerDown: (e: PointerEvent, deal: Deal) => void;
  /** A card's "Move to…" button. */
  onCardMove: (deal: Deal) => void;
  onListScroll: (e: Event) => void;
}

export function renderBoard(view: BoardView): TemplateResult {
  return html`
    <div
      class="board ${view.dragging ? 'dragging' : ''}"
      part="board"
      role="region"
      tabindex="0"
      aria-label=${view.strings.boardLabel}
      aria-describedby="instructions"
    >
      ${view.columns.map((c, i) => renderColumn(view, c, i, view.ranges[i]!))}
    </div>
  `;
}

function renderColumn(
  view: BoardView,
  col: BoardColumn,
  i: number,
  range: RowRange,
): TemplateResult {
  const { strings: s, lang, currency, insertion, movingId } = view;
  const marker =
    col.outcome === 'open' &&
    insertion?.key === col.key &&
    movingId !== undefined &&
    beforeAtSlot(col.deals, movingId, insertion.slot) !== undefined
      ? insertion.slot
      : undefined;
  const size = col.count;
  const rows = view.rows(i);
  // Rows not rendered yet (an answer's overscan, in the next frame) pad like those out of range.
  const padding = rangePadding(
    { start: range.start, end: range.start + rows.length },
    size,
    view.rowHeight,
  );
  return html`
    <section
      class="column ${col.outcome} ${view.targetKey === col.key ? 'target' : ''}"
      part="column"
      data-col=${col.key}
      aria-labelledby="col-${i}"
      tabindex="-1"
    >
      <header class="column-header" part="column-header">
        <h3 id="col-${i}">${col.name}</h3>
        <p class="count">
          ${col.count === 1 ? s.oneDeal : t(s.deals, { count: formatInteger(col.count, lang) })}
        </p>
        <dl class="totals">
          <div>
            <dt>${s.total}</dt>
            <dd>${formatAmount(col.amount, lang, currency)}</dd>
          </div>
          ${
            col.outcome === 'open'
              ? html`<div>
                  <dt>${s.weighted}</dt>
                  <dd>${formatAmount(col.weighted, lang, currency)}</dd>
                </div>`
              : nothing
          }
        </dl>
      </header>
      ${
        size === 0
          ? html`<p class="empty">${view.filtered ? s.noMatches : s.emptyColumn}</p>`
          : // Not a Tab stop of its own (as a scroller would be): its cards are the way in.
            html`<div class="list" data-col=${col.key} tabindex="-1" @scroll=${view.onListScroll}>
              ${
                marker === undefined
                  ? nothing
                  : html`<div
                      class="drop-marker"
                      part="drop-marker"
                      aria-hidden="true"
                      style=${styleProps({ 'inset-block-start': `${markerTop(marker, size, view.rowHeight)}px` })}
                    ></div>`
              }
              <ul
                class="cards"
                aria-labelledby="col-${i}"
                style=${styleProps({
                  'padding-block-start': `${padding.before}px`,
                  'padding-block-end': `${padding.after}px`,
                })}
              >
                ${repeat(
                  rows,
                  (r) => r.key,
                  (r) => renderCardOnce(view, r.deal, r.index, r.size),
                )}
              </ul>
            </div>`
      }
    </section>
  `;
}

/**
 * A card rendered again only when what it shows changed: an update of the board (a keystroke,
 * a scroll) skips the cards that stay as they were. Its handlers only call the board's
 * callbacks, which stay the same from one update to the next.
 */
function renderCardOnce(view: BoardView, deal: Deal, index: number, size: number) {
  const { now, lang, strings, stale, tabStop, grabbedId, dragging, movingId } = view;
  const moving = dragging && movingId === deal.id;
  const by = view.movers?.get(deal.id);
  const shown: unknown[] = [deal, index, size, now, lang, strings, stale.staleDays, stale.learned];
  shown.push(deal.id === tabStop, deal.id === grabbedId, moving, by);
  return guard(shown, () => renderCard(view, deal, index, size));
}

/** Why a card is stale: its stage's learned threshold, or the fixed one. */
function staleReason(view: BoardView, limit: { days: number; learned: boolean }) {
  const { strings: s, lang } = view;
  const days = formatInteger(limit.days, lang);
  return limit.learned
    ? t(s.staleLearned, { share: formatPercent(STALE_SHARE, lang), limit: days })
    : t(s.staleFixed, { limit: days });
}

function renderCard(view: BoardView, deal: Deal, index: number, size: number): TemplateResult {
  const { strings, lang, now } = view;
  const days = daysInStage(deal, now);
  const limit = staleLimit(deal.stageId, view.stale);
  const stale = isStale(deal, now, limit.days);
  const reason = stale ? staleReason(view, limit) : undefined;
  const grabbed = view.grabbedId === deal.id;
  const dragged = view.dragging && view.movingId === deal.id;
  const tabStop = deal.id === view.tabStop;
  // Keys and presses on the card's own button are the button's, not the card's.
  const onCard = (e: Event) => e.target === e.currentTarget;
  return html`
    <li
      class="card ${stale ? 'stale' : ''} ${grabbed ? 'grabbed' : ''} ${dragged ? 'dragged' : ''}"
      part="card${stale ? ' card-stale' : ''}"
      data-deal=${deal.id}
      tabindex=${tabStop ? 0 : -1}
      aria-posinset=${index + 1}
      aria-setsize=${size}
      aria-roledescription=${strings.cardRole}
      aria-describedby="card-hint"
      @keydown=${(e: KeyboardEvent) => onCard(e) && view.onCardKeydown(e, deal)}
      @focus=${(e: FocusEvent) => onCard(e) && view.onCardFocus(deal)}
      @pointerdown=${(e: PointerEvent) =>
        (e.target as Element).closest('button') || view.onCardPointerDown(e, deal)}
    >
      ${renderCardBody({ deal, days, stale, reason, strings, lang })} ${movingBy(view, deal)}
      <button
        type="button"
        class="card-move"
        part="button card-move"
        tabindex=${tabStop ? 0 : -1}
        aria-haspopup="dialog"
        aria-label=${t(strings.moveButtonLabel, { title: deal.title })}
        @click=${() => view.onCardMove(deal)}
      >
        ${strings.moveButton}
      </button>
    </li>
  `;
}

/** "Ana is moving this", on a card someone else is moving: over its corner, no taller card. */
function movingBy(view: BoardView, deal: Deal): TemplateResult | typeof nothing {
  const name = view.movers?.get(deal.id);
  return name === undefined
    ? nothing
    : html`<p class="moving-by" part="moving-by">${t(view.strings.movingBy, { name })}</p>`;
}

/**
 * A hidden card with a card's lines (and the gap above it, held in by `flow-root`), whose
 * height the board measures as the row height of its windowed lists.
 */
export function renderRowProbe(): TemplateResult {
  return html`<div class="row-probe" aria-hidden="true">
    <div class="card">
      <p class="title">x</p>
      <p class="company">x</p>
      <p class="meta"><span>x</span></p>
      <p class="meta"><span>x</span></p>
    </div>
  </div>`;
}

/** The card that follows the pointer while dragging. */
export function renderGhost(
  drag: Drag | undefined,
  deal: Deal | undefined,
  view: Pick<BoardView, 'now' | 'strings' | 'lang'>,
): TemplateResult | typeof nothing {
  if (!drag?.active || !deal) return nothing;
  const x = drag.x - drag.offsetX - drag.origin.left;
  const y = drag.y - drag.offsetY - drag.origin.top;
  return html`<div
    class="card ghost"
    part="ghost"
    aria-hidden="true"
    style=${styleProps({ transform: `translate(${x}px, ${y}px)`, 'inline-size': `${drag.width}px` })}
  >
    ${renderCardBody({
      deal,
      days: daysInStage(deal, view.now),
      stale: false,
      strings: view.strings,
      lang: view.lang,
    })}
  </div>`;
}
