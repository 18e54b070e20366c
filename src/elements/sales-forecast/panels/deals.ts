import { html, nothing, type TemplateResult } from 'lit';
import { formatInteger } from '../../../model/format.js';
import { STALE_SHARE } from '../../../analytics/forecast-source.js';
import { t } from '../../i18n.js';
import type { DealFigures, ForecastView, Risk, WhatIf } from '../model/forecast-view.js';
import { bandFigures, dateName, money, percent, type Fmt } from './format.js';

const days = (f: Fmt, n: number) => `${formatInteger(Math.floor(n), f.lang)} d`;

function riskText(f: Fmt, risk: Risk, stage: string): string {
  if (risk.kind === 'overdue') return t(f.s.overdue, { date: dateName(f, risk.date) });
  const here = days(f, risk.days);
  const limit = days(f, Math.ceil(risk.limit));
  return risk.learned
    ? t(f.s.staleLearned, { days: here, share: percent(f, STALE_SHARE), stage, limit })
    : t(f.s.staleFixed, { days: here, limit });
}

export interface DealsHandlers {
  slipping: ReadonlySet<string>;
  onSlip: (id: string, on: boolean) => void;
}

function item(f: Fmt, d: DealFigures, h: DealsHandlers, list: string): TemplateResult {
  const id = `${list}-${d.deal.id}`;
  return html`<li part="deal">
    <span class="deal-title">${d.deal.title}</span>
    ${
      d.deal.company && !d.deal.title.includes(d.deal.company)
        ? html`<span class="muted">${d.deal.company}</span>`
        : nothing
    }
    <span class="muted">${d.deal.stageName}</span>
    <span
      >${t(f.s.dealValue, {
        amount: money(f, d.deal.amount),
        chance: percent(f, d.winProbability),
        expected: money(f, d.expectedValue),
      })}</span
    >
    ${d.risk ? html`<span class="risk">${riskText(f, d.risk, d.deal.stageName)}</span>` : nothing}
    <label class="slip" for=${id}>
      <input
        id=${id}
        type="checkbox"
        .checked=${h.slipping.has(d.deal.id)}
        @change=${(e: Event) => h.onSlip(d.deal.id, (e.target as HTMLInputElement).checked)}
      />
      ${f.s.slips}
    </label>
  </li>`;
}

export function renderDeals(f: Fmt, view: ForecastView, h: DealsHandlers): TemplateResult {
  const s = f.s;
  return html`<section aria-labelledby="deals">
    <h3 id="deals">${s.dealsTitle}</h3>
    <div class="deal-lists">
      <div>
        <h4 id="top">${s.topTitle}</h4>
        <ul aria-labelledby="top">
          ${view.top.map((d) => item(f, d, h, 'top'))}
        </ul>
      </div>
      <div>
        <h4 id="risk">${s.riskTitle}</h4>
        ${
          view.risky.length
            ? html`<ul aria-labelledby="risk">
                ${view.risky.map((d) => item(f, d, h, 'risk'))}
              </ul>`
            : html`<p class="muted">${s.noRisk}</p>`
        }
      </div>
    </div>
  </section>`;
}

export interface WhatIfHandlers {
  whatIf: WhatIf;
  stages: readonly string[];
  slipping: ReadonlySet<string>;
  onChoose: (value: string) => void;
}

export const whatIfValue = (w: WhatIf) => (w.kind === 'stage' ? `stage:${w.stage}` : w.kind);

export function renderWhatIf(f: Fmt, view: ForecastView, h: WhatIfHandlers): TemplateResult {
  const s = f.s;
  const current = whatIfValue(h.whatIf);
  const was = view.quarters[0].chance;
  let result = '';
  if (view.whatIf) {
    const band = bandFigures(f, view.whatIf.revenue);
    result =
      view.whatIf.chance !== null && was !== null
        ? t(s.whatIfResult, {
            chance: percent(f, view.whatIf.chance),
            was: percent(f, was),
            ...band,
          })
        : t(s.whatIfResultNoGoal, band);
  } else if (h.whatIf.kind === 'slip' && !h.slipping.size) result = s.whatIfSlipNone;
  const option = (value: string, label: string) =>
    html`<option value=${value} ?selected=${value === current}>${label}</option>`;
  return html`<section aria-labelledby="what-if">
    <h3 id="what-if">${s.whatIfTitle}</h3>
    <label for="what-if-choice">${s.whatIfLabel}</label>
    <select
      id="what-if-choice"
      @change=${(e: Event) => h.onChoose((e.target as HTMLSelectElement).value)}
    >
      ${option('none', s.whatIfNone)}
      ${h.stages.map((stage, i) => option(`stage:${i}`, t(s.whatIfStage, { stage })))}
      ${option('lose-largest', s.whatIfLoseLargest)} ${option('slip', s.whatIfSlip)}
    </select>
    <p class="what-if-result" part="status" role="status">${result}</p>
  </section>`;
}
