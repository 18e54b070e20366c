import { html, type TemplateResult } from 'lit';
import type { ScenarioEditor } from '../controllers/scenario-editor.js';
import * as drafts from '../model/field-drafts.js';
import type { PresentingState } from '../model/presenting.js';
import type { PlanOptions, SimulatorView, TargetOptions } from '../model/view-model.js';
import type { FieldContext } from './fields.js';
import { renderInputs } from './inputs.js';
import { renderRanking } from './ranking.js';
import { renderResults, type ResultsProps } from './results.js';
import { renderTarget } from './target.js';

export interface EditingProps {
  fields: FieldContext;
  editor: ScenarioEditor;
  view: SimulatorView;
  shown: PresentingState;
  results: ResultsProps;
  target: TargetOptions;
  onTarget: (target: TargetOptions) => void;
  plan: PlanOptions;
  onPlan: (plan: PlanOptions) => void;
  /** Width available to the tornado chart, in px. */
  width: number;
  /** The saved-scenarios panel. */
  saved: TemplateResult;
}

/** Everything that can be changed: inputs, target, results, ranking, saved scenarios. */
export function renderEditing(p: EditingProps): TemplateResult {
  const { fields, editor, view: v, shown, target, plan, results } = p;
  return html`<div class="grid">
    <div class="col">
      ${renderInputs({
        ...fields,
        scenario: editor.current,
        stages: v.stages,
        revealed: shown.revealed,
        selected: shown.selected,
        onField: (key, value) => editor.setField(key, value),
        onRate: (i, rate, exact) => editor.setRate(i, rate, exact),
        onName: (i, raw) => editor.rename(i, raw),
        onAdd: () => editor.addStage(),
        onRemove: (i) => editor.removeStage(i),
        onMove: (i, by) => editor.moveStage(i, by),
        onSelect: (i) => editor.select(i),
      })}
      ${renderTarget({
        ...fields,
        scenario: v.scenario,
        revealed: shown.revealed,
        target: v.target,
        kind: target.kind,
        onKind: (kind) => {
          p.onTarget({ ...target, kind, value: undefined });
          editor.draft((d) => drafts.cleared(d, 'target'));
        },
        onValue: (value) => p.onTarget({ ...target, value }),
        onStage: (stage) => p.onTarget({ ...target, stage }),
      })}
    </div>
    <div class="col">
      ${renderResults(results)}
      ${renderRanking({
        ...fields,
        projected: results.projected,
        secret: results.secret,
        ranking: v.ranking,
        plan,
        width: p.width,
        onPlan: (change) => p.onPlan({ ...plan, ...change }),
      })}
    </div>
    ${p.saved}
  </div>`;
}
