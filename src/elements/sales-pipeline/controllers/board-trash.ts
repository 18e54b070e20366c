import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../../../model/types.js';
import type { SalesRepository } from '../../../store/repository.js';
import { technicalDetail } from '../../../store/errors.js';
import type { TrashedDeal } from '../../../store/sync/sync-repository.js';
import { dispatch } from '../../events.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';
import type { BoardData } from './board-data.js';
import type { PendingWork } from './pending-work.js';
import { failureWords } from './store-failure.js';
import { word } from '../panels/notices.js';

/** A repository that keeps deleted deals (the synced one does; the local store does not). */
interface WithTrash {
  listTrash(pipelineId: string): Promise<TrashedDeal[]>;
}

const hasTrash = (repo: SalesRepository | undefined): repo is SalesRepository & WithTrash =>
  typeof (repo as Partial<WithTrash> | undefined)?.listTrash === 'function';

export interface BoardTrashOptions {
  data: BoardData;
  work: PendingWork;
  strings: () => PipelineStrings;
  lang: () => Lang;
  /** The name of the column a deal shows in (a stage, won or lost). */
  columnOf: (deal: TrashedDeal['deal']) => string;
  announce: (text: string) => void;
  /** Focuses what `selector` finds once it is rendered. */
  focus: (selector: string) => void;
  fail: (e: unknown) => void;
}

/**
 * The trash of a synced board: deals deleted in the last 30 days, listed newest first, each
 * restorable to its stage with its history. Only a repository that keeps a trash has one (the
 * page's own IndexedDB store deletes for good; Undo brings back its last delete).
 */
export class BoardTrash {
  /** The deals listed while the trash is open; `undefined` while it is closed or unread. */
  items?: TrashedDeal[];
  /** Why the trash could not be read, in plain words, while it is open. */
  failure?: string;
  /** Shown, or being opened: a read that ends after a close shows nothing. */
  private wanted = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: BoardTrashOptions,
  ) {}

  get available(): boolean {
    return hasTrash(this.options.data.repository);
  }

  get open(): boolean {
    return this.items !== undefined || this.failure !== undefined;
  }

  async show(): Promise<void> {
    this.wanted = true;
    await this.read();
    this.options.focus('#trash-heading');
  }

  close(): void {
    this.wanted = false;
    this.items = undefined;
    this.failure = undefined;
    this.host.requestUpdate();
    this.options.focus('button.trash-toggle');
  }

  toggle(): void {
    if (this.open) this.close();
    else void this.options.work.track(this.show());
  }

  /** A change in the store: an open trash lists what it holds now. */
  changed(): void {
    if (this.open) void this.options.work.track(this.read());
  }

  /** Reads the trash again after a failed read (its Try again); the heading then has the focus. */
  async retry(): Promise<void> {
    await this.options.work.track(this.read());
    this.options.focus('#trash-heading');
  }

  restore(item: TrashedDeal): Promise<void> {
    return this.options.work.track(this.put(item));
  }

  private async put(item: TrashedDeal): Promise<void> {
    const repo = this.options.data.repository;
    if (!repo) return;
    const index = this.items?.indexOf(item) ?? -1;
    try {
      const deal = await repo.restoreDeal(item);
      const s = this.options.strings();
      this.options.announce(
        t(s.trashRestored, { title: deal.title, column: this.options.columnOf(deal) }),
      );
    } catch (e) {
      this.options.fail(e);
    }
    await this.read();
    // The focus goes to the next deal's Restore, or to the heading once none is left.
    const rows = this.items ?? [];
    const next = rows[Math.min(index, rows.length - 1)];
    this.options.focus(
      next ? `button[data-restore="${CSS.escape(next.deal.id)}"]` : '#trash-heading',
    );
  }

  private async read(): Promise<void> {
    const repo = this.options.data.repository;
    const pipelineId = this.options.data.pipeline?.id;
    if (!hasTrash(repo) || pipelineId === undefined) return;
    let items: TrashedDeal[];
    try {
      items = await repo.listTrash(pipelineId);
    } catch (e) {
      if (this.wanted) this.failed(e);
      return;
    }
    if (!this.wanted) return;
    this.items = items;
    this.failure = undefined;
    this.host.requestUpdate();
  }

  /**
   * A read that failed: the open trash says why in plain words, with Try again, in place of
   * the list; the browser's own words go to the console and the `error` event only.
   */
  private failed(e: unknown): void {
    const s = this.options.strings();
    const message = t(s.trashFailed, { detail: word(failureWords(e), s) ?? technicalDetail(e) });
    const cause = technicalDetail(e);
    this.items = undefined;
    this.failure = message;
    this.host.requestUpdate();
    console.warn(`<${this.host.localName}> trash: ${message}`, cause);
    dispatch(this.host, 'error', { field: 'trash', message, cause });
  }
}
