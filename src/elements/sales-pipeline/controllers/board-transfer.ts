import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { formatInteger } from '../../../model/format.js';
import type { Lang } from '../../../model/types.js';
import { StoreError } from '../../../store/errors.js';
import type { PipelineExport } from '../../../store/records.js';
import type { ImportProgress } from '../../../store/repository.js';
import { LazyModule, loadModule } from '../../controllers/lazy-module.js';
import { t } from '../../i18n.js';
import type { BoardData } from './board-data.js';
import type { Modal } from './board-dialogs.js';
import { loadFailed, type NoticeList } from '../panels/notices.js';
import type { PipelineStrings } from '../strings.js';
import {
  download,
  isJsonFile,
  renderTransferPanel,
  type ImportReport,
  type ImportState,
} from '../panels/transfer-panel.js';

/** The CSV reader and writer and the JSON file's reader, loaded with the first file. */
type TransferModule = typeof import('./transfer-module.js');

/** `<pipeline-id>-YYYY-MM-DD.<ext>`, the day in the person's own time zone. */
export function exportName(pipelineId: string, ext: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${pipelineId}-${day}.${ext}`;
}

export interface BoardTransferOptions {
  data: BoardData;
  notices: NoticeList;
  strings: () => PipelineStrings;
  lang: () => Lang;
  /** Asks "are you sure?" before `run`. */
  confirm: (modal: Extract<Modal, { kind: 'confirm' }>) => void;
  /** Focuses what an import ends with (its message, or its report) once rendered. */
  focusResult: (selector: string) => void;
  /** A storage failure outside an import (exporting JSON). */
  fail: (e: unknown) => void;
}

/**
 * Files in and out of the board: a CSV of deals imported all at once (or not at all, with
 * every bad row listed), a JSON pipeline file that replaces the board's pipeline after a
 * confirmation, the progress of either, and CSV and JSON downloads. The CSV and file code loads
 * with the first file in or out; the progress shows from the moment the file is chosen.
 */
export class BoardTransfer {
  private state?: ImportState;
  private failure?: ImportReport;
  private readonly module = new LazyModule<TransferModule>(
    () => import('./transfer-module.js'),
    () => {},
  );

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BoardTransferOptions,
  ) {}

  /** An import (or the sample) under way, and how far it got. */
  get importing(): ImportState | undefined {
    return this.state;
  }

  set importing(state: ImportState | undefined) {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Imports a CSV of deals, or a JSON pipeline file (which replaces this board's pipeline). */
  async importFile(file: File): Promise<void> {
    const { data, strings, lang } = this.options;
    const repo = data.repository;
    const pipeline = data.pipeline;
    if (!repo || !pipeline) return;
    const s = strings();
    const name = file.name;
    const count = (n: number) => formatInteger(n, lang());
    const onProgress = (progress: ImportProgress) => (this.importing = { name, progress });
    this.showReport(undefined);
    this.importing = { name };
    const m = await this.load(() => this.importFile(file));
    if (!m) return;
    if (!isJsonFile(file)) {
      try {
        const deals = await m.importCsv(repo, pipeline.id, file, { lang: lang(), onProgress });
        await this.imported(t(s.imported, { count: count(deals.length), name }));
      } catch (err) {
        this.failed(name, err);
      }
      return;
    }
    let content: PipelineExport;
    try {
      content = await m.readPipelineFile(file, lang());
    } catch (err) {
      this.failed(name, err);
      return;
    }
    this.importing = undefined;
    const deals = Array.isArray(content?.deals) ? content.deals.length : 0;
    this.options.confirm({
      kind: 'confirm',
      title: s.importReplace,
      text: t(s.importReplaceConfirm, { name, count: count(deals) }),
      run: async () => {
        this.importing = { name };
        try {
          // The file's pipeline becomes this board's, whatever id it had where it came from.
          const own =
            content?.pipeline && typeof content.pipeline === 'object'
              ? { ...content, pipeline: { ...content.pipeline, id: pipeline.id } }
              : content;
          await repo.importPipeline(own, { replace: true, onProgress });
          await this.imported(t(s.imported, { count: count(deals), name }));
        } catch (err) {
          this.failed(name, err);
        }
      },
    });
  }

  async exportCsv(): Promise<void> {
    const { data, lang } = this.options;
    if (!data.pipeline) return;
    const m = await this.load(() => this.exportCsv());
    if (!m) return;
    // The board as it is once the writer has arrived.
    const pipeline = data.pipeline;
    if (!pipeline) return;
    try {
      download(
        exportName(pipeline.id, 'csv'),
        m.dealsToCsv(pipeline, data.deals, { lang: lang() }),
        'text/csv',
      );
    } catch (e) {
      this.options.fail(e);
    }
  }

  async exportJson(): Promise<void> {
    const { data } = this.options;
    const repo = data.repository;
    const pipeline = data.pipeline;
    if (!repo || !pipeline) return;
    try {
      const content = await repo.exportPipeline(pipeline.id);
      download(
        exportName(pipeline.id, 'json'),
        JSON.stringify(content, null, 2),
        'application/json',
      );
    } catch (e) {
      this.options.fail(e);
    }
  }

  render(): TemplateResult {
    return renderTransferPanel({
      importing: this.state,
      report: this.failure,
      strings: this.options.strings(),
      lang: this.options.lang(),
      onDismissReport: () => {
        this.showReport(undefined);
        // The report and its button are gone: the focus goes back to what opened the import.
        this.options.focusResult('button.import-file');
      },
    });
  }

  /** The file code; offline, `undefined` once a notice says so, whose "Try again" runs `again`. */
  private async load(again: () => Promise<void>): Promise<TransferModule | undefined> {
    try {
      return await loadModule(this.module);
    } catch (e) {
      this.importing = undefined;
      loadFailed(this.options.notices, this.options.strings(), e, again);
      return undefined;
    }
  }

  private showReport(report: ImportReport | undefined): void {
    this.failure = report;
    this.host.requestUpdate();
  }

  /** A good import: its message takes the focus (which reads it out), then the board reloads. */
  private async imported(text: string): Promise<void> {
    this.importing = undefined;
    const { notice } = this.options.notices.add('info', text);
    this.options.focusResult(`[data-notice="${notice.id}"]`);
    await this.options.data.reload();
  }

  /** A refused import: every bad row listed, or the one reason. */
  private failed(name: string, err: unknown): void {
    this.importing = undefined;
    if (err instanceof StoreError && err.details.length) {
      this.showReport({ name, errors: err.details });
    } else if (err instanceof StoreError && err.code === 'quota') {
      this.options.notices.add('quota', { key: 'quota' });
      return;
    } else {
      const message = err instanceof Error ? err.message : String(err);
      this.showReport({ name, errors: [{ field: '', code: 'failed', message }] });
    }
    // The report is an alert and takes the focus, so the rows can be read one by one.
    this.options.focusResult('.import-errors');
  }
}
