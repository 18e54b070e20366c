import { html, nothing, type TemplateResult } from 'lit';
import type { Scenario } from '../../../model/types.js';
import { MAX_STAGES } from '../../../model/validate.js';
import { t } from '../../i18n.js';
import { nameKey, rateField, scenarioFields } from '../model/field-drafts.js';
import type { ScenarioField } from '../model/scenario-edits.js';
import type { StageRow } from '../model/view-model.js';
import { errorLine, errorOf, numberField, type FieldContext } from './fields.js';

export interface InputsProps extends FieldContext {
  /** The scenario in effect (values and currency). */
  scenario: Scenario;
  stages: readonly StageRow[];
  /** Stages shown (all but while presenting). */
  revealed: number;
  selected: number;
  onField: (key: ScenarioField, value: number | undefined) => void;
  /** A rate from the slider (`exact` false) or typed in its field. */
  onRate: (index: number, rate: number, exact: boolean) => void;
  onName: (index: number, raw: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onSelect: (index: number) => void;
}

/** The ids the element moves focus to after a stage is added, removed or moved. */
export const stageIds = {
  name: (i: number) => `name-${i}`,
  up: (i: number) => `up-${i}`,
  down: (i: number) => `down-${i}`,
};

function toolButton(
  id: string,
  label: string,
  symbol: string,
  disabled: boolean,
  onClick: () => void,
  className = '',
): TemplateResult {
  return html`<button
    type="button"
    part="button"
    id=${id}
    class=${className}
    ?disabled=${disabled}
    aria-label=${label}
    title=${label}
    @click=${onClick}
  >
    ${symbol}
  </button>`;
}

function stage(p: InputsProps, row: StageRow): TemplateResult {
  const { text: s } = p;
  const i = row.index;
  const n = p.scenario.stages.length;
  const key = nameKey(i);
  const nameLabel = t(s.stageName, { n: i + 1 });
  const nameError = errorOf(p, key, nameLabel);
  const nameId = stageIds.name(i);
  const observedId = `observed-${i}`;
  const selected = i === p.selected ? 'selected' : '';
  return html`<li
    class="stage ${selected} ${row.afterSale ? 'after-sale' : ''}"
    part="stage"
    @focusin=${() => p.onSelect(i)}
  >
    <div class="stage-head">
      <span class="num" aria-hidden="true">${i + 1}</span>
      <label class="sr-only" for=${nameId}>${nameLabel}</label>
      <input
        id=${nameId}
        class="name"
        type="text"
        autocomplete="off"
        maxlength="120"
        .value=${p.drafts.text[key] ?? row.name}
        aria-invalid=${nameError ? 'true' : 'false'}
        aria-describedby=${nameError ? `${nameId}-error` : nothing}
        @input=${(e: Event) => p.onName(i, (e.target as HTMLInputElement).value)}
        @change=${() => p.onCommit(key)}
      />
      <span class="tools">
        ${toolButton(stageIds.up(i), t(s.moveUp, { stage: row.label }), '↑', i === 0, () =>
          p.onMove(i, -1),
        )}
        ${toolButton(stageIds.down(i), t(s.moveDown, { stage: row.label }), '↓', i === n - 1, () =>
          p.onMove(i, 1),
        )}
        ${toolButton(
          `remove-${i}`,
          t(s.removeStage, { stage: row.label }),
          '✕',
          n <= 1,
          () => p.onRemove(i),
          'remove',
        )}
      </span>
    </div>
    ${errorLine(`${nameId}-error`, nameError)}
    <div class="rate">
      <input
        id="slider-${i}"
        class="slider"
        type="range"
        min="0"
        max="100"
        step="0.5"
        .value=${String(row.rate * 100)}
        aria-label=${t(s.stageRate, { stage: row.label })}
        aria-valuetext=${row.valueText}
        aria-describedby=${row.observed ? observedId : nothing}
        @input=${(e: Event) => p.onRate(i, Number((e.target as HTMLInputElement).value) / 100, false)}
      />
      ${numberField(
        p,
        rateField(i, row.label, s),
        row.rate,
        (v) => v !== undefined && p.onRate(i, v, true),
        'exact',
      )}
      ${row.observed ? html`<p class="observed" id=${observedId}>${row.observed}</p>` : nothing}
    </div>
  </li>`;
}

/** Lead volume, money, margin and repeat rate, then the stages with their rates. */
export function renderInputs(p: InputsProps): TemplateResult {
  const { text: s, scenario: c } = p;
  const specs = scenarioFields(s, c.currency);
  const field = (key: ScenarioField) =>
    numberField(p, specs[key], c[key], (v) => p.onField(key, v));
  return html`<section class="panel inputs" part="inputs" aria-labelledby="inputs-title">
    <h3 id="inputs-title">${s.inputsTitle}</h3>
    <div class="fields">
      ${field('leads')} ${field('dealValue')} ${field('costPerLead')} ${field('spend')}
      <p class="hint">${s.costsHint}</p>
      ${field('margin')} ${field('repeatRate')}
    </div>
    <h3 id="stages-title">${s.stagesTitle}</h3>
    <ol class="stages" aria-labelledby="stages-title">
      ${p.stages.slice(0, p.revealed).map((row) => stage(p, row))}
    </ol>
    <button
      type="button"
      part="button"
      class="add"
      ?disabled=${c.stages.length >= MAX_STAGES}
      @click=${p.onAdd}
    >
      + ${s.addStage}
    </button>
  </section>`;
}
