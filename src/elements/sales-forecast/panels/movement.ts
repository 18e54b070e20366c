import { html, type TemplateResult } from 'lit';
import type { Flow, Movement } from '../../../analytics/movement.js';
import { formatInteger } from '../../../model/format.js';
import { t } from '../../i18n.js';
import { money, quarterName, type Fmt } from './format.js';

/** The flow since the quarter began, as a table: each line a count and its money. */
export function renderMovement(f: Fmt, m: Movement): TemplateResult {
  const s = f.s;
  const rows: [string, Flow, boolean][] = [
    [s.flowOpenAtStart, m.openAtStart, true],
    [s.flowCreated, m.created, false],
    [s.flowWon, m.won, false],
    [s.flowLost, m.lost, false],
    [s.flowReopened, m.reopened, false],
    [s.flowOpenNow, m.openNow, true],
    [s.flowMovedBack, m.movedBack, false],
    [s.flowSlipped, m.slipped, false],
  ];
  return html`<section aria-labelledby="movement">
    <h3 id="movement">${t(s.movementTitle, { period: quarterName(f, m.period.label) })}</h3>
    <table part="table" class="movement">
      <caption>
        ${s.movementCaption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.colFlow}</th>
          <th scope="col">${s.colDeals}</th>
          <th scope="col">${s.colAmount}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([label, flow, total]) =>
            html`<tr class=${total ? 'total' : ''}>
              <th scope="row">${label}</th>
              <td>${formatInteger(flow.count, f.lang)}</td>
              <td>${money(f, flow.amount)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
