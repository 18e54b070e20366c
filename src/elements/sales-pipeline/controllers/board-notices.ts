import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Lang } from '../../../model/types.js';
import type { ErrorReporter } from '../../controllers/error-reporter.js';
import { laterStrings, laterStringsFailed, loadLaterStrings } from '../later-texts.js';
import { NoticeList, loadFailed, renderNotices, word, type Words } from '../panels/notices.js';
import type { PipelineStrings } from '../strings.js';
import type { BoardData } from './board-data.js';
import type { PendingWork } from './pending-work.js';

export interface BoardNoticesOptions {
  data: BoardData;
  reporter: ErrorReporter;
  work: PendingWork;
  strings: () => PipelineStrings;
  lang: () => Lang;
  announce: (text: string) => void;
}

/**
 * The notices above the board and the words they need. Most of those words (the failures', the
 * connection's) are later texts: they are fetched with the first notice that needs them, so a
 * first screen never loads them; once a fetch failed, only "Try again" fetches them again. The
 * board updates once a fetch has ended.
 */
export class BoardNotices implements ReactiveController {
  /** The dismissable notices, given to every part of the board that raises one. */
  readonly list: NoticeList;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BoardNoticesOptions,
  ) {
    this.list = new NoticeList(host, () => this.needWords());
    host.addController(this);
  }

  hostUpdate(): void {
    // The words of the connection's and the memory-only notices arrive with the first of them.
    const { data } = this.options;
    if (data.connection !== 'ok' || data.repository?.persistent === false) this.needWords();
  }

  /** An info notice, read out once its words have arrived. */
  info(text: Words): void {
    if (!this.list.add('info', text).added) return;
    void this.fetchWords().then(() => {
      const said = word(text, this.options.strings());
      if (said) this.options.announce(said);
    });
  }

  /** A part of the board did not arrive (offline): said once; its "Try again" runs `again`. */
  loadFailed(cause: unknown, again: () => unknown): void {
    loadFailed(this.list, this.options.strings(), cause, again);
  }

  render(): TemplateResult {
    const { data, reporter, work } = this.options;
    const repo = data.repository;
    return renderNotices({
      memoryOnly: Boolean(repo && !repo.persistent),
      connection: data.connection,
      problems: reporter.problems,
      notices: this.list.items,
      strings: this.options.strings(),
      onReload: () => location.reload(),
      onRetry: () => void work.track(data.retry()),
      onDismiss: (n) => this.list.dismiss(n),
      onRetryNotice: (n) => {
        this.list.dismiss(n);
        void work.track(Promise.resolve(n.retry?.()));
      },
      onRetryWords: laterStringsFailed() ? () => void this.fetchWords() : undefined,
    });
  }

  /** Fetches the later texts for a notice that needs them, unless a fetch already failed. */
  private needWords(): void {
    if (!laterStrings(this.options.lang()) && !laterStringsFailed()) void this.fetchWords();
  }

  /** Fetches the later texts (again after a failure); the board updates once it has ended. */
  private fetchWords(): Promise<void> {
    const update = () => this.host.requestUpdate();
    return this.options.work.track(loadLaterStrings().then(update, update));
  }
}
