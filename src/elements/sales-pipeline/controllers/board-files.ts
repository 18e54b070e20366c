import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { SAMPLE_DEALS } from '../../../analytics/sample.js';
import type { Lang } from '../../../model/types.js';
import { t } from '../../i18n.js';
import type { NoticeList } from '../panels/notices.js';
import { isJsonFile } from '../panels/transfer-panel.js';
import type { PipelineStrings } from '../strings.js';
import type { BoardData } from './board-data.js';
import type { Modal } from './board-dialogs.js';
import { BoardImport } from './board-import.js';
import { BoardTransfer } from './board-transfer.js';
import type { PendingWork } from './pending-work.js';

export interface BoardFilesOptions {
  data: BoardData;
  notices: NoticeList;
  work: PendingWork;
  strings: () => PipelineStrings;
  lang: () => Lang;
  show: (modal: Extract<Modal, { kind: 'confirm' }>) => void;
  /** Focuses what `selector` finds once it is rendered. */
  focus: (selector: string) => void;
  announce: (text: string) => void;
  fail: (e: unknown) => void;
  reload: () => Promise<void>;
}

/**
 * What comes into the board from files and what goes out: the file picker (a CSV export goes
 * through the import step, a pipeline file is imported as it is), the CSV and JSON downloads,
 * and the sample pipeline.
 */
export class BoardFiles {
  readonly transfer: BoardTransfer;
  readonly importStep: BoardImport;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: BoardFilesOptions,
  ) {
    const { data, notices, strings, lang, focus, work } = options;
    this.transfer = new BoardTransfer(host, {
      data,
      notices,
      strings,
      lang,
      confirm: (modal) => options.show(modal),
      focusResult: focus,
      fail: options.fail,
    });
    this.importStep = new BoardImport(host, {
      data,
      notices,
      strings,
      lang,
      focus,
      track: (w) => void work.track(w),
    });
  }

  get importing(): boolean {
    return Boolean(this.transfer.importing);
  }

  /** A file the person chose: a CSV export goes through the mapping step, a pipeline file is imported as it is. */
  take(file: File): Promise<void> {
    return isJsonFile(file)
      ? this.importFile(file)
      : this.options.work.track(this.importStep.open(file));
  }

  importFile(file: File): Promise<void> {
    return this.options.work.track(this.transfer.importFile(file));
  }

  exportCsv(): void {
    void this.options.work.track(this.transfer.exportCsv());
  }

  exportJson(): void {
    void this.options.work.track(this.transfer.exportJson());
  }

  confirmSample(): void {
    const s = this.options.strings();
    this.options.show({
      kind: 'confirm',
      title: s.loadSample,
      text: t(s.sampleConfirm, { count: SAMPLE_DEALS }),
      run: () => this.loadSample(),
    });
  }

  /** See `SalesPipeline.loadSample`. */
  async loadSample(options: { deals?: number; seed?: number; now?: number } = {}): Promise<void> {
    const { data, strings, lang } = this.options;
    const repo = data.repository;
    const pipeline = data.pipeline;
    if (!repo || !pipeline) return;
    try {
      this.transfer.importing = { name: strings().loadSample };
      const { loaded, kept } = await repo.loadSample(pipeline.id, {
        ...options,
        lang: lang(),
        onProgress: (progress) => (this.transfer.importing = { name: '', progress }),
      });
      this.transfer.importing = undefined;
      const s = strings();
      const keptNote = kept ? ` ${t(s.sampleKept, { kept })}` : '';
      this.options.announce(t(s.sampleLoaded, { count: loaded }) + keptNote);
      await this.options.reload();
    } catch (e) {
      this.transfer.importing = undefined;
      this.options.fail(e);
    }
  }

  /** The progress or result of a transfer, and the import step. */
  render(): (TemplateResult | undefined)[] {
    return [this.transfer.render(), this.importStep.render()];
  }
}
