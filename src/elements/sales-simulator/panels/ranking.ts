import { html, nothing, type TemplateResult } from 'lit';
import { planFields } from '../model/field-drafts.js';
import { layoutTornado, type TornadoLayout } from '../model/tornado.js';
import { renderTornado } from './tornado.js';
import { signedCount, type PlanOptions, type RankingView } from '../model/view-model.js';
import { numberField, type FieldContext } from './fields.js';

export interface RankingProps extends FieldContext {
  ranking: RankingView;
  plan: PlanOptions;
  /** Width available to the tornado chart, in px. */
  width: number;
  onPlan: (change: Partial<PlanOptions>) => void;
  /** Training mode projects the sentence above instead. */
  projected: boolean;
  /** Training mode before the answer: the tornado and the table stay hidden. */
  secret: boolean;
}

/** Where an improvement pays off: the sentence, the step sizes, the tornado and the table. */
export function renderRanking(p: RankingProps): TemplateResult {
  const { text: s, ranking: r, plan } = p;
  const specs = planFields(s);
  const layout = layoutTornado(r.tornado, { width: p.width });
  return html`<section class="panel ranking" part="ranking" aria-labelledby="ranking-title">
    <h3 id="ranking-title">${s.rankingTitle}</h3>
    ${p.projected ? nothing : html`<p class="top-lever">${r.sentence}</p>`}
    <div class="fields row">
      ${numberField(
        p,
        specs.delta,
        plan.deltaPoints,
        (v) => v !== undefined && p.onPlan({ deltaPoints: v }),
      )}
      ${numberField(
        p,
        specs.leadsPct,
        plan.leadsPercent,
        (v) => v !== undefined && p.onPlan({ leadsPercent: v }),
      )}
      ${numberField(p, specs.costPerPoint, plan.costPerPoint, (v) => p.onPlan({ costPerPoint: v }))}
    </div>
    ${p.secret ? html`<p class="hint">${s.answerHidden}</p>` : revealed(p, layout)}
  </section>`;
}

function revealed(p: RankingProps, layout: TornadoLayout): TemplateResult {
  const { text: s, ranking: r } = p;
  return html`<div class="tornado-box">
      <div class="legend" aria-hidden="true">
        <span class="less">◀ ${s.tornadoLess}</span><span class="more">${s.tornadoMore} ▶</span>
      </div>
      ${renderTornado(layout, (v) => signedCount(v, p.lang), r.tornadoLabel)}
    </div>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${s.rankingTable}>
      <table class="levers">
        <caption class="sr-only">
          ${s.rankingTitle}
        </caption>
        <thead>
          <tr>
            <th scope="col">${s.colLever}</th>
            <th scope="col" class="change">${s.colChange}</th>
            <th scope="col">${s.colWon}</th>
            <th scope="col">${s.colRevenue}</th>
            ${r.withCost ? html`<th scope="col">${s.colReturn}</th>` : nothing}
            <th scope="col">${s.colWorse}</th>
          </tr>
        </thead>
        <tbody>
          ${r.rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.name}</th>
                <td class="change">${row.change}</td>
                <td>${row.won}</td>
                <td>${row.revenue}</td>
                ${r.withCost ? html`<td>${row.ret}</td>` : nothing}
                <td>${row.worse}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
