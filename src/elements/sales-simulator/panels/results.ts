import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Lang, Scenario, StageCount } from '../../../model/types.js';
import type { Theme } from '../../attributes.js';
import type { BandBar, BandView } from '../model/band.js';
import type { SimulatorStrings } from '../strings.js';
import type { Figure, SimulatorView } from '../model/view-model.js';

export interface ResultsProps {
  text: SimulatorStrings;
  lang: Lang;
  view: SimulatorView;
  band: BandView;
  /** What the embedded funnel draws. */
  funnel: {
    scenario?: Scenario;
    stages?: StageCount[];
    compare?: Scenario | StageCount[];
    payoffPoints: number;
    noPayoff: boolean;
    theme?: Theme;
  };
  presets: readonly { id: string; title: string }[];
  /** Some field cannot be read: the results are those of the last valid values, and say so. */
  notUpdated?: string;
  /** Training mode: the figures and the funnel are projected above, not shown here. */
  projected: boolean;
  /** Training mode before the answer: the band and the diagnosis stay hidden. */
  secret: boolean;
  onBackToBaseline: () => void;
  onMakeBaseline: () => void;
  onBenchmark: (id: string) => void;
}

/** A headline figure with its change from the baseline. */
export function figure(f: Figure): TemplateResult {
  return html`<div class="metric" part="metric" data-metric=${f.id}>
    <dt class="label">${f.label}</dt>
    <dd class="value">${f.value}</dd>
    ${f.delta ? html`<dd class="delta ${f.delta.direction}">${f.delta.text}</dd>` : nothing}
  </div>`;
}

function bar(b: BandBar | undefined): TemplateResult | typeof nothing {
  if (!b) return nothing;
  return html`<svg
    class="band-bar"
    viewBox="0 0 100 10"
    preserveAspectRatio="none"
    aria-hidden="true"
  >
    ${svg`<rect class="track" x="0" y="3" width="100" height="4" rx="2"></rect>
      <rect class="range" x=${b.from} y="1" width=${b.width} height="8" rx="2"></rect>
      <line class="mean" x1=${b.mark} x2=${b.mark} y1="0" y2="10"></line>`}
  </svg>`;
}

function band(p: ResultsProps): TemplateResult {
  const { band: b, text: s } = p;
  return html`<div
    class="band ${b.stale ? 'stale' : ''}"
    role="group"
    aria-labelledby="band-title"
    aria-busy=${b.stale ? 'true' : 'false'}
  >
    <h4 id="band-title">${s.bandTitle}</h4>
    ${b.won ? html`<p class="band-won">${b.won}</p>` : nothing} ${bar(b.wonBar)}
    ${b.revenue ? html`<p class="band-revenue">${b.revenue}</p>` : nothing} ${bar(b.revenueBar)}
    ${b.skew ? html`<p class="hint band-skew">${b.skew}</p>` : nothing}
    ${b.note ? html`<p class="hint">${b.note}</p>` : nothing}
    ${b.computing ? html`<p class="hint computing">${b.computing}</p>` : nothing}
    ${b.error ? html`<p class="error" part="error">${b.error}</p>` : nothing}
  </div>`;
}

function diagnosis(p: ResultsProps): TemplateResult {
  const { text: s, view } = p;
  const d = view.diagnosis;
  return html`<div class="diagnosis">
    <h4>${s.diagnosisTitle}</h4>
    <label class="inline">
      <span>${s.benchmarkLabel}</span>
      <select @change=${(e: Event) => p.onBenchmark((e.target as HTMLSelectElement).value)}>
        ${p.presets.map(
          (o) => html`<option value=${o.id} ?selected=${o.id === d.benchmark}>${o.title}</option>`,
        )}
      </select>
    </label>
    <p class="diagnosis-text ${d.onPar ? 'ok' : ''}">${d.message}</p>
  </div>`;
}

/** The embedded funnel, drawing the scenario against its baseline. */
export function renderFunnel(funnel: ResultsProps['funnel'], text: SimulatorStrings) {
  return html`<sales-funnel
    part="funnel"
    .scenario=${funnel.scenario}
    .stages=${funnel.stages}
    .compare=${funnel.compare}
    .compareLabel=${text.baselineLabel}
    .payoffPoints=${funnel.payoffPoints}
    .noPayoff=${funnel.noPayoff}
    .theme=${funnel.theme}
  ></sales-funnel>`;
}

/** The headline figures against the baseline, the funnel, the band and the diagnosis. */
export function renderResults(p: ResultsProps): TemplateResult {
  const { text: s, view, funnel } = p;
  return html`<section class="panel results" part="results" aria-labelledby="results-title">
    <div class="results-head">
      <h3 id="results-title">${s.resultsTitle}</h3>
      <span class="buttons">
        <button type="button" part="button" ?disabled=${!view.changed} @click=${p.onBackToBaseline}>
          ${s.backToBaseline}
        </button>
        <button type="button" part="button" ?disabled=${!view.changed} @click=${p.onMakeBaseline}>
          ${s.makeBaseline}
        </button>
      </span>
    </div>
    ${p.notUpdated ? html`<p class="not-updated">${p.notUpdated}</p>` : nothing}
    ${
      p.projected
        ? nothing
        : html`<dl class="metrics ${p.notUpdated ? 'not-updated' : ''}">
              ${view.figures.map(figure)}
            </dl>
            ${renderFunnel(funnel, s)}`
    }
    ${p.secret ? nothing : html`${band(p)} ${diagnosis(p)}`}
  </section>`;
}
