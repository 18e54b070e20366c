import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { formatInteger } from '../../../model/format.js';
import type { Lang } from '../../../model/types.js';
import type { Encoding } from '../../../store/import/decode.js';
import type { ImportRunner } from '../../../store/import/import-runner.js';
import type { MappedRow } from '../../../store/import/map-rows.js';
import type { ImportPlan, ImportScan, StageTarget } from '../../../store/import/plan.js';
import { MAX_IMPORT_BYTES, tooLargeMessage } from '../../../store/messages.js';
import { LazyModule, loadModule } from '../../controllers/lazy-module.js';
import { t } from '../../i18n.js';
import { loadFailed, type NoticeList } from '../panels/notices.js';
import { download } from '../panels/transfer-panel.js';
import type { ImportStepState, ImportStepView } from '../panels/import-step.js';
import { loadLaterStrings } from '../later-texts.js';
import type { PipelineStrings } from '../strings.js';
import type { BoardData } from './board-data.js';
import { failureWords } from './store-failure.js';

/** The import module: the CSV reader, the mapping, the worker and the step's panel load with the first import. */
type ImportModule = typeof import('./import-module.js');

export interface BoardImportOptions {
  data: BoardData;
  notices: NoticeList;
  strings: () => PipelineStrings;
  lang: () => Lang;
  /** Focuses the step's heading or its result once rendered. */
  focus: (selector: string) => void;
  /** Work the board's `updateComplete` waits for. */
  track: (work: Promise<void>) => void;
}

const storageKey = (pipelineId: string, source: string) =>
  `sales-funnel:import-stages:${pipelineId}:${source}`;

/**
 * The board's import step for a CSV export: the file read in a worker with progress from the
 * first byte, then the mapping (columns, stage values, undecidable date columns, a preview as
 * stored), then every row checked, then — when some rows are bad — the choice of importing the
 * valid ones (with a downloadable file of the others) or nothing, then one write. Where each
 * stage value went is remembered per pipeline and source for the next import.
 */
export class BoardImport {
  state?: ImportStepState;
  private file?: File;
  private encoding?: Encoding;
  private readonly code = new LazyModule<ImportModule>(
    // The step's texts arrive with its code, so the step never shows without its words.
    () => Promise.all([import('./import-module.js'), loadLaterStrings()]).then(([m]) => m),
    () => {},
  );
  private module?: ImportModule;
  private runner?: ImportRunner;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BoardImportOptions,
  ) {}

  private set(state: ImportStepState | undefined): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Starts the step for `file`; a file over the limit is refused before a byte is read. */
  async open(file: File): Promise<void> {
    const lang = this.options.lang();
    this.cancel();
    if (file.size > MAX_IMPORT_BYTES) {
      this.options.notices.add('error', tooLargeMessage(lang, file.size));
      return;
    }
    this.file = file;
    this.encoding = undefined;
    await this.scan();
  }

  cancel(): void {
    this.runner?.close();
    this.runner = undefined;
    this.set(undefined);
  }

  private async load(): Promise<ImportModule> {
    this.module = await loadModule(this.code);
    this.runner ??= this.module.importRunner();
    return this.module;
  }

  private async scan(): Promise<void> {
    const file = this.file!;
    this.set({ phase: 'reading', done: 0 });
    let m: ImportModule;
    try {
      m = await this.load();
    } catch (e) {
      // Offline: the step says so, and "Try again" starts it again with the same file.
      this.set(undefined);
      loadFailed(this.options.notices, this.options.strings(), e, () => this.open(file));
      return;
    }
    const outcome = await this.runner!.scan(file, this.encoding, (done) => {
      if (this.state?.phase === 'reading') this.set({ phase: 'reading', done });
    });
    if (!outcome.ok) {
      this.set({ phase: 'encoding', suggestion: outcome.suggestion, sample: outcome.sample });
      return;
    }
    const pipeline = this.options.data.pipeline!;
    const { plan, questions } = m.suggestPlan(
      outcome.scan,
      pipeline,
      this.remembered(outcome.scan),
    );
    this.set({ phase: 'mapping', scan: outcome.scan, plan, questions });
    this.options.focus('#import-step-title');
  }

  private remembered(scan: ImportScan): Record<string, StageTarget> {
    try {
      const text = globalThis.localStorage?.getItem(
        storageKey(this.options.data.pipeline!.id, scan.source),
      );
      return text ? (JSON.parse(text) as Record<string, StageTarget>) : {};
    } catch {
      return {};
    }
  }

  private remember(scan: ImportScan, plan: ImportPlan): void {
    try {
      globalThis.localStorage?.setItem(
        storageKey(this.options.data.pipeline!.id, scan.source),
        JSON.stringify(plan.stages),
      );
    } catch {
      // Storage refused (private mode, full): the next import asks again.
    }
  }

  private async check(): Promise<void> {
    const state = this.state;
    if (state?.phase !== 'mapping') return;
    const s = this.options.strings();
    const { scan, plan } = state;
    if (state.questions.some((q) => plan.dates[q.column] === undefined)) {
      this.set({ ...state, error: s.importNeedsAnswer });
      return;
    }
    if (!plan.columns.includes('title')) {
      this.set({ ...state, error: s.importNoTitle });
      return;
    }
    this.remember(scan, plan);
    this.set({ phase: 'checking', scan, plan, done: 0 });
    const rows = await this.runner!.map(
      this.file!,
      scan,
      plan,
      this.options.data.pipeline!,
      this.options.lang(),
      (done) => {
        if (this.state?.phase === 'checking') this.set({ ...this.state, done });
      },
    );
    if (rows.every((r) => r.deal)) await this.write(scan, plan, rows, false);
    else {
      this.set({ phase: 'choice', scan, plan, rows });
      this.options.focus('.import-choice');
    }
  }

  private async write(
    scan: ImportScan,
    plan: ImportPlan,
    rows: MappedRow[],
    skipping: boolean,
  ): Promise<void> {
    const { data, lang } = this.options;
    const m = await this.load();
    const good = rows.filter((r) => r.deal);
    this.set({ phase: 'saving', count: good.length });
    const resolved = m.resolvePlan(plan, scan.headers, data.pipeline!, lang());
    try {
      const result = await data.repository!.importMapped(data.pipeline!.id, {
        deals: good.map((r) => r.deal!),
        newStages: resolved.newStages,
        lines: good.map((r) => r.line),
      });
      this.set({ phase: 'done', result, ...(skipping ? { skipped: { scan, rows } } : {}) });
      this.options.focus('.import-result');
      await data.reload();
    } catch (err) {
      this.set(undefined);
      this.options.notices.add('error', { key: 'failed', values: { detail: failureWords(err) } });
    }
  }

  private downloadSkipped(scan: ImportScan, rows: MappedRow[]): void {
    const m = this.module!;
    const name = (this.file?.name ?? 'import.csv').replace(/\.[^.]*$/, '');
    download(
      `${name}-not-imported.csv`,
      m.skippedRowsCsv(scan.headers, scan.delimiter, rows, this.options.lang()),
      'text/csv',
    );
  }

  render(): TemplateResult | undefined {
    const state = this.state;
    const m = this.module;
    if (!state || !this.file || !m) return undefined;
    const s = this.options.strings();
    const lang = this.options.lang();
    const view: ImportStepView = {
      state,
      name: this.file.name,
      size: this.file.size,
      pipeline: this.options.data.pipeline!,
      strings: s,
      lang,
      count: (n) => formatInteger(n, lang),
      preview: (scan, plan) => m.previewRows(scan, plan, this.options.data.pipeline!, lang),
      notImported: (scan, plan) => m.notImported(scan, plan),
      stageCounts: (scan, plan) => m.stageCounts(scan, plan),
      sourceName: (scan) => m.SOURCE_NAMES[scan.source],
      fields: m.IMPORT_FIELDS,
      onPlan: (change) => {
        if (this.state?.phase !== 'mapping') return;
        const next = { ...this.state, plan: change(this.state.plan) };
        delete next.error;
        this.set(next);
      },
      onColumns: (columns) => {
        if (this.state?.phase !== 'mapping') return;
        const { scan } = this.state;
        const { plan, questions } = m.suggestPlan(
          scan,
          this.options.data.pipeline!,
          { ...this.remembered(scan), ...this.state.plan.stages },
          columns,
        );
        this.set({ phase: 'mapping', scan, plan, questions });
      },
      onEncoding: (encoding) => {
        this.encoding = encoding;
        this.options.track(this.scan());
      },
      onCheck: () => this.options.track(this.check()),
      onCancel: () => this.cancel(),
      onSkipBad: () => {
        if (this.state?.phase === 'choice') {
          const { scan, plan, rows } = this.state;
          this.options.track(this.write(scan, plan, rows, true));
        }
      },
      onDownloadSkipped: (scan, rows) => this.downloadSkipped(scan, rows),
      result: (r) =>
        t(s.importResult, {
          name: this.file!.name,
          added: formatInteger(r.added, lang),
          updated: formatInteger(r.updated, lang),
          unchanged: formatInteger(r.unchanged, lang),
        }),
    };
    return m.renderImportStep(view);
  }
}
