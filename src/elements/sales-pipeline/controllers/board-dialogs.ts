import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { Deal, Lang } from '../../../model/types.js';
import { StoreError } from '../../../store/errors.js';
import type { SalesRepository, StoreChange } from '../../../store/repository.js';
import { LazyModule, loadModule } from '../../controllers/lazy-module.js';
import { t } from '../../i18n.js';
import { LOST_KEY, WON_KEY, columnKeyOf, type BoardColumn } from '../model/board-model.js';
import type { BoardData } from './board-data.js';
import type { BoardMoves } from './board-moves.js';
import type { DealForm } from '../model/deal-form.js';
import { localDay, stepPlace, wonAt, type MoveSource } from '../model/moves.js';
import { formatDay } from '../panels/card.js';
import { loadFailed, type NoticeList } from '../panels/notices.js';
import type { PendingWork } from './pending-work.js';
import { failedText, stageGone } from './store-failure.js';
import type { ChanceDraft } from '../panels/stage-editor.js';
import { loadLaterStrings } from '../later-texts.js';
import type { PipelineStrings } from '../strings.js';

/** The dialogs' forms and panels, loaded the first time a dialog opens. */
type DialogModule = typeof import('./dialog-module.js');

export type Modal =
  | {
      kind: 'deal';
      form: DealForm;
      /**
       * The deal as the dialog opened it: its fields start from it and stay as typed whatever
       * happens to the stored deal meanwhile (`undefined`: a new deal).
       */
      deal?: Deal;
      /** The deal was deleted elsewhere meanwhile: what was typed can be saved as a new deal. */
      gone?: boolean;
    }
  | { kind: 'lost'; dealId: string; source: MoveSource; error?: string }
  | { kind: 'move'; dealId: string; error?: { field: 'date' | 'reason'; message: string } }
  | {
      kind: 'stages';
      removing?: string;
      error?: string;
      /** Win chances being typed, by stage id. */
      chances?: Record<string, ChanceDraft>;
    }
  | { kind: 'confirm'; title: string; text: string; run: () => Promise<void> };

export interface BoardDialogsOptions {
  data: BoardData;
  moves: BoardMoves;
  notices: NoticeList;
  work: PendingWork;
  strings: () => PipelineStrings;
  lang: () => Lang;
  owners: () => readonly string[];
  columns: () => readonly BoardColumn[];
  /** Makes a card the Tab stop and focuses it once rendered. */
  focusDeal: (id: string) => void;
  /** The board's `<dialog>`, once rendered. */
  dialog: () => HTMLDialogElement | null;
  /** What has the focus inside the board. */
  focused: () => HTMLElement | null;
}

/**
 * The board's one modal `<dialog>` and what it holds: a deal to add or edit, the reason a deal
 * was lost, the stage editor, or "are you sure?". It opens and closes with the state (before
 * any focus is placed after the same update), gives the focus back to what opened it unless
 * the focus was placed on purpose meanwhile, and stores what the dialogs edit. What the dialogs
 * show loads with the first one opened: the click or key that asked for it is kept as the state,
 * and the dialog opens, focused, as soon as it has something to show.
 */
export class BoardDialogs implements ReactiveController {
  modal?: Modal;
  private returnFocus?: HTMLElement | null;
  /**
   * Controls of the dialog to focus once the next edit is shown, the first enabled one wins:
   * the stage a "Move right" moved, the stage that took a removed one's place.
   */
  private focusNext?: string[];
  private readonly panels: LazyModule<DialogModule>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BoardDialogsOptions,
  ) {
    host.addController(this);
    this.panels = new LazyModule(
      // The dialogs' texts arrive with their code, so an open dialog never lacks a word.
      () => Promise.all([import('./dialog-module.js'), loadLaterStrings()]).then(([m]) => m),
      () => this.onPanelsSettled(),
    );
  }

  show(modal: Modal | undefined): void {
    this.modal = modal;
    // The board's `updateComplete` waits for the load, so "opened" means shown. Opening a dialog
    // is a person's action: after a failed load it tries again.
    if (modal && !this.panels.get()) void this.options.work.track(loadModule(this.panels));
    this.host.requestUpdate();
  }

  /** Once a dialog has been rendered its handlers run: its module has arrived. */
  private get m(): DialogModule {
    return this.panels.get()!;
  }

  /**
   * Opens the dialog asked for meanwhile; offline (a chunk that cannot load), says why instead,
   * with "Try again", which opens it.
   */
  private onPanelsSettled(): void {
    const modal = this.modal;
    if (this.panels.error !== undefined && modal) {
      this.modal = undefined;
      const opener = this.returnFocus;
      this.returnFocus = undefined;
      loadFailed(this.options.notices, this.options.strings(), this.panels.error, () => {
        this.returnFocus = opener;
        this.show(modal);
      });
    }
    this.host.requestUpdate();
  }

  openDeal(deal?: Deal): void {
    this.returnFocus = this.options.focused();
    this.show(
      deal
        ? { kind: 'deal', form: { dealId: deal.id, baseVersion: deal.version, errors: {} }, deal }
        : { kind: 'deal', form: { errors: {} } },
    );
  }

  /** A card's "Move to…": the dialog of every move, each a click or a tap. */
  openMove(deal: Deal): void {
    this.returnFocus = this.options.focused();
    this.show({ kind: 'move', dealId: deal.id });
  }

  askReason(dealId: string, source: MoveSource): void {
    this.show({ kind: 'lost', dealId, source });
  }

  /** The focus was placed on purpose: closing the dialog must not send it back to its opener. */
  keepFocus(): void {
    this.returnFocus = undefined;
  }

  /** Another tab changed the deal being edited: the dialog says what it holds now. */
  onStoreChange(change: StoreChange): void {
    const modal = this.modal;
    if (change.local || modal?.kind !== 'deal') return;
    const id = modal.form.dealId;
    if (id && change.ids.includes(id)) void this.options.work.track(this.warnEditedElsewhere(id));
  }

  hostUpdated(): void {
    const dialog = this.options.dialog();
    if (!dialog) return;
    if (this.modal && !dialog.open && this.panels.get()) {
      this.returnFocus ??= this.options.focused();
      dialog.showModal();
      (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog).focus();
    } else if (!this.modal && dialog.open) {
      dialog.close();
      this.giveFocusBack();
    } else if (this.focusNext && dialog.open) {
      const found = this.focusNext
        .map((selector) => dialog.querySelector<HTMLButtonElement>(selector))
        .find((c) => c && !c.disabled);
      this.focusNext = undefined;
      found?.focus();
    }
  }

  render(): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onClose}>
      ${this.renderModal()}
    </dialog>`;
  }

  /** The browser closed the dialog (Escape): the state follows. Closes made here are done. */
  private readonly onClose = (e: Event): void => {
    if (!this.modal || (e.currentTarget as HTMLDialogElement).open) return;
    this.show(undefined);
    this.giveFocusBack();
  };

  private giveFocusBack(): void {
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (back?.isConnected) back.focus();
  }

  private async warnEditedElsewhere(id: string): Promise<void> {
    // A read that fails (the data cleared, the connection closed) says nothing about the deal:
    // the board's own notice says what happened.
    const current = await this.options.data.repository?.getDeal(id).catch(() => null);
    const modal = this.modal;
    const panels = this.panels.get();
    if (modal?.kind !== 'deal' || modal.form.dealId !== id || current === null || !panels) return;
    if (!current) {
      this.show({ ...modal, gone: true, form: { ...modal.form, changedElsewhere: undefined } });
      return;
    }
    const summary = panels.dealSummary(current, this.options.lang());
    this.show({ ...modal, form: { ...modal.form, changedElsewhere: summary } });
  }

  /**
   * The stage a deal saved anew from the edit dialog goes to: the one it was in, unless that
   * was removed meanwhile; then the first.
   */
  private stageForCopy(deal: Deal | undefined): string | undefined {
    const stages = this.options.data.pipeline?.stages ?? [];
    return stages.find((st) => st.id === deal?.stageId)?.id ?? stages[0]?.id;
  }

  private async onDealSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const { data, strings, lang } = this.options;
    const modal = this.modal;
    const repo = data.repository;
    const pipeline = data.pipeline;
    if (modal?.kind !== 'deal' || !repo || !pipeline) return;
    const read = this.m.readDealForm(
      e.currentTarget as HTMLFormElement,
      pipeline,
      lang(),
      strings(),
    );
    const form = modal.form;
    if (Object.keys(read.errors).length) {
      this.show({ ...modal, form: { ...form, errors: read.errors } });
      return;
    }
    // "Save as a new deal" (offered once the deal changed or went elsewhere) keeps this one.
    const asNew = modal.gone || (e.submitter as HTMLButtonElement | null)?.value === 'new';
    const stageId = asNew ? this.stageForCopy(modal.deal) : read.stageId;
    try {
      const deal =
        form.dealId && !asNew
          ? await repo.updateDeal(form.dealId, read.values, form.baseVersion!)
          : await repo.createDeal(pipeline.id, this.m.newDealFrom({ ...read, stageId }));
      data.upsert(deal);
      this.options.moves.stored(deal);
      this.show(undefined);
      this.options.focusDeal(deal.id);
    } catch (err) {
      this.show(this.afterSaveError(modal, err, stageId));
    }
  }

  /** The deal dialog once the store refused to save it: what went wrong, in words. */
  private afterSaveError(
    modal: Extract<Modal, { kind: 'deal' }>,
    err: unknown,
    stageId: string | undefined,
  ): Modal {
    const { data, strings, lang } = this.options;
    const s = strings();
    const form = { ...modal.form, errors: {} };
    const code = err instanceof StoreError ? err.code : undefined;
    if (code === 'conflict' || (code === 'invalid' && !stageGone(err))) {
      if (err instanceof StoreError && err.current) data.upsert(err.current);
      return { ...modal, form: this.m.formAfterSaveError(modal.form, err, s, lang()) };
    }
    // Deleted elsewhere, and no change event said so yet.
    if (code === 'not-found' && form.dealId && data.connection !== 'data-cleared') {
      data.forget(form.dealId);
      return { ...modal, gone: true, form: { ...form, changedElsewhere: undefined } };
    }
    if (stageGone(err)) {
      void data.reload();
      const stage = stageId === undefined ? '' : this.options.moves.stageName(stageId);
      return { ...modal, form: { ...form, formError: t(s.stageGone, { stage }) } };
    }
    const formError = data.connection === 'data-cleared' ? s.dataCleared : failedText(err, s);
    return { ...modal, form: { ...form, formError } };
  }

  private onDealInput(formElement: HTMLFormElement): void {
    const { data, strings, lang } = this.options;
    const modal = this.modal;
    if (modal?.kind !== 'deal' || !data.pipeline) return;
    const read = this.m.readDealForm(formElement, data.pipeline, lang(), strings());
    this.show({ ...modal, form: this.m.formWhileTyping(modal.form, read) });
  }

  private async onLostSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const modal = this.modal;
    if (modal?.kind !== 'lost') return;
    const s = this.options.strings();
    const reason = this.m.readLostReason(e.currentTarget as HTMLFormElement);
    if (!reason) {
      this.show({ ...modal, error: t(s.errRequired, { field: s.lostReason }) });
      return;
    }
    const deal = this.options.data.dealById(modal.dealId);
    this.show(undefined);
    if (deal) await this.options.moves.request(deal, LOST_KEY, modal.source, reason);
  }

  /** A choice in the move dialog: the dialog closes, the move goes the way a drop goes. */
  private async moveFromDialog(
    dealId: string,
    key: string,
    extra: { before?: string | null; reason?: string; at?: number } = {},
  ): Promise<void> {
    const deal = this.options.data.dealById(dealId);
    this.show(undefined);
    if (!deal) return;
    const { before, reason, at } = extra;
    await this.options.moves.request(deal, key, 'menu', reason, before, at);
  }

  private onMoveWon(e: SubmitEvent, dealId: string): void {
    e.preventDefault();
    const s = this.options.strings();
    const { now } = this.options.data;
    const since = this.options.data.dealById(dealId)?.stageEnteredAt ?? now;
    const day = this.m.readWonDay(e.currentTarget as HTMLFormElement);
    const first = localDay(since);
    const field = s.wonOn;
    const problem = !day
      ? t(s.errDate, { field })
      : day > localDay(now)
        ? t(s.errFutureDate, { field })
        : day < first
          ? t(s.errDateBefore, { field, date: formatDay(first, this.options.lang()) })
          : undefined;
    if (problem !== undefined || !day) {
      this.show({ kind: 'move', dealId, error: { field: 'date', message: problem ?? '' } });
      return;
    }
    const at = wonAt(day, now, since);
    void this.options.work.track(this.moveFromDialog(dealId, WON_KEY, { at }));
  }

  private onMoveLost(e: SubmitEvent, dealId: string): void {
    e.preventDefault();
    const s = this.options.strings();
    const reason = this.m.readLostReason(e.currentTarget as HTMLFormElement);
    if (!reason) {
      const message = t(s.errRequired, { field: s.lostReason });
      this.show({ kind: 'move', dealId, error: { field: 'reason', message } });
      return;
    }
    void this.options.work.track(this.moveFromDialog(dealId, LOST_KEY, { reason }));
  }

  private renderMove(modal: Extract<Modal, { kind: 'move' }>): TemplateResult | typeof nothing {
    const { data, work } = this.options;
    const deal = data.dealById(modal.dealId);
    if (!deal) return nothing;
    const columns = this.options.columns();
    const home = columnKeyOf(deal);
    const shown = columns.find((c) => c.key === home)?.deals ?? [];
    return this.m.renderMoveDialog({
      deal,
      columns,
      home,
      up: stepPlace(shown, deal.id, -1),
      down: stepPlace(shown, deal.id, 1),
      today: localDay(data.now),
      since: localDay(deal.stageEnteredAt),
      error: modal.error,
      strings: this.options.strings(),
      onMove: (key, before) =>
        void work.track(this.moveFromDialog(deal.id, key, before === undefined ? {} : { before })),
      onWon: (e) => this.onMoveWon(e, deal.id),
      onLost: (e) => this.onMoveLost(e, deal.id),
      onCancel: () => this.show(undefined),
    });
  }

  private async deleteDeal(deal: Deal): Promise<void> {
    if ((await this.options.moves.remove(deal)) && this.modal?.kind === 'deal')
      this.show(undefined);
  }

  /** Runs one stage edit, then re-reads the board; a refusal shows in the stage editor. */
  private async stageAction(
    action: (repo: SalesRepository, id: string) => Promise<unknown>,
    focusAfter?: () => string[],
    saved?: string,
  ): Promise<void> {
    const { data } = this.options;
    const repo = data.repository;
    const pipeline = data.pipeline;
    if (!repo || !pipeline) return;
    try {
      await action(repo, pipeline.id);
      // Chances still being typed stay; the one just stored shows as stored.
      if (this.modal?.kind === 'stages') {
        const chances = { ...this.modal.chances };
        if (saved) delete chances[saved];
        this.show({ kind: 'stages', chances });
      }
      await data.reload();
      // The rows are re-used by position: only now do they show the new order.
      this.focusNext = focusAfter?.();
      this.host.requestUpdate();
    } catch (e) {
      const s = this.options.strings();
      const text = e instanceof StoreError && e.code === 'quota' ? s.quota : failedText(e, s);
      if (this.modal?.kind === 'stages') this.show({ ...this.modal, error: text });
    }
  }

  private stageEdit(
    action: (repo: SalesRepository, id: string) => Promise<unknown>,
    focusAfter?: () => string[],
    saved?: string,
  ): void {
    void this.options.work.track(this.stageAction(action, focusAfter, saved));
  }

  /** A keystroke in a win chance: its reading follows live; a shown problem is checked again. */
  private onChanceInput(stageId: string, text: string): void {
    if (this.modal?.kind !== 'stages') return;
    const before = this.modal.chances?.[stageId];
    const read = this.m.readChance(
      text,
      this.options.strings().stageChanceField,
      this.options.lang(),
    );
    const error = before?.error && !read.ok ? read.error : undefined;
    const draft = error ? { text, error } : { text };
    this.show({ ...this.modal, chances: { ...this.modal.chances, [stageId]: draft } });
  }

  /** A committed win chance: stored when it reads as one number, else said under the field. */
  private onChance(stageId: string, text: string): void {
    if (this.modal?.kind !== 'stages') return;
    const read = this.m.readChance(
      text,
      this.options.strings().stageChanceField,
      this.options.lang(),
    );
    if (!read.ok) {
      const chances = { ...this.modal.chances, [stageId]: { text, error: read.error } };
      this.show({ ...this.modal, chances });
      return;
    }
    const stored = this.options.data.pipeline?.stages.find((st) => st.id === stageId);
    if ((stored?.probability ?? null) === read.probability) {
      const chances = { ...this.modal.chances };
      delete chances[stageId];
      this.show({ ...this.modal, chances });
      return;
    }
    const probability = read.probability ?? undefined;
    this.stageEdit(
      (repo, id) => repo.updateStage(id, stageId, { probability }),
      undefined,
      stageId,
    );
  }

  /** The focus follows the moved stage: its same arrow, or the other one at an end. */
  private moveStage(index: number, step: number): void {
    const stages = (this.options.data.pipeline?.stages ?? []).map((s) => s.id);
    const j = index + step;
    if (j < 0 || j >= stages.length) return;
    const moved = CSS.escape(stages[index]!);
    [stages[index], stages[j]] = [stages[j]!, stages[index]!];
    const [same, other] = step < 0 ? ['left', 'right'] : ['right', 'left'];
    this.stageEdit(
      (repo, id) => repo.reorderStages(id, stages),
      () => [same, other].map((c) => `[data-stage="${moved}"][data-control="${c}"]`),
    );
  }

  /** The focus goes to the stage that takes the removed one's place (the last, at the end). */
  private removeStage(stageId: string, to: string): void {
    const before = this.options.data.pipeline?.stages ?? [];
    const index = before.findIndex((s) => s.id === stageId);
    this.stageEdit(
      (repo, id) => repo.removeStage(id, stageId, to),
      () => {
        const stages = this.options.data.pipeline?.stages ?? [];
        const next = stages[Math.min(index, stages.length - 1)];
        return next ? [`input[data-stage="${CSS.escape(next.id)}"]`] : [];
      },
    );
  }

  private onAddStage(e: SubmitEvent): void {
    e.preventDefault();
    const name = this.m.takeNewStageName(e.currentTarget as HTMLFormElement);
    const s = this.options.strings();
    if (name) this.stageEdit((repo, id) => repo.addStage(id, { name }));
    else if (this.modal?.kind === 'stages') {
      this.show({ ...this.modal, error: t(s.errRequired, { field: s.newStageName }) });
    }
  }

  private renderModal(): TemplateResult | typeof nothing {
    const modal = this.modal;
    if (!modal || !this.panels.get()) return nothing;
    const { data, work } = this.options;
    const strings = this.options.strings();
    const lang = this.options.lang();
    const close = () => this.show(undefined);
    switch (modal.kind) {
      case 'deal':
        return this.m.renderDealDialog({
          form: modal.form,
          deal: modal.deal,
          gone: modal.gone,
          pipeline: data.pipeline,
          owners: this.options.owners(),
          strings,
          lang,
          onSubmit: (e) => void work.track(this.onDealSubmit(e)),
          onInput: (formElement) => this.onDealInput(formElement),
          onDelete: (deal) => void work.track(this.deleteDeal(deal)),
          onCancel: close,
        });
      case 'lost':
        return this.m.renderLostDialog({
          title: data.dealById(modal.dealId)?.title ?? '',
          error: modal.error,
          strings,
          onSubmit: (e) => void work.track(this.onLostSubmit(e)),
          onCancel: close,
        });
      case 'move':
        return this.renderMove(modal);
      case 'stages':
        return this.m.renderStageEditor({
          stages: data.pipeline?.stages ?? [],
          removing: modal.removing,
          error: modal.error,
          dealsIn: (id) => data.deals.filter((d) => d.stageId === id).length,
          strings,
          lang,
          onRename: (stageId, name) =>
            this.stageEdit((repo, id) => repo.renameStage(id, stageId, name)),
          chances: modal.chances ?? {},
          onChanceInput: (stageId, text) => this.onChanceInput(stageId, text),
          onChance: (stageId, text) => this.onChance(stageId, text),
          onMove: (index, step) => this.moveStage(index, step),
          onChooseRemove: (stageId) => this.show({ kind: 'stages', removing: stageId }),
          onRemove: (stageId, to) => this.removeStage(stageId, to),
          onAdd: (e) => this.onAddStage(e),
          onClose: close,
        });
      case 'confirm':
        return this.m.renderConfirmDialog({
          title: modal.title,
          text: modal.text,
          strings,
          onCancel: close,
          onConfirm: () => {
            this.show(undefined);
            void work.track(modal.run());
          },
        });
    }
  }
}
