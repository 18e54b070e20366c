import { html, nothing, type TemplateResult } from 'lit';
import { pickText } from '../../../model/format.js';
import type { Lang, Pipeline } from '../../../model/types.js';
import type { Encoding } from '../../../store/import/decode.js';
import type { ColumnUse, ImportField } from '../../../store/import/layouts.js';
import type { MappedRow } from '../../../store/import/map-rows.js';
import type {
  DateQuestion,
  ImportPlan,
  ImportScan,
  StageTarget,
} from '../../../store/import/plan.js';
import type { MappedImportResult } from '../../../store/repository.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The import step as a person goes through it: a progress bar from the first byte, the
 * encoding question, the mapping (a select per column, a select per stage value, a question
 * per undecidable date column, the first rows as stored), the check's result with the choice,
 * and what was written.
 */

/** Where the step is, and what it holds there. */
export type ImportStepState =
  | { phase: 'reading'; done: number }
  | { phase: 'encoding'; suggestion: Encoding; sample: string }
  | {
      phase: 'mapping';
      scan: ImportScan;
      plan: ImportPlan;
      questions: DateQuestion[];
      error?: string;
    }
  | { phase: 'checking'; scan: ImportScan; plan: ImportPlan; done: number }
  | { phase: 'choice'; scan: ImportScan; plan: ImportPlan; rows: MappedRow[] }
  | { phase: 'saving'; count: number }
  | {
      phase: 'done';
      result: MappedImportResult;
      skipped?: { scan: ImportScan; rows: MappedRow[] };
    };

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
};

export interface ImportStepView {
  state: ImportStepState;
  name: string;
  size: number;
  pipeline: Pipeline;
  strings: PipelineStrings;
  lang: Lang;
  count: (n: number) => string;
  preview: (
    scan: ImportScan,
    plan: ImportPlan,
  ) => { line: number; cells?: string[]; problem?: string }[];
  notImported: (scan: ImportScan, plan: ImportPlan) => string[];
  stageCounts: (scan: ImportScan, plan: ImportPlan) => Map<string, number>;
  /** The CRM the file's layout is of; empty for a spreadsheet of its own. */
  sourceName: (scan: ImportScan) => string;
  /** The fields a column can fill, in the order `importFieldNames` names them. */
  fields: readonly ImportField[];
  /** A change to the plan, applied to the plan of the moment. */
  onPlan: (change: (plan: ImportPlan) => ImportPlan) => void;
  onColumns: (columns: (ColumnUse | null)[]) => void;
  onEncoding: (encoding: Encoding) => void;
  onCheck: () => void;
  onCancel: () => void;
  onSkipBad: () => void;
  onDownloadSkipped: (scan: ImportScan, rows: MappedRow[]) => void;
  result: (r: MappedImportResult) => string;
}

export function renderImportStep(view: ImportStepView): TemplateResult {
  const { state, strings: s } = view;
  return html`<section class="import-step" part="import-step" aria-labelledby="import-step-title">
    <h3 id="import-step-title" tabindex="-1">${t(s.importStepTitle, { name: view.name })}</h3>
    ${body(view, state)}
    ${
      state.phase === 'done'
        ? nothing
        : html`<button type="button" part="button" @click=${view.onCancel}>
            ${s.importCancel}
          </button>`
    }
  </section>`;
}

function progress(label: string, done: number, total: number): TemplateResult {
  return html`<div role="status">
    <span>${label}</span>
    <progress max=${total || 1} .value=${done} aria-label=${label}></progress>
  </div>`;
}

function body(view: ImportStepView, state: ImportStepState): TemplateResult | typeof nothing {
  const { strings: s, count } = view;
  switch (state.phase) {
    case 'reading':
      return progress(
        t(s.importReading, { name: view.name, done: count(state.done), total: count(view.size) }),
        state.done,
        view.size,
      );
    case 'encoding': {
      const encoding = ENCODING_NAMES[state.suggestion];
      return html`<p role="alert" part="error">
          ${t(s.importNotUtf8, { encoding, sample: state.sample })}
        </p>
        <button
          type="button"
          part="button"
          class="primary"
          @click=${() => view.onEncoding(state.suggestion)}
        >
          ${t(s.importAsEncoding, { encoding })}
        </button>`;
    }
    case 'mapping':
      return mapping(view, state);
    case 'checking':
      return progress(
        t(s.importChecking, { name: view.name, done: count(state.done), total: count(view.size) }),
        state.done,
        view.size,
      );
    case 'choice':
      return choice(view, state.scan, state.rows);
    case 'saving':
      return progress(t(s.importSaving, { count: count(state.count) }), 0, 0);
    case 'done':
      return html`<div class="import-result" role="status" tabindex="-1">
        <p>${view.result(state.result)}</p>
        ${
          state.skipped
            ? html`<p>
                  ${t(s.importResultSkipped, {
                    bad: count(state.skipped.rows.filter((r) => !r.deal).length),
                  })}
                </p>
                ${downloadButton(view, state.skipped.scan, state.skipped.rows)}`
            : nothing
        }
      </div>`;
  }
}

function downloadButton(view: ImportStepView, scan: ImportScan, rows: MappedRow[]): TemplateResult {
  const bad = rows.filter((r) => !r.deal).length;
  return html`<button
    type="button"
    part="button"
    @click=${() => view.onDownloadSkipped(scan, rows)}
  >
    ${t(view.strings.importDownloadSkipped, { bad: view.count(bad) })}
  </button>`;
}

function useLabel(view: ImportStepView, use: ColumnUse): string {
  const s = view.strings;
  if (use.startsWith('entered:')) return t(s.importEnteredStage, { stage: use.slice(8) });
  const names = s.importFieldNames.split('|');
  return names[view.fields.indexOf(use as ImportField)] ?? use;
}

function mapping(
  view: ImportStepView,
  state: Extract<ImportStepState, { phase: 'mapping' }>,
): TemplateResult {
  const { strings: s, lang, pipeline } = view;
  const { scan, plan, questions } = state;
  const source = view.sourceName(scan);
  const rows = view.count(scan.rows);
  const skipped = view.notImported(scan, plan);
  const counts = view.stageCounts(scan, plan);
  const setColumn = (i: number, value: string) => {
    const columns = [...plan.columns];
    const use = value === '' ? null : (value as ColumnUse);
    // A field goes to one column: the column that had it gives it up.
    if (use && !use.startsWith('entered:'))
      columns.forEach((c, j) => c === use && (columns[j] = null));
    columns[i] = use;
    view.onColumns(columns);
  };
  const setStage = (value: string, target: string) => {
    const next: StageTarget =
      target === 'won' || target === 'lost'
        ? { kind: target }
        : target === 'new'
          ? { kind: 'new', name: value }
          : { kind: 'stage', stageId: target.slice('stage:'.length) };
    view.onPlan((p) => ({ ...p, stages: { ...p.stages, [value]: next } }));
  };
  const stageKey = (t: StageTarget) => (t.kind === 'stage' ? `stage:${t.stageId}` : t.kind);
  return html`
    <p>${source ? t(s.importRecognised, { source, rows }) : t(s.importRows, { rows })}</p>
    <table class="import-columns">
      <caption>
        ${s.importColumns}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.importColumnHeader}</th>
          <th scope="col">${s.importColumnExample}</th>
          <th scope="col">${s.importColumnUse}</th>
        </tr>
      </thead>
      <tbody>
        ${scan.headers.map((header, i) => {
          const use = plan.columns[i] ?? null;
          const options: ColumnUse[] = use?.startsWith('entered:')
            ? [use, ...view.fields]
            : [...view.fields];
          return html`<tr>
            <th scope="row">${header}</th>
            <td>${scan.sample[0]?.cells[i] ?? ''}</td>
            <td>
              <select
                aria-label=${t(s.importColumnLabel, { header })}
                @change=${(e: Event) => setColumn(i, (e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${use === null}>${s.importNotImported}</option>
                ${options.map(
                  (o) =>
                    html`<option value=${o} ?selected=${o === use}>${useLabel(view, o)}</option>`,
                )}
              </select>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      skipped.length
        ? html`<p class="not-imported">
            ${t(s.importNotImportedList, { columns: skipped.join(', ') })}
          </p>`
        : nothing
    }
    ${
      Object.keys(plan.stages).length
        ? html`<fieldset class="import-stages">
            <legend>${s.importStages}</legend>
            ${Object.entries(plan.stages).map(([value, target]) => {
              const label = t(s.importStageLabel, {
                value,
                count: view.count(counts.get(value) ?? 0),
              });
              const key = stageKey(target);
              return html`<label
                >${label}
                <select
                  @change=${(e: Event) => setStage(value, (e.target as HTMLSelectElement).value)}
                >
                  ${pipeline.stages.map(
                    (st) =>
                      html`<option value="stage:${st.id}" ?selected=${key === `stage:${st.id}`}>
                        ${pickText(st.names, lang, st.name)}
                      </option>`,
                  )}
                  <option value="won" ?selected=${key === 'won'}>${s.importStageWon}</option>
                  <option value="lost" ?selected=${key === 'lost'}>${s.importStageLost}</option>
                  <option value="new" ?selected=${key === 'new'}>
                    ${t(s.importStageNew, { name: target.kind === 'new' ? target.name : value })}
                  </option>
                </select></label
              >`;
            })}
          </fieldset>`
        : nothing
    }
    ${questions.map(
      (q) =>
        html`<fieldset class="import-question">
          <legend>${t(s.importDateQuestion, { header: q.header, example: q.example })}</legend>
          ${(['dmy', 'mdy'] as const).map(
            (f) =>
              html`<label
                ><input
                  type="radio"
                  name="date-${q.column}"
                  .checked=${plan.dates[q.column] === f}
                  @change=${() => view.onPlan((p) => ({ ...p, dates: { ...p.dates, [q.column]: f } }))}
                />
                ${f === 'dmy' ? s.importDayMonth : s.importMonthDay}</label
              >`,
          )}
        </fieldset>`,
    )}
    ${questions.some((q) => plan.dates[q.column] === undefined) ? nothing : preview(view, scan, plan)}
    ${state.error ? html`<p role="alert" part="error">${state.error}</p>` : nothing}
    <button type="button" part="button" class="primary" @click=${view.onCheck}>
      ${s.importCheck}
    </button>
  `;
}

function preview(view: ImportStepView, scan: ImportScan, plan: ImportPlan): TemplateResult {
  const s = view.strings;
  const names = s.importFieldNames.split('|');
  const heads = [names[0], names[1], names[3], names[11], names[6], names[5]];
  return html`<table class="import-preview">
    <caption>
      ${s.importPreview}
    </caption>
    <thead>
      <tr>
        <th scope="col">#</th>
        ${heads.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${view.preview(scan, plan).map(
        (r) =>
          html`<tr>
            <th scope="row">${r.line}</th>
            ${
              r.cells
                ? r.cells.map((c) => html`<td>${c}</td>`)
                : html`<td colspan="6" part="error">${r.problem}</td>`
            }
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function choice(view: ImportStepView, scan: ImportScan, rows: MappedRow[]): TemplateResult {
  const { strings: s, count } = view;
  const bad = rows.filter((r) => !r.deal);
  const good = rows.length - bad.length;
  const params = { good: count(good), bad: count(bad.length) };
  return html`<div class="import-choice" role="alert" tabindex="-1">
    <p>${t(s.importSomeBad, params)}</p>
    <ul>
      ${bad
        .slice(0, 10)
        .flatMap((r) =>
          r.problems.map(
            (p) =>
              html`<li><strong>${t(s.importRowError, { row: r.line })}</strong>: ${p.message}</li>`,
          ),
        )}
    </ul>
    ${bad.length > 10 ? html`<p>${t(s.moreErrors, { count: count(bad.length - 10) })}</p>` : nothing}
    ${
      good
        ? html`<button type="button" part="button" class="primary" @click=${view.onSkipBad}>
            ${t(s.importSkipBad, params)}
          </button>`
        : nothing
    }
    <button type="button" part="button" @click=${view.onCancel}>${s.importNothing}</button>
    ${downloadButton(view, scan, rows)}
  </div>`;
}
