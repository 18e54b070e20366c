import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Lang, ParseResult, Scenario } from '../../../model/types.js';
import { parseScenario } from '../../../model/validate.js';
import type { SavedScenario } from '../../../store/records.js';
import type { Announcer } from '../../controllers/announcer.js';
import type { FocusAfterRender } from '../../controllers/focus-after-render.js';
import { t } from '../../i18n.js';
import { downloadJson } from '../controllers/download.js';
import * as drafts from '../model/field-drafts.js';
import type { HashSync } from '../controllers/hash-sync.js';
import type { SharedLink } from '../model/share-link.js';
import { readImportFile, scenarioFileName } from '../model/scenario-file.js';
import { ScenarioLibrary, type Outcome } from '../controllers/scenario-library.js';
import type { RepositoryController } from '../../controllers/repository-controller.js';
import type { SimulatorStrings } from '../strings.js';
import type { CompareView } from '../model/view-model.js';
import { renderScenarios, scenarioIds, type Status } from './scenarios.js';

export interface ScenariosPanelOptions {
  /** Where the scenarios are saved. */
  repositories: RepositoryController;
  /** Why storage is not persistent here (private mode, no IndexedDB), if it is not. */
  storageNote: () => string;
  hash: HashSync;
  focus: FocusAfterRender;
  announcer: Announcer;
  root: () => ShadowRoot;
  text: () => SimulatorStrings;
  lang: () => Lang;
  /** The scenario in effect. */
  scenario: () => Scenario;
  /** What a share link carries: the scenario (or deck) and what the person set. */
  shared: () => SharedLink;
  /** A saved scenario or a file to open (`file`: its name), valid or not. */
  open: (
    parsed: ParseResult<Scenario>,
    source: { saved: SavedScenario } | { file: string; input?: unknown },
  ) => void;
  compare: (saved: readonly SavedScenario[], ids: readonly [string, string]) => CompareView;
  /** A file's deck (an object with `steps`), opened as the deck. */
  openDeck: (deck: object) => void;
  /** The pipeline a saved scenario can be made the plan of, if any. */
  pipeline: () => string | undefined;
}

/**
 * The saved-scenarios panel as the person uses it: typing a name and saving, opening,
 * renaming (focus back on the item's Rename button after Enter, Escape or Cancel), deleting
 * (focus on Undo), undoing (focus on the restored item), comparing two, exporting and
 * importing files and sharing a link; its status line says what happened, also aloud.
 * The storage itself is `ScenarioLibrary`'s.
 */
export class ScenariosPanel {
  readonly library: ScenarioLibrary;
  status?: Status;
  private renamingId = '';
  private compareIds: readonly [string, string] = ['', ''];
  private shareUrl = '';
  /** What is typed into the panel's own fields (the name to save, a new name). */
  private drafts = drafts.NO_DRAFTS;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ScenariosPanelOptions,
  ) {
    const { repositories } = options;
    this.library = new ScenarioLibrary(host, {
      repository: () => repositories.repository,
      ready: async () => {
        const repo = await repositories.ready();
        if (!repo) throw repositories.error ?? new Error('no repository');
        return repo;
      },
      lang: options.lang,
      pipeline: options.pipeline,
      onUndoExpired: () => {
        // Focus must not be lost with the button: it goes to the name field next to it.
        if (options.root().activeElement?.classList.contains('undo')) {
          this.focusOn(scenarioIds.saveName);
        }
      },
    });
  }

  /** Shows `text` in the status line, and says it. */
  say(text: string | undefined, error = false): void {
    this.status = text === undefined ? undefined : { text, error };
    if (text) this.options.announcer.announce(text);
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const { library } = this;
    const { text, lang } = this.options;
    const saved = library.items;
    return renderScenarios({
      text: text(),
      lang: lang(),
      drafts: this.drafts,
      onNumber: () => undefined,
      onCommit: () => undefined,
      saved,
      ...(library.error ? { listError: library.error } : {}),
      storageNote: this.options.storageNote(),
      renamingId: this.renamingId,
      ...(saved.length ? { compare: this.options.compare(saved, this.compareIds) } : {}),
      compareIds: this.compareIds,
      shareUrl: this.shareUrl,
      ...(this.status ? { status: this.status } : {}),
      ...(library.undoable ? { undoable: library.undoable } : {}),
      onDraft: (key, raw) => this.set(() => (this.drafts = drafts.typed(this.drafts, key, raw))),
      onSave: () => void this.save(),
      onOpen: (item) =>
        this.options.open(parseScenario(item.scenario, { lang: lang() }), { saved: item }),
      onStartRename: (item) => this.startRename(item),
      onRename: (item) => void this.rename(item),
      onEndRename: (item) => this.endRename(item),
      onDelete: (item) => void this.remove(item),
      ...(this.options.pipeline()
        ? { planPipeline: library.pipelineName ?? this.options.pipeline() }
        : {}),
      ...(library.planId !== undefined ? { planId: library.planId } : {}),
      onPlan: (item) => void this.setPlan(item),
      onUndo: () => void this.undo(),
      onUndoHold: (hold, held) => library.holdUndo(hold, held),
      onCompare: (which, id) =>
        this.set(
          () =>
            (this.compareIds = which === 0 ? [id, this.compareIds[1]] : [this.compareIds[0], id]),
        ),
      onExport: () => {
        const scenario = this.options.scenario();
        downloadJson(scenario, scenarioFileName(scenario), this.options.root());
      },
      onImport: (e) => void this.importFile(e),
      onShare: () => void this.share(),
    });
  }

  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  private focusOn(id: string, select = false): void {
    this.options.focus.focus(() => {
      const el = this.options.root().querySelector<HTMLInputElement>(`#${id}`);
      if (select) el?.select();
      return el;
    });
  }

  private focusItem(action: 'open' | 'rename', id: string): void {
    this.options.focus.focus(() =>
      this.options
        .root()
        .querySelector<HTMLElement>(
          `.saved button[data-action="${action}"][data-id="${CSS.escape(id)}"]`,
        ),
    );
  }

  /** Reads a typed name; a bad one gets its message, naming the field. */
  /** The name typed as `key`, or `undefined` with its problem shown and said (`label` names it). */
  private name(key: string, raw: string, label: string): string | undefined {
    const read = drafts.readName(raw);
    this.drafts = drafts.withError(this.drafts, key, read.ok ? undefined : read.error);
    this.host.requestUpdate();
    if (read.ok) return read.value;
    // Linked to its field, the message alone is heard only on the way back to it (WCAG 4.1.3).
    const { lang, text } = this.options;
    this.options.announcer.announce(
      drafts.fieldErrorText(read.error, label, undefined, lang(), text()),
    );
    return undefined;
  }

  /** Says how a store action went; true when it went through. */
  private told(result: Outcome, done: string): boolean {
    const text = this.options.text();
    this.say(result.ok ? done : t(text.storageFailed, { detail: result.detail }), !result.ok);
    return result.ok;
  }

  private async save(): Promise<void> {
    const key = scenarioIds.saveName;
    const name = this.name(key, this.drafts.text[key] ?? '', this.options.text().scenarioName);
    if (name === undefined) return;
    const text = this.options.text();
    const result = await this.library.save(name, this.options.scenario());
    const done = t(result.ok && result.replaced ? text.replaced : text.savedAs, { name });
    if (this.told(result, done)) this.drafts = drafts.cleared(this.drafts, key);
  }

  private startRename(item: SavedScenario): void {
    this.set(() => (this.renamingId = item.id));
    this.focusOn(scenarioIds.rename, true);
  }

  private async rename(item: SavedScenario): Promise<void> {
    const key = `rename-${item.id}`;
    const label = t(this.options.text().renameLabel, { name: item.name });
    const name = this.name(key, this.drafts.text[key] ?? item.name, label);
    if (name === undefined) return;
    const result = await this.library.rename(item, name);
    if (this.told(result, t(this.options.text().savedAs, { name }))) this.endRename(item);
  }

  /** Leaves the rename form; focus goes back to that item's Rename button, not to the page. */
  private endRename(item: SavedScenario): void {
    this.set(() => {
      this.renamingId = '';
      this.drafts = drafts.cleared(this.drafts, `rename-${item.id}`);
    });
    this.focusItem('rename', item.id);
  }

  private async remove(item: SavedScenario): Promise<void> {
    const result = await this.library.remove(item);
    const ids = this.compareIds;
    this.compareIds = [ids[0] === item.id ? '' : ids[0], ids[1] === item.id ? '' : ids[1]];
    if (!this.told(result, t(this.options.text().deleted, { name: item.name }))) return;
    // The deleted row's button is gone: keyboard focus goes to the way back.
    this.options.focus.focus(() => this.options.root().querySelector<HTMLElement>('button.undo'));
  }

  private async setPlan(item: SavedScenario): Promise<void> {
    const pipeline = this.options.pipeline();
    if (!pipeline) return;
    const result = await this.library.setPlan(item, pipeline);
    const named = this.library.pipelineName ?? pipeline;
    if (!this.told(result, t(this.options.text().planSet, { name: item.name, pipeline: named }))) {
      return;
    }
    // Its button is gone (a plan is not offered again): focus stays on the row, not far below.
    this.focusItem('open', item.id);
  }

  private async undo(): Promise<void> {
    const result = await this.library.undo();
    if (!result) return;
    const { id, name } = result.item;
    if (this.told(result, t(this.options.text().restored, { name }))) this.focusItem('open', id);
    else this.focusOn(scenarioIds.saveName);
  }

  private async importFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again fires `change` again.
    input.value = '';
    if (!file) return;
    const read = await readImportFile(file, this.options.lang());
    if ('deck' in read) this.options.openDeck(read.deck);
    else this.options.open(read.scenario, { file: file.name, input: read.input });
  }

  private async share(): Promise<void> {
    const text = this.options.text();
    const { url, copied } = await this.options.hash.share(this.options.shared());
    this.shareUrl = url;
    this.say(copied ? text.copied : text.copyByHand);
    this.focusOn(scenarioIds.share, true);
  }
}
