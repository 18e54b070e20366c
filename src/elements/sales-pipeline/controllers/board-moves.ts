import type { ReactiveControllerHost } from 'lit';
import { pickText } from '../../../model/format.js';
import type { Deal, Lang } from '../../../model/types.js';
import { StoreError } from '../../../store/errors.js';
import { dispatch } from '../../events.js';
import { t } from '../../i18n.js';
import { columnKeyOf, type BoardColumn, type BoardFilter } from '../model/board-model.js';
import type { BoardData } from './board-data.js';
import { failureWords, stageGone } from './store-failure.js';
import '../events.js';
import {
  movedText,
  planMove,
  positionInStage,
  samePlace,
  undoEntryOf,
  undoTarget,
  type MoveSource,
  type UndoEntry,
} from '../model/moves.js';
import type { NoticeList } from '../panels/notices.js';
import type { PipelineStrings } from '../strings.js';

export interface BoardMovesOptions {
  data: BoardData;
  notices: NoticeList;
  columns: () => readonly BoardColumn[];
  filter: () => BoardFilter;
  strings: () => PipelineStrings;
  lang: () => Lang;
  announce: (text: string) => void;
  /** Makes a card the Tab stop and focuses it once rendered. */
  focusDeal: (id: string) => void;
  /** Focuses a column (its last card was deleted). */
  focusColumn: (key: string) => void;
  /** Whether the focus is inside the board. */
  hasFocus: () => boolean;
  /** A move to lost without a reason: the board asks the person for one. */
  askReason: (dealId: string, source: MoveSource) => void;
}

/**
 * The one path every move takes (drop, keyboard, the page's `moveDeal()`, undo): it asks the
 * page with a cancelable `deal-before-move`, stores the move (one write, a reopen included),
 * fires `deal-moved`, keeps the undo entry and says how it ended, once. Deleting and restoring
 * a deal go through here too, since undo reverses either. A refusal from the store (a conflict
 * with another tab, a deal gone, no quota left, a closed connection) is shown and the board
 * put back in line with what is stored.
 */
export class BoardMoves {
  /** The last move or delete, until undone or replaced. */
  undoEntry?: UndoEntry;
  /**
   * The version the moved deal had once moved here: undo is stored against it, so a deal
   * changed in another tab since is left as that tab left it.
   */
  private undoVersion?: number;
  /** A move is being stored: a new drag waits for it. */
  busy = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: BoardMovesOptions,
  ) {}

  /**
   * Moves `deal` to column `key`. `reason` `undefined` for a move to lost asks the person for
   * one first. `before` places the deal in a stage's column (above that deal, `null`: at the
   * bottom); within the deal's own column that is a reorder. `at` is when it happened (a deal
   * won on a past day), default now. Resolves `true` once stored.
   */
  async request(
    deal: Deal,
    key: string,
    source: MoveSource,
    reason?: string,
    before?: string | null,
    at?: number,
  ): Promise<boolean> {
    const { data, strings } = this.options;
    const repo = data.repository;
    const plan = planMove(deal, key, before);
    if (!repo || !plan) return false;
    const { from, to, place } = plan;
    if (to.outcome === 'lost' && reason === undefined) {
      this.options.askReason(deal.id, source);
      return false;
    }
    const detail = { deal, from, to, source, ...place };
    if (!dispatch(this.host, 'deal-before-move', detail, { cancelable: true })) {
      this.options.announce(t(strings().vetoed, { title: deal.title }));
      return false;
    }
    this.setBusy(true);
    // Where it was, for undo: taken before the move changes the order.
    const entry = undoEntryOf(deal, from, data.deals);
    try {
      // Back to an open stage is one write, reopening a closed deal too: never half done.
      const when = at === undefined ? {} : { at };
      const change =
        to.outcome === 'open'
          ? await repo.moveDeal(deal.id, to.stageId, {
              expectedVersion: deal.version,
              reopen: true,
              ...when,
              ...place,
            })
          : await repo.setOutcome(deal.id, to.outcome, {
              expectedVersion: deal.version,
              ...when,
              ...(reason ? { reason } : {}),
            });
      const current = change.deal;
      data.upsert(current, ...(change.renumbered ?? []));
      if (source !== 'undo') this.setUndo(entry, current.version);
      dispatch(this.host, 'deal-moved', { deal: current, from, to, source, ...place });
      const column = this.columnName(columnKeyOf(current));
      const position = samePlace(from, to)
        ? positionInStage(data.deals, current, this.options.filter())
        : undefined;
      this.options.announce(
        movedText(
          { source, plan, title: deal.title, column, ...(position ? { position } : {}), reason },
          strings(),
          this.options.lang(),
        ),
      );
      // A page calling moveDeal() keeps its own focus; a person's move keeps the card focused.
      if (source !== 'api' || this.options.hasFocus()) this.options.focusDeal(deal.id);
      return true;
    } catch (e) {
      this.fail(e, deal, { source, stageId: to.stageId });
      return false;
    } finally {
      this.setBusy(false);
    }
  }

  /** Undoes the last move or delete. Resolves `false` when there was nothing to undo. */
  async undo(): Promise<boolean> {
    const { data, strings } = this.options;
    const entry = this.undoEntry;
    const repo = data.repository;
    if (!entry || !repo) {
      this.options.announce(strings().nothingToUndo);
      return false;
    }
    if (entry.kind === 'move') {
      const known = data.dealById(entry.dealId);
      if (!known) {
        this.setUndo(undefined);
        this.options.notices.add('conflict', {
          key: 'conflictGone',
          values: { title: entry.title },
        });
        return false;
      }
      // Against the version this tab left it at: the store refuses if another tab moved it.
      const deal = { ...known, version: this.undoVersion ?? known.version };
      const { key, before, reason } = undoTarget(entry, deal, data.deals);
      const done = await this.request(deal, key, 'undo', reason, before);
      // Done, or refused for good (changed or deleted elsewhere): nothing is left to undo.
      if (done || data.dealById(entry.dealId)?.version !== deal.version) this.setUndo(undefined);
      return done;
    }
    try {
      const deal = await repo.restoreDeal(entry.snapshot);
      data.upsert(deal);
      this.setUndo(undefined);
      this.options.announce(t(strings().restored, { title: deal.title }));
      this.options.focusDeal(deal.id);
      return true;
    } catch (e) {
      const title = entry.snapshot.deal.title;
      if (e instanceof StoreError && e.code === 'invalid') {
        // Its id is taken: another tab restored it already.
        this.setUndo(undefined);
        this.options.notices.add('conflict', { key: 'undoRestored', values: { title } });
        await data.reload();
      } else this.fail(e, entry.snapshot.deal);
      return false;
    }
  }

  /** This tab stored the deal again (an edit): undoing its move is still this tab's to do. */
  stored(deal: Deal): void {
    if (this.undoEntry?.kind === 'move' && this.undoEntry.dealId === deal.id) {
      this.undoVersion = deal.version;
    }
  }

  /**
   * Deletes a deal, undoably. The next card in its column keeps the keyboard's place (the one
   * above for the last card); with none left, the column does.
   */
  async remove(deal: Deal): Promise<boolean> {
    const { data } = this.options;
    const repo = data.repository;
    if (!repo) return false;
    const key = columnKeyOf(deal);
    const col = this.options.columns().find((c) => c.key === key);
    const index = col?.deals.findIndex((d) => d.id === deal.id) ?? -1;
    const next = col?.deals[index + 1] ?? col?.deals[index - 1];
    try {
      const snapshot = await repo.deleteDeal(deal.id, deal.version);
      data.forget(deal.id);
      this.setUndo({ kind: 'delete', snapshot });
      this.options.announce(t(this.options.strings().deleted, { title: deal.title }));
      if (next) this.options.focusDeal(next.id);
      else this.options.focusColumn(key);
      return true;
    } catch (e) {
      this.fail(e, deal);
      return false;
    }
  }

  /**
   * Shows a storage failure and puts the board back in line with what is stored. `source`
   * `undo`: the refusal says where the deal is now; `stageId`: the stage the move went to.
   */
  fail(e: unknown, deal?: Deal, move: { source?: MoveSource; stageId?: string } = {}): void {
    const { data, notices } = this.options;
    const err = e instanceof StoreError ? e : undefined;
    const title = deal?.title ?? '';
    if (move.stageId !== undefined && stageGone(e)) {
      notices.add('conflict', {
        key: 'stageGone',
        values: { stage: this.stageName(move.stageId) },
      });
      void data.reload();
      return;
    }
    switch (err?.code) {
      case 'conflict':
        if (err.current) data.upsert(err.current);
        notices.add(
          'conflict',
          move.source === 'undo' && err.current
            ? {
                key: 'undoConflict',
                values: { title: err.current.title, column: this.placeName(err.current) },
              }
            : { key: 'conflict', values: { title } },
        );
        break;
      case 'not-found':
        if (deal) data.forget(deal.id);
        // With the data cleared under it, the board says so once, not "deleted elsewhere".
        if (data.connection !== 'data-cleared') {
          notices.add('conflict', { key: 'conflictGone', values: { title } });
        }
        break;
      case 'quota':
        notices.add('quota', { key: 'quota' });
        break;
      case 'closed':
        if (data.connection === 'ok') data.connection = 'reload-needed';
        this.host.requestUpdate();
        break;
      default:
        notices.add('error', { key: 'failed', values: { detail: failureWords(e) } });
    }
  }

  private columnName(key: string): string {
    return this.options.columns().find((c) => c.key === key)?.name ?? key;
  }

  /**
   * A stage's name as the board last read it (a stage removed since keeps its name here; one
   * added since is described, as ids are never shown).
   */
  stageName(stageId: string): string {
    const stage = this.options.data.pipeline?.stages.find((st) => st.id === stageId);
    return stage
      ? pickText(stage.names, this.options.lang(), stage.name)
      : this.options.strings().stageUnknown;
  }

  /** The column a deal is in, by name: its stage's, or won / lost. */
  private placeName(deal: Deal): string {
    const key = columnKeyOf(deal);
    return key === deal.stageId ? this.stageName(deal.stageId) : this.columnName(key);
  }

  private setUndo(entry: UndoEntry | undefined, version?: number): void {
    this.undoEntry = entry;
    this.undoVersion = version;
    this.host.requestUpdate();
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.host.requestUpdate();
  }
}
