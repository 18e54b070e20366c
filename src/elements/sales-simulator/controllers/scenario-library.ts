import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang, Scenario } from '../../../model/types.js';
import type { SavedScenario } from '../../../store/records.js';
import type { SalesRepository, StoreChange } from '../../../store/repository.js';

/**
 * How long "Undo" stays offered after a saved scenario is deleted or saved over, counted while
 * the button is neither focused nor under the pointer (WCAG 2.2.1): each time both leave it,
 * the full time starts again.
 */
export const UNDO_MS = 10_000;

/** What holds the Undo offer open: the focus on its button, the pointer over it. */
export type UndoHold = 'focus' | 'pointer';

/** A deleted or overwritten saved scenario, kept while its undo is offered. */
export interface Undoable {
  item: SavedScenario;
  /** Saved over under the same name, rather than deleted. */
  replaced: boolean;
}

/** How a store action went: `detail` says why it failed. */
export type Outcome = { ok: true } | { ok: false; detail: string };

export interface ScenarioLibraryOptions {
  /** The repository in use, once resolved. */
  repository: () => SalesRepository | undefined;
  /** The repository, waiting for it if needed; rejects when there is none. */
  ready: () => Promise<SalesRepository>;
  lang: () => Lang;
  /** The pipeline whose plan (`Pipeline.plan`) the list marks, if any. */
  pipeline?: () => string | undefined;
  /** The undo offer ran out (the host moves focus away from its button). */
  onUndoExpired?: () => void;
}

const failed = (e: unknown): Outcome => ({
  ok: false,
  detail: e instanceof Error ? e.message : String(e),
});

/**
 * The saved scenarios of the repository: the list (a `Task`, loaded again after every change to
 * them made here, in another element or in another tab; the pipeline's plan read again only
 * when a change may have set it), save (under an existing name it replaces that one), rename,
 * delete, and "Undo" for a deletion or replacement for `UNDO_MS`. Deleting is done at once, so
 * nothing is left half-deleted if the page closes; undoing stores the item again with its id,
 * name and pipeline.
 */
export class ScenarioLibrary implements ReactiveController {
  /** The list as stored, in storage order (see `items`). */
  readonly list: Task<readonly [SalesRepository | undefined, number], SavedScenario[]>;
  /** The pipeline's plan (`id`; undefined: none) and name, read with the list; none without one. */
  readonly plan: Task<
    readonly [SalesRepository | undefined, string | undefined, number],
    { id: string | undefined; pipelineName: string } | undefined
  >;
  undoable?: Undoable;
  /** Changes to the saved scenarios: the list is read again after each. */
  private version = 0;
  /** Changes to this pipeline, and to the saved scenarios: the plan is read again after each. */
  private planVersion = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly holds = new Set<UndoHold>();
  private sorted?: { from: SavedScenario[]; lang: Lang; items: readonly SavedScenario[] };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ScenarioLibraryOptions,
  ) {
    host.addController(this);
    this.list = new Task(host, {
      args: () => [options.repository(), this.version] as const,
      task: ([repo]) => (repo ? repo.listScenarios() : Promise.resolve(initialState)),
    });
    this.plan = new Task(host, {
      args: () => [options.repository(), options.pipeline?.(), this.planVersion] as const,
      task: async ([repo, pipelineId]) => {
        if (!repo || !pipelineId) return undefined;
        const pipeline = await repo.getPipeline(pipelineId);
        return pipeline && { id: pipeline.plan, pipelineName: pipeline.name };
      },
    });
  }

  /** The id of the saved scenario that is the pipeline's plan, once read. */
  get planId(): string | undefined {
    return this.plan.value?.id;
  }

  /** The pipeline's name, once read: the plan's mark names it so, never by its id. */
  get pipelineName(): string | undefined {
    return this.plan.value?.pipelineName;
  }

  /** The saved scenarios by name, in the language's order. */
  get items(): readonly SavedScenario[] {
    const from = this.list.value ?? [];
    const lang = this.options.lang();
    if (this.sorted?.from !== from || this.sorted.lang !== lang) {
      const items = [...from].sort((a, b) => a.name.localeCompare(b.name, lang));
      this.sorted = { from, lang, items };
    }
    return this.sorted.items;
  }

  /** Why the list could not be read, if it could not. */
  get error(): string | undefined {
    if (this.list.status !== TaskStatus.ERROR) return undefined;
    const e: unknown = this.list.error;
    return e instanceof Error ? e.message : String(e);
  }

  /** The stored list changed (here or elsewhere): read it, and the plan, again. */
  refresh(): void {
    this.version++;
    this.planVersion++;
    this.host.requestUpdate();
  }

  /**
   * A pipeline changed: if it is this one, its plan and name (the mark shows both) are read
   * again; the list is not (one record, not every saved scenario).
   */
  pipelineChanged(change: StoreChange): void {
    if (change.pipelineId !== this.options.pipeline?.()) return;
    this.planVersion++;
    this.host.requestUpdate();
  }

  /** Saves `scenario` as `name`; an existing one of that name is replaced and kept one Undo away. */
  async save(name: string, scenario: Scenario): Promise<Outcome & { replaced?: boolean }> {
    const existing = this.items.find((s) => s.name === name);
    const result = await this.act((repo) =>
      repo.saveScenario({
        ...(existing ? { id: existing.id } : {}),
        name,
        pipelineId: null,
        scenario: { ...scenario, name },
      }),
    );
    if (!result.ok) return result;
    if (existing) this.offerUndo(existing, true);
    return { ok: true, replaced: existing !== undefined };
  }

  rename(item: SavedScenario, name: string): Promise<Outcome> {
    return this.act((repo) => repo.renameScenario(item.id, name));
  }

  /** Makes `item` the plan of the pipeline `pipelineId` (`Pipeline.plan`). */
  setPlan(item: SavedScenario, pipelineId: string): Promise<Outcome> {
    return this.act((repo) => repo.updatePipeline(pipelineId, { plan: item.id }));
  }

  /** Deletes `item` at once and offers to undo it. */
  async remove(item: SavedScenario): Promise<Outcome> {
    const result = await this.act((repo) => repo.deleteScenario(item.id));
    if (result.ok) this.offerUndo(item, false);
    return result;
  }

  /** Stores the deleted or replaced scenario again, as it was; `undefined` when nothing is offered. */
  async undo(): Promise<(Outcome & { item: SavedScenario }) | undefined> {
    const offered = this.undoable;
    if (!offered) return undefined;
    this.endUndo();
    const { id, name, pipelineId, scenario } = offered.item;
    const result = await this.act((repo) => repo.saveScenario({ id, name, pipelineId, scenario }));
    return { ...result, item: offered.item };
  }

  /** The focus or the pointer came to (`held`) or left the Undo button. */
  holdUndo(hold: UndoHold, held: boolean): void {
    if (held) this.holds.add(hold);
    else this.holds.delete(hold);
    if (this.undoable) this.countDown();
  }

  /** Stops offering Undo. */
  endUndo(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.holds.clear();
    if (!this.undoable) return;
    this.undoable = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.endUndo();
  }

  private offerUndo(item: SavedScenario, replaced: boolean): void {
    this.endUndo();
    this.undoable = { item, replaced };
    this.countDown();
    this.host.requestUpdate();
  }

  /** (Re)starts the full time, unless something holds the offer open. */
  private countDown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.holds.size) return;
    this.timer = setTimeout(() => {
      this.endUndo();
      this.options.onUndoExpired?.();
    }, UNDO_MS);
  }

  /** Runs a store action, then reads the list again, so that it is shown when this resolves. */
  private async act(action: (repo: SalesRepository) => Promise<unknown>): Promise<Outcome> {
    let repo: SalesRepository;
    try {
      repo = await this.options.ready();
      await action(repo);
    } catch (e) {
      return failed(e);
    }
    // A failed read shows as the list's error; the action itself went through.
    const version = ++this.version;
    const planVersion = ++this.planVersion;
    await Promise.all([
      this.list.run([repo, version]),
      this.plan.run([repo, this.options.pipeline?.(), planVersion]).catch(() => undefined),
    ]);
    return { ok: true };
  }
}
