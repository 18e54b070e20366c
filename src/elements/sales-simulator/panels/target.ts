import { html, type TemplateResult } from 'lit';
import type { Scenario } from '../../../model/types.js';
import { planFields } from '../model/field-drafts.js';
import type { TargetOptions, TargetView } from '../model/view-model.js';
import { numberField, type FieldContext } from './fields.js';

export interface TargetProps extends FieldContext {
  /** The scenario with its stage names in the language of the moment. */
  scenario: Scenario;
  target: TargetView;
  kind: TargetOptions['kind'];
  /** Stages shown (all but while presenting): the stage picker offers only those. */
  revealed: number;
  onKind: (kind: TargetOptions['kind']) => void;
  onValue: (value: number | undefined) => void;
  onStage: (index: number) => void;
}

/** The leads a target needs, expected and at 90 %, and the rate one stage alone would need. */
export function renderTarget(p: TargetProps): TemplateResult {
  const { text: s, target: r, scenario } = p;
  return html`<section class="panel target" part="target" aria-labelledby="target-title">
    <h3 id="target-title">${s.targetTitle}</h3>
    <div class="fields row">
      <div class="field">
        <label for="target-kind">${s.targetKind}</label>
        <select
          id="target-kind"
          @change=${(e: Event) =>
            p.onKind((e.target as HTMLSelectElement).value === 'revenue' ? 'revenue' : 'won')}
        >
          <option value="won" ?selected=${p.kind === 'won'}>${s.targetWon}</option>
          <option value="revenue" ?selected=${p.kind === 'revenue'}>
            ${s.targetRevenue} (${scenario.currency})
          </option>
        </select>
      </div>
      ${numberField(p, planFields(s).target, r.goal, p.onValue)}
    </div>
    <div class="target-out">
      ${
        r.reachable
          ? html`<p class="leads-expected">${r.expected}</p>
              <p class="leads-confident">${r.confident}</p>`
          : html`<p class="leads-expected">${s.targetUnreachable}</p>`
      }
    </div>
    <div class="field">
      <label for="target-stage">${s.targetStage}</label>
      <select
        id="target-stage"
        @change=${(e: Event) => p.onStage(Number((e.target as HTMLSelectElement).value))}
      >
        ${scenario.stages
          .slice(0, p.revealed)
          .map((st, i) => html`<option value=${i} ?selected=${i === r.stage}>${st.name}</option>`)}
      </select>
    </div>
    <p class="rate-needed">${r.stageText}</p>
  </section>`;
}
