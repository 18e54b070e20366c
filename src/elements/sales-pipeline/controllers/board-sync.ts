import type { nothing, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Deal, Lang } from '../../../model/types.js';
import type { SalesRepository, SyncNotice } from '../../../store/repository.js';
import type { SyncRepository } from '../../../store/sync/sync-repository.js';
import { t } from '../../i18n.js';
import type { NoticeList } from '../panels/notices.js';
import { renderPresence } from '../panels/presence.js';
import { renderTrash } from '../panels/trash-panel.js';
import type { PipelineStrings } from '../strings.js';
import type { BoardData } from './board-data.js';
import { BoardPresence } from './board-presence.js';
import { BoardTrash } from './board-trash.js';
import type { PendingWork } from './pending-work.js';

export interface BoardSyncOptions {
  data: BoardData;
  notices: NoticeList;
  work: PendingWork;
  strings: () => PipelineStrings;
  lang: () => Lang;
  /** A stage's name as the board words it (`BoardMoves.stageName`): never its id. */
  stageName: (stageId: string) => string;
  /** The deal this person is moving now, if any. */
  moving: () => string | undefined;
  announce: (text: string) => void;
  focus: (selector: string) => void;
  fail: (e: unknown) => void;
}

/**
 * What a board on a team's room adds: the toolbar's status, the server's refusal and lost
 * moves as notices, who else is viewing (and moving which card), and the trash.
 */
export class BoardSync {
  readonly presence: BoardPresence;
  readonly trash: BoardTrash;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly options: BoardSyncOptions,
  ) {
    const { data, work, strings, lang, announce, focus, fail } = options;
    const columnOf = (deal: Deal) => this.columnName(deal);
    this.presence = new BoardPresence(host, {
      repository: () => data.repository,
      strings,
      moving: options.moving,
      announce,
    });
    this.trash = new BoardTrash(host, {
      data,
      work,
      strings,
      lang,
      columnOf,
      announce,
      focus,
      fail,
    });
  }

  /** Online, offline, syncing or unsaved changes, in words; `undefined` without `sync`. */
  statusText(synced: boolean): string | undefined {
    const s = this.options.strings();
    const status = this.options.data.syncStatus;
    if (!synced || !status) return undefined;
    const words = {
      online: s.syncOnline,
      offline: s.syncOffline,
      syncing: s.syncSyncing,
      unsaved: s.syncUnsaved,
    };
    return words[status];
  }

  /** The server refused this client (an error); a move of this person's lost to another's. */
  onNotice(notice: SyncNotice): void {
    const s = this.options.strings();
    const { notices, announce } = this.options;
    if (notice.type === 'sync-refused') {
      if (notices.add('error', s.syncRefused).added) announce(s.syncRefused);
    } else if (notice.type === 'move-lost') {
      const column = this.options.stageName(notice.stageId);
      const text = t(s.moveLost, { title: notice.title, column });
      if (notices.add('info', text).added) announce(text);
    }
  }

  /** See `SalesPipeline.publishToRoom`. */
  async publish(local: SalesRepository, pipelineId: string): Promise<number> {
    const repo = this.options.data.repository as Partial<SyncRepository> | undefined;
    if (!repo?.publishFrom) return 0;
    const added = await this.options.work.track(repo.publishFrom.call(repo, local, pipelineId));
    await this.options.data.reload();
    return added;
  }

  presenceView(): TemplateResult | typeof nothing {
    return renderPresence(this.presence.viewers(), this.options.strings());
  }

  trashButton(): { open: boolean; onToggle: () => void } | undefined {
    const trash = this.trash;
    return trash.available ? { open: trash.open, onToggle: () => trash.toggle() } : undefined;
  }

  trashView(): TemplateResult | typeof nothing {
    const trash = this.trash;
    return renderTrash({
      items: trash.items,
      ...(trash.failure !== undefined ? { failure: trash.failure } : {}),
      strings: this.options.strings(),
      lang: this.options.lang(),
      columnOf: (deal) => this.columnName(deal),
      onRestore: (item) => void trash.restore(item),
      onRetry: () => void trash.retry(),
      onClose: () => trash.close(),
    });
  }

  /** The column a deal shows in: its stage's name, or won or lost. */
  private columnName(deal: Deal): string {
    const s = this.options.strings();
    if (deal.outcome === 'won') return s.won;
    if (deal.outcome === 'lost') return s.lost;
    return this.options.stageName(deal.stageId);
  }
}
