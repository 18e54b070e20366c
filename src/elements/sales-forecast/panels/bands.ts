import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Band } from '../../../sim/index.js';
import { t } from '../../i18n.js';
import type { BandNote, ForecastView, QuarterFigures } from '../model/forecast-view.js';
import {
  bandText,
  estimate,
  money,
  monthName,
  noteText,
  percent,
  quarterName,
  type Fmt,
} from './format.js';

/**
 * The bands: a bar from p10 to p90 with the expected value marked and the goal as a line, drawn
 * for sighted readers only (`aria-hidden`); every figure is in the table beside it and in the
 * sentence under each bar.
 */

const W = 320;
const H = 28;

function bar(band: Band, max: number, goal?: number): TemplateResult {
  const x = (v: number) => (max > 0 ? (Math.max(0, v) / max) * W : 0);
  return html`<svg
    class="band"
    part="band"
    viewBox="0 0 ${W} ${H}"
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
  >
    <rect class="track" x="0" y="10" width=${W} height="8" rx="4"></rect>
    ${svg`<rect class="range" x=${x(band.p10)} y="6" width=${Math.max(2, x(band.p90) - x(band.p10))} height="16" rx="4"></rect>
    <rect class="expected" x=${x(band.expected) - 1.5} y="2" width="3" height="24"></rect>
    ${goal !== undefined ? svg`<line class="goal" x1=${x(goal)} x2=${x(goal)} y1="0" y2=${H}></line>` : nothing}`}
  </svg>`;
}

/**
 * A table's expected cell: marked, and described by the note under it, when the value lies
 * outside the row's low–high range.
 */
function expectedCell(f: Fmt, band: Band, note: BandNote | undefined, noteId: string) {
  return note
    ? html`<td aria-describedby=${noteId}>
        ${estimate(f, band.expected)}<span class="note-mark" aria-hidden="true">*</span>
      </td>`
    : html`<td>${estimate(f, band.expected)}</td>`;
}

const quarterNoteId = (q: QuarterFigures) => `note-q-${q.label}`;

function quarter(f: Fmt, q: QuarterFigures, title: string, max: number, goal?: number) {
  const s = f.s;
  return html`<section class="quarter" aria-labelledby="q-${q.label}">
    <h3 id="q-${q.label}">${t(title, { period: quarterName(f, q.label) })}</h3>
    ${bar(q.revenue, max, goal)}
    <p class="figure">${bandText(f, q.revenue)}</p>
    ${
      q.note
        ? html`<p class="band-note" id=${quarterNoteId(q)}>
            <span aria-hidden="true">* </span
            >${noteText(f, q.note, quarterName(f, q.label), q.revenue, q.achieved)}
          </p>`
        : nothing
    }
    ${q.achieved > 0 ? html`<p class="muted">${t(s.wonSoFar, { amount: money(f, q.achieved) })}</p>` : nothing}
    ${
      q.chance !== null && goal !== undefined
        ? html`<p class="chance" part="chance">
            ${t(s.chance, { chance: percent(f, q.chance), goal: money(f, goal) })}
          </p>`
        : nothing
    }
  </section>`;
}

export function renderQuarters(f: Fmt, view: ForecastView, goal?: number): TemplateResult {
  const s = f.s;
  const [now, next] = view.quarters;
  const top = (q: QuarterFigures) => Math.max(q.revenue.p90, q.revenue.expected);
  const max = Math.max(top(now), top(next), goal ?? 0) * 1.05;
  return html`<div class="quarters">
      ${quarter(f, now, s.thisQuarter, max, goal)} ${quarter(f, next, s.nextQuarter, max, goal)}
    </div>
    ${goal === undefined ? html`<p class="muted">${s.noGoal}</p>` : nothing}
    ${
      view.coverage !== null
        ? html`<p class="muted">${t(s.coverage, { coverage: percent(f, view.coverage) })}</p>`
        : nothing
    }
    <table part="table">
      <caption>
        ${s.tableCaption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.colPeriod}</th>
          <th scope="col">${s.colWonSoFar}</th>
          <th scope="col">${s.colLow}</th>
          <th scope="col">${s.colExpected}</th>
          <th scope="col">${s.colHigh}</th>
          <th scope="col">${s.colChance}</th>
        </tr>
      </thead>
      <tbody>
        ${view.quarters.map(
          (q) =>
            html`<tr>
              <th scope="row">${quarterName(f, q.label)}</th>
              <td>${money(f, q.achieved)}</td>
              <td>${estimate(f, q.revenue.p10)}</td>
              ${expectedCell(f, q.revenue, q.note, quarterNoteId(q))}
              <td>${estimate(f, q.revenue.p90)}</td>
              <td>${q.chance === null ? '—' : percent(f, q.chance)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function renderMonths(f: Fmt, view: ForecastView): TemplateResult {
  const s = f.s;
  const max =
    Math.max(...view.months.map((m) => Math.max(m.revenue.p90, m.revenue.expected))) * 1.05;
  const notes = view.months.filter((m) => m.note);
  return html`<section aria-labelledby="months">
    <h3 id="months">${s.monthsTitle}</h3>
    <table part="table" class="months">
      <caption>
        ${s.monthsCaption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.colMonth}</th>
          <th scope="col">${s.colLow}</th>
          <th scope="col">${s.colExpected}</th>
          <th scope="col">${s.colHigh}</th>
          <td aria-hidden="true"></td>
        </tr>
      </thead>
      <tbody>
        ${view.months.map(
          (m) =>
            html`<tr>
              <th scope="row">${monthName(f, m.start)}</th>
              <td>${estimate(f, m.revenue.p10)}</td>
              ${expectedCell(f, m.revenue, m.note, `note-m-${m.label}`)}
              <td>${estimate(f, m.revenue.p90)}</td>
              <td class="cell-bar">${bar(m.revenue, max)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      notes.length
        ? html`<ul class="band-notes">
            ${notes.map(
              (m) =>
                html`<li id="note-m-${m.label}">
                  <span aria-hidden="true">* </span
                  >${noteText(f, m.note!, monthName(f, m.start), m.revenue)}
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </section>`;
}
