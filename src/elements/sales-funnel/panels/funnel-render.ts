import { html, nothing, svg, type TemplateResult } from 'lit';
import { styleProps } from '../../style-props.js';
import { baseline, LINE, wonTick } from '../model/funnel-figure.js';
import type { FunnelLayout } from '../model/geometry.js';
import type { FunnelModel } from '../model/funnel-model.js';
import type { CaptionPart, LabelLine, TextOptions } from '../model/funnel-text.js';

/**
 * The funnel's panels as Lit templates of what the element derived: the chart (a listbox of
 * stages), the tooltip, the caption and the hidden table (the export menu is
 * `controllers/export-menu.ts`). Listeners are the element's own; Lit calls them on the element.
 */

/** Height a tooltip may need above a band before it goes below instead. */
const TIP_ROOM = 140;

export interface FunnelView {
  model: FunnelModel;
  layout: FunnelLayout;
  labels: LabelLine[][];
  /** Each row's figures (`facts`), written once for its option, its table row and the tooltip. */
  facts: [string, string][][];
  words: TextOptions;
  focusIndex: number;
  selectedIndex: number;
  tipIndex: number;
}

export interface ChartListeners {
  keydown: (e: KeyboardEvent) => void;
  /** Click, pointer over and focus on a stage. */
  stage: (e: Event) => void;
  /** Pointer or focus leaving the chart. */
  leave: (e: Event) => void;
}

/** `label` naming this chart by its first and last stage, so charts on one page differ. */
const named = (label: string, { model: { rows } }: FunnelView) =>
  `${label}: ${rows[0].name} – ${rows[rows.length - 1].name}`;

/** A stage's accessible name: the tooltip's and the table's figures in one sentence. */
const describe = (v: FunnelView, i: number) =>
  [v.model.rows[i].name, ...v.facts[i].map(([k, x]) => `${k}: ${x}`)].join(', ');

// Focus listeners sit on the stages: on the <svg> they would make it a Tab stop of its own.
export function renderChart(v: FunnelView, on: ChartListeners): TemplateResult {
  const { layout, model } = v;
  const n = model.rows.length;
  return html`<svg
    viewBox="0 0 ${layout.width} ${layout.height}"
    width=${layout.width}
    height=${layout.height}
    role="listbox"
    aria-label=${named(v.words.strings.stagesLabel, v)}
    @keydown=${on.keydown}
    @click=${on.stage}
    @pointerover=${on.stage}
    @pointerleave=${on.leave}
  >
    ${layout.bands.map((b) => {
      const r = model.rows[b.index];
      const classes = [
        'stage',
        b.index === model.drop ? 'drop' : '',
        b.index === model.payoff?.index ? 'payoff' : '',
      ].join(' ');
      return svg`<g
        class=${classes}
        data-index=${b.index}
        role="option"
        tabindex=${b.index === v.focusIndex ? 0 : -1}
        aria-selected=${b.index === v.selectedIndex ? 'true' : 'false'}
        aria-label=${describe(v, b.index)}
        @focusin=${on.stage}
        @focusout=${on.leave}
      >
        ${b.ghost ? svg`<path class="ghost" d=${b.ghost}></path>` : nothing}
        <path
          class="band ${r.value === null ? 'missing' : ''}"
          part="stage"
          d=${b.path}
          style=${styleProps({ '--_t': n > 1 ? String(b.index / (n - 1)) : '0' })}
        ></path>
      </g>`;
    })}
    ${renderWonTick(v)}
    <g aria-hidden="true">${layout.bands.map((b) => renderLabel(v, b.index))}</g>
  </svg>`;
}

function renderWonTick({ layout, model }: FunnelView) {
  const tick = wonTick(model, layout);
  if (!tick) return nothing;
  const { x1, y1, x2, y2 } = tick;
  return svg`<line class="won-tick" aria-hidden="true" x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line>`;
}

/**
 * A stage's label: one `<text>` per line, so a data change lays out only the lines whose text
 * changed (a stage's name stays put); a single `<text>` of tspans lays out whole.
 */
function renderLabel(v: FunnelView, i: number) {
  const box = v.layout.bands[i].label;
  const x = box.x;
  const y0 = baseline(box);
  const lines = v.labels[i].map(
    (line, k) =>
      svg`<text class=${line.cls} x=${x} y=${y0 + k * LINE} text-anchor=${box.anchor}>${box.lines![k]}</text>`,
  );
  return svg`<g class="label" part="label" data-index=${i}>${lines}</g>`;
}

export function renderTooltip(v: FunnelView) {
  const r = v.model.rows[v.tipIndex];
  const band = v.layout.bands[v.tipIndex];
  if (!r || !band) return nothing;
  // Offsets by the base's padding: the tooltip is positioned in the base, the band in the SVG.
  // Above the band when there is room, else below it, so it never covers the page above.
  const below = band.y < TIP_ROOM;
  const top = below ? band.y + band.height + 8 : band.y - 8;
  // Keep a ~180 px tooltip inside the chart's width.
  const x = Math.max(90, Math.min(band.cx, v.layout.width - 90));
  const pos = { left: `${Math.round(12 + x)}px`, top: `${Math.round(12 + top)}px` };
  return html`<div
    class="tooltip ${below ? 'below' : ''}"
    part="tooltip"
    aria-hidden="true"
    style=${styleProps(pos)}
  >
    <strong>${r.name}</strong>
    <dl>
      ${v.facts[v.tipIndex].map(
        ([k, x]) =>
          html`<dt>${k}</dt>
            <dd>${x}</dd>`,
      )}
    </dl>
  </div>`;
}

export function renderCaption(parts: CaptionPart[]) {
  if (!parts.length) return nothing;
  return html`<p class="caption" part="caption">
    ${parts.map(
      (c) =>
        html`<span
          >${
            c.mark
              ? html`<span class="${c.mark}-mark" aria-hidden="true"
                  >${c.mark === 'drop' ? '▼ ' : '★ '}</span
                >`
              : nothing
          }${c.text}</span
        >`,
    )}
  </p>`;
}

export function renderTable(v: FunnelView) {
  const s = v.words.strings;
  const rows = v.model.rows;
  // A table ignores a 1 px width, so the hiding box is a wrapper around it.
  return html`<div class="visually-hidden">
    <table part="table">
      <caption>
        ${named(s.tableCaption, v)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.colStage}</th>
          ${v.facts[0].map(([k]) => html`<th scope="col">${k}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r, i) =>
            html`<tr>
              <th scope="row">${r.name}</th>
              ${v.facts[i].map(([, x]) => html`<td>${x}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Messages about bad input: each option whose default is used, then the data that cannot be drawn. */
export function renderProblems(
  notes: string[],
  title: string,
  problem?: { field: string; texts: string[] },
): TemplateResult {
  return html`${notes.map((m) => html`<p class="error" part="error">${m}</p>`)}
  ${
    problem
      ? html`<div class="error" part="error">
          <strong>${title} (${problem.field})</strong>
          <ul>
            ${problem.texts.map((m) => html`<li>${m}</li>`)}
          </ul>
        </div>`
      : nothing
  }`;
}
