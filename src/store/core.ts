import { compareStageEvents } from '../model/stage-events.js';
import type { Deal, DealOutcome, Lang, Pipeline, StageEvent } from '../model/types.js';
import type { Backend, StoreName, Tx } from './backend.js';
import { buildPipeline, type BuildContext } from './builders.js';
import { ChangeFeed } from './change-feed.js';
import {
  createDealIn,
  deleteDealIn,
  moveDealIn,
  restoreDealIn,
  setOutcomeIn,
  updateDealIn,
} from './deal-writes.js';
import { fieldError, invalidError, toStoreError } from './errors.js';
import { pipelineIn } from './lookups.js';
import {
  deletePipelineIn,
  pipelinePatched,
  removeStageIn,
  stageAdded,
  stageRenamed,
  stageUpdated,
  stagesReordered,
} from './pipeline-edits.js';
import type { PipelineExport, SavedScenario } from './records.js';
import type {
  ChangeType,
  DealChange,
  DealPatch,
  DeletedDeal,
  ImportOptions,
  MappedImport,
  MappedImportResult,
  NewDeal,
  NewPipeline,
  NewScenario,
  NewStage,
  OutcomeOptions,
  PipelinePatch,
  PipelineSummary,
  RepositoryNotice,
  SalesRepository,
  SampleLoad,
  SampleLoadOptions,
  StageMoveOptions,
  StagePatch,
  StoreChange,
} from './repository.js';
import { summarizeDeals } from './summary.js';
import { checkPipelineExport } from './validate.js';

/**
 * The repository's rules over any `Backend`: the one implementation of `SalesRepository` that
 * the IndexedDB and memory repositories share. Each method is one transaction composing the
 * record builders (`builders.ts`), column placement (`placement.ts`) and the write rules of
 * each concern (`pipeline-edits.ts`, `deal-writes.ts`, `bulk-writes.ts`, `sample-load.ts`,
 * `scenario-writes.ts`); once the transaction has committed it publishes what changed on the
 * change feed (`change-feed.ts`). Which stores a write spans, and which change it announces,
 * is decided here.
 */

export interface RepositoryOptions {
  /** Language of validation messages. Default `en`. */
  lang?: Lang;
  /** Clock, for tests. */
  now?: () => number;
  /** Id generator, for tests. */
  newId?: () => string;
  /** BroadcastChannel name for cross-tab changes; none: this tab only. */
  channelName?: string;
  /** Why the data is not persistent (memory repository). */
  reason?: string;
}

const randomId = (): string =>
  globalThis.crypto?.randomUUID?.() ??
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The stores a write to deals and their history spans. */
const DEAL_STORES: StoreName[] = ['pipelines', 'deals', 'events'];

export class CoreRepository implements SalesRepository {
  readonly persistent: boolean;
  readonly reason?: string;
  private readonly ctx: BuildContext;
  protected readonly feed: ChangeFeed;

  constructor(
    private readonly backend: Backend,
    options: RepositoryOptions = {},
  ) {
    this.persistent = backend.persistent;
    this.reason = options.reason;
    this.ctx = {
      lang: options.lang ?? 'en',
      now: options.now ?? Date.now,
      newId: options.newId ?? randomId,
    };
    this.feed = new ChangeFeed(options.channelName);
  }

  listPipelines(): Promise<Pipeline[]> {
    return this.read(['pipelines'], (tx) => tx.all('pipelines'));
  }

  getPipeline(id: string): Promise<Pipeline | undefined> {
    return this.read(['pipelines'], (tx) => tx.get('pipelines', id));
  }

  async createPipeline(input: NewPipeline): Promise<Pipeline> {
    const pipeline = buildPipeline(input, this.ctx);
    await this.write(['pipelines'], async (tx) => {
      if (await tx.get('pipelines', pipeline.id)) {
        throw invalidError([fieldError(this.ctx.lang, 'id', 'exists', { value: pipeline.id })]);
      }
      await tx.put('pipelines', pipeline);
    });
    this.publish('pipeline', pipeline.id, [pipeline.id]);
    return pipeline;
  }

  async ensurePipeline(id: string, input?: Omit<NewPipeline, 'id'>): Promise<Pipeline> {
    const fresh = buildPipeline({ name: id, ...input, id }, this.ctx);
    let created = false;
    const pipeline = await this.write(['pipelines'], async (tx) => {
      const existing = await tx.get('pipelines', id);
      if (existing) return existing;
      await tx.put('pipelines', fresh);
      created = true;
      return fresh;
    });
    if (created) this.publish('pipeline', id, [id]);
    return pipeline;
  }

  updatePipeline(id: string, patch: PipelinePatch): Promise<Pipeline> {
    return this.editPipeline(id, (p) => pipelinePatched(p, patch, this.ctx.lang));
  }

  async deletePipeline(id: string): Promise<void> {
    await this.write(['pipelines', 'deals', 'events', 'scenarios'], (tx) =>
      deletePipelineIn(tx, id),
    );
    this.publish('pipeline-deleted', id, [id]);
  }

  addStage(pipelineId: string, stage: NewStage, index?: number): Promise<Pipeline> {
    return this.editPipeline(pipelineId, (p) => stageAdded(p, stage, index, this.ctx.lang));
  }

  updateStage(pipelineId: string, stageId: string, patch: StagePatch): Promise<Pipeline> {
    return this.editPipeline(pipelineId, (p) => stageUpdated(p, stageId, patch, this.ctx.lang));
  }

  renameStage(pipelineId: string, stageId: string, name: string): Promise<Pipeline> {
    return this.editPipeline(pipelineId, (p) => stageRenamed(p, stageId, name, this.ctx.lang));
  }

  reorderStages(pipelineId: string, stageIds: readonly string[]): Promise<Pipeline> {
    return this.editPipeline(pipelineId, (p) => stagesReordered(p, stageIds, this.ctx.lang));
  }

  async removeStage(pipelineId: string, stageId: string, moveDealsTo: string): Promise<Pipeline> {
    const { pipeline, moved } = await this.write(DEAL_STORES, (tx) =>
      removeStageIn(tx, this.ctx, pipelineId, stageId, moveDealsTo),
    );
    if (moved.length) this.publish('deal-moved', pipelineId, moved);
    this.publish('pipeline', pipelineId, [pipelineId]);
    return pipeline;
  }

  listDeals(pipelineId: string, filter: { stageId?: string } = {}): Promise<Deal[]> {
    return this.read(['deals'], (tx) =>
      filter.stageId === undefined
        ? tx.all('deals', 'byPipeline', pipelineId)
        : tx.all('deals', 'byPipelineStage', [pipelineId, filter.stageId]),
    );
  }

  getDeal(id: string): Promise<Deal | undefined> {
    return this.read(['deals'], (tx) => tx.get('deals', id));
  }

  async summarize(pipelineId: string): Promise<PipelineSummary> {
    const [pipeline, deals] = await this.read(
      ['pipelines', 'deals'],
      async (tx) =>
        [
          await pipelineIn(tx, pipelineId),
          await tx.all('deals', 'byPipeline', pipelineId),
        ] as const,
    );
    return summarizeDeals(pipeline, deals);
  }

  async createDeal(pipelineId: string, input: NewDeal): Promise<Deal> {
    const deal = await this.write(DEAL_STORES, (tx) =>
      createDealIn(tx, this.ctx, pipelineId, input),
    );
    this.publish('deal', pipelineId, [deal.id]);
    return deal;
  }

  async updateDeal(id: string, patch: DealPatch, expectedVersion: number): Promise<Deal> {
    const deal = await this.write(['pipelines', 'deals'], (tx) =>
      updateDealIn(tx, this.ctx, id, patch, expectedVersion),
    );
    this.publish('deal', deal.pipelineId, [id]);
    return deal;
  }

  async deleteDeal(id: string, expectedVersion?: number): Promise<DeletedDeal> {
    const snapshot = await this.write(['deals', 'events'], (tx) =>
      deleteDealIn(tx, id, expectedVersion),
    );
    this.publish('deal-deleted', snapshot.deal.pipelineId, [id]);
    return snapshot;
  }

  async restoreDeal(snapshot: DeletedDeal): Promise<Deal> {
    const { deal, renumbered } = await this.write(DEAL_STORES, (tx) =>
      restoreDealIn(tx, this.ctx, snapshot),
    );
    this.publish('deal', deal.pipelineId, [deal.id, ...renumbered.map((d) => d.id)]);
    return deal;
  }

  async moveDeal(id: string, toStageId: string, options: StageMoveOptions): Promise<DealChange> {
    const change = await this.write(DEAL_STORES, (tx) =>
      moveDealIn(tx, this.ctx, id, toStageId, options),
    );
    if (change.events) {
      // A reopen alone is an outcome change, like setOutcome's; with a move it is a move. A
      // reorder within the column writes no history: it is no step through the funnel.
      const type = change.event?.kind === 'moved' ? 'deal-moved' : 'deal';
      const others = change.renumbered?.map((d) => d.id) ?? [];
      this.publish(type, change.deal.pipelineId, [id, ...others]);
    }
    return change;
  }

  async setOutcome(id: string, outcome: DealOutcome, options: OutcomeOptions): Promise<DealChange> {
    const change = await this.write(['deals', 'events'], (tx) =>
      setOutcomeIn(tx, this.ctx, id, outcome, options),
    );
    if (change.event) this.publish('deal', change.deal.pipelineId, [id]);
    return change;
  }

  async listEvents(pipelineId: string, filter: { dealId?: string } = {}): Promise<StageEvent[]> {
    const events = await this.read(['events'], (tx) =>
      filter.dealId === undefined
        ? tx.all('events', 'byPipeline', pipelineId)
        : tx.all('events', 'byDeal', filter.dealId),
    );
    return events.filter((e) => e.pipelineId === pipelineId).sort(compareStageEvents);
  }

  async importDeals(
    pipelineId: string,
    inputs: readonly NewDeal[],
    options: ImportOptions = {},
  ): Promise<Deal[]> {
    // Imports, exports and scenarios load on first use (before the transaction opens), as the
    // sample does: a page that only shows a board never pays for them.
    const { prepareImport, writeImportIn } = await import('./bulk-writes.js');
    const pipeline = await this.read(['pipelines'], (tx) => pipelineIn(tx, pipelineId));
    const prepared = prepareImport(pipeline, inputs, this.ctx, options.onProgress);
    await this.write(DEAL_STORES, (tx) =>
      writeImportIn(tx, pipelineId, prepared, this.ctx.lang, options.onProgress),
    );
    const ids = prepared.deals.map((d) => d.id);
    this.publish('deals-imported', pipelineId, ids);
    return prepared.deals;
  }

  async importMapped(
    pipelineId: string,
    input: MappedImport,
    options: ImportOptions = {},
  ): Promise<MappedImportResult> {
    const { writeMappedImportIn } = await import('./import/write-import.js');
    const result = await this.write(DEAL_STORES, (tx) =>
      writeMappedImportIn(tx, pipelineId, input, this.ctx, options.onProgress),
    );
    if (input.newStages?.length) this.publish('pipeline', pipelineId, [pipelineId]);
    this.publish('deals-imported', pipelineId, result.ids);
    return result;
  }

  async exportPipeline(id: string): Promise<PipelineExport> {
    const { exportPipelineIn } = await import('./bulk-writes.js');
    return this.read(DEAL_STORES, (tx) => exportPipelineIn(tx, id, this.ctx.now()));
  }

  async importPipeline(
    data: unknown,
    options: ImportOptions & { replace?: boolean } = {},
  ): Promise<Pipeline> {
    const errors = checkPipelineExport(data, this.ctx.lang);
    if (errors.length) throw invalidError(errors);
    const file = data as PipelineExport;
    const { importPipelineIn } = await import('./bulk-writes.js');
    await this.write(['pipelines', 'deals', 'events', 'scenarios'], (tx) =>
      importPipelineIn(tx, file, options, this.ctx.lang),
    );
    const id = file.pipeline.id;
    this.publish('pipeline', id, [id]);
    this.publish(
      'deals-imported',
      id,
      file.deals.map((d) => d.id),
    );
    return file.pipeline;
  }

  async loadSample(pipelineId: string, options: SampleLoadOptions = {}): Promise<SampleLoad> {
    // The generator loads on first use: a page that only shows a pipeline never pays for it.
    const { loadSampleIn } = await import('./sample-load.js');
    const now = options.now ?? this.ctx.now();
    const lang = options.lang ?? this.ctx.lang;
    const { result, changed } = await this.write(DEAL_STORES, (tx) =>
      loadSampleIn(tx, pipelineId, { ...options, now, lang }),
    );
    this.publish('deals-imported', pipelineId, changed);
    return result;
  }

  async listScenarios(pipelineId?: string | null): Promise<SavedScenario[]> {
    const all = await this.read(['scenarios'], (tx) => tx.all('scenarios'));
    const wanted = pipelineId === undefined ? all : all.filter((s) => s.pipelineId === pipelineId);
    return wanted.sort((a, b) => a.createdAt - b.createdAt);
  }

  async saveScenario(input: NewScenario): Promise<SavedScenario> {
    const { saveScenarioIn } = await import('./scenario-writes.js');
    const saved = await this.write(['scenarios'], (tx) => saveScenarioIn(tx, this.ctx, input));
    this.publish('scenario', saved.pipelineId, [saved.id]);
    return saved;
  }

  async renameScenario(id: string, name: string): Promise<SavedScenario> {
    const { renameScenarioIn } = await import('./scenario-writes.js');
    const saved = await this.write(['scenarios'], (tx) => renameScenarioIn(tx, this.ctx, id, name));
    this.publish('scenario', saved.pipelineId, [id]);
    return saved;
  }

  async deleteScenario(id: string): Promise<void> {
    const { deleteScenarioIn } = await import('./scenario-writes.js');
    const pipelineId = await this.write(['scenarios'], (tx) => deleteScenarioIn(tx, id));
    this.publish('scenario', pipelineId, [id]);
  }

  subscribe(pipelineId: string | null, listener: (change: StoreChange) => void): () => void {
    return this.feed.subscribe(pipelineId, listener);
  }

  onNotice(listener: (notice: RepositoryNotice) => void): () => void {
    return this.feed.onNotice(listener);
  }

  /** Called by the backend owner (the IndexedDB repository) about its connection. */
  emitNotice(notice: RepositoryNotice): void {
    this.feed.notice(notice);
  }

  close(): void {
    this.feed.close();
    this.backend.close();
  }

  private async read<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.backend.read(stores, fn);
    } catch (e) {
      throw toStoreError(e);
    }
  }

  private async write<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.backend.write(stores, fn);
    } catch (e) {
      throw toStoreError(e);
    }
  }

  private async editPipeline(id: string, edit: (p: Pipeline) => Pipeline): Promise<Pipeline> {
    const pipeline = await this.write(['pipelines'], async (tx) => {
      const next = { ...edit(await pipelineIn(tx, id)), id, updatedAt: this.ctx.now() };
      await tx.put('pipelines', next);
      return next;
    });
    this.publish('pipeline', id, [id]);
    return pipeline;
  }

  /** Tells listeners here and in other tabs; called only after the write committed. */
  private publish(type: ChangeType, pipelineId: string | null, ids: string[]): void {
    this.feed.publish(type, pipelineId, ids);
  }
}
