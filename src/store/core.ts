import type {
  Deal,
  DealOutcome,
  Lang,
  Pipeline,
  PipelineStage,
  StageEvent,
} from '../model/types.js';
import { getPreset } from '../model/presets.js';
import type { Backend, Tx } from './backend.js';
import { DEFAULT_PRESET, DEFAULT_STAGES, slug, stagesFromPreset, uniqueId } from './defaults.js';
import { StoreError, toStoreError, type FieldError } from './errors.js';
import { message } from './messages.js';
import { RANK_STEP, compareRank, rankBetween, ranksAbove } from './rank.js';
import type { PipelineExport, SavedScenario } from './records.js';
import type {
  ChangeType,
  DealChange,
  DealPatch,
  DeletedDeal,
  ImportOptions,
  StageMoveOptions,
  NewDeal,
  NewPipeline,
  NewScenario,
  NewStage,
  OutcomeOptions,
  PipelineSummary,
  RepositoryNotice,
  SalesRepository,
  StagePatch,
  StoreChange,
} from './repository.js';
import { checkDealFields, checkPipelineExport, isCurrency } from './validate.js';

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

/** The message other tabs receive after a committed write. */
interface ChannelMessage {
  type: ChangeType;
  pipelineId: string | null;
  ids: string[];
}

const randomId = (): string =>
  globalThis.crypto?.randomUUID?.() ??
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** At equal times, the order things happen in: a deal is created, reopened, moved, closed. */
const KIND_ORDER: Record<StageEvent['kind'], number> = {
  created: 0,
  reopened: 1,
  moved: 2,
  won: 3,
  lost: 3,
};

const byTimeThenId = (a: StageEvent, b: StageEvent) =>
  a.at - b.at ||
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const DEAL_TEXT = ['company', 'contact', 'owner', 'expectedClose', 'notes'] as const;

/** Where a deal goes in a column: its rank, and the other deals renumbered to make room. */
interface Slot {
  rank: number;
  renumbered: Deal[];
}

/** Drops keys whose value is `undefined`, so stored records and exports stay comparable. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Deals of a pipeline file with a usable order: a column whose ranks are missing (files from
 * before ranks) or repeated is ranked 0, 1, 2… in its current order; others keep theirs.
 */
function withRanks(deals: Deal[]): Deal[] {
  const byStage = new Map<string, Deal[]>();
  for (const d of deals) {
    const list = byStage.get(d.stageId);
    if (list) list.push(d);
    else byStage.set(d.stageId, [d]);
  }
  const fixed = new Map<string, number>();
  for (const list of byStage.values()) {
    const ranks = new Set(list.map((d) => d.rank));
    if (ranks.size === list.length && !ranks.has(undefined)) continue;
    [...list].sort(compareRank).forEach((d, i) => fixed.set(d.id, i * RANK_STEP));
  }
  return fixed.size
    ? deals.map((d) => (fixed.has(d.id) ? { ...d, rank: fixed.get(d.id)! } : d))
    : deals;
}

/** The repository's rules, over any `Backend`. */
export class CoreRepository implements SalesRepository {
  readonly persistent: boolean;
  readonly reason?: string;
  private readonly lang: Lang;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly listeners = new Map<string | null, Set<(c: StoreChange) => void>>();
  private readonly noticeListeners = new Set<(n: RepositoryNotice) => void>();
  private readonly channel?: BroadcastChannel;

  constructor(
    private readonly backend: Backend,
    options: RepositoryOptions = {},
  ) {
    this.persistent = backend.persistent;
    this.reason = options.reason;
    this.lang = options.lang ?? 'en';
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomId;
    if (options.channelName && typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(options.channelName);
      this.channel.onmessage = (e: MessageEvent<ChannelMessage>) => {
        const m = e.data;
        if (m && typeof m.type === 'string' && Array.isArray(m.ids)) {
          this.deliver({
            type: m.type,
            pipelineId: m.pipelineId ?? null,
            ids: m.ids,
            local: false,
          });
        }
      };
    }
  }

  // ---- pipelines ----

  listPipelines(): Promise<Pipeline[]> {
    return this.read(['pipelines'], (tx) => tx.all('pipelines'));
  }

  getPipeline(id: string): Promise<Pipeline | undefined> {
    return this.read(['pipelines'], (tx) => tx.get('pipelines', id));
  }

  async createPipeline(input: NewPipeline): Promise<Pipeline> {
    const pipeline = this.buildPipeline(input);
    await this.write(['pipelines'], async (tx) => {
      if (await tx.get('pipelines', pipeline.id)) {
        throw this.invalid([this.fieldError('id', 'exists', { value: pipeline.id })]);
      }
      await tx.put('pipelines', pipeline);
    });
    this.changed('pipeline', pipeline.id, [pipeline.id]);
    return pipeline;
  }

  async ensurePipeline(id: string, input?: Omit<NewPipeline, 'id'>): Promise<Pipeline> {
    const fresh = this.buildPipeline({ name: id, ...input, id });
    let created = false;
    const pipeline = await this.write(['pipelines'], async (tx) => {
      const existing = await tx.get('pipelines', id);
      if (existing) return existing;
      await tx.put('pipelines', fresh);
      created = true;
      return fresh;
    });
    if (created) this.changed('pipeline', id, [id]);
    return pipeline;
  }

  updatePipeline(id: string, patch: { name?: string; currency?: string }): Promise<Pipeline> {
    return this.editPipeline(id, (p) => {
      const errors: FieldError[] = [];
      if (patch.name !== undefined && patch.name.trim() === '')
        errors.push(this.fieldError('name', 'required'));
      if (patch.currency !== undefined && !isCurrency(patch.currency)) {
        errors.push(this.fieldError('currency', 'bad-currency', { value: patch.currency }));
      }
      if (errors.length) throw this.invalid(errors);
      return { ...p, ...compact(patch) };
    });
  }

  async deletePipeline(id: string): Promise<void> {
    await this.write(['pipelines', 'deals', 'events', 'scenarios'], async (tx) => {
      if (!(await tx.get('pipelines', id))) throw this.notFound('pipeline', id);
      for (const d of await tx.all('deals', 'byPipeline', id)) await tx.delete('deals', d.id);
      for (const e of await tx.all('events', 'byPipeline', id)) await tx.delete('events', e.id);
      for (const s of await tx.all('scenarios', 'byPipeline', id))
        await tx.delete('scenarios', s.id);
      await tx.delete('pipelines', id);
    });
    this.changed('pipeline-deleted', id, [id]);
  }

  // ---- stages ----

  addStage(pipelineId: string, stage: NewStage, index?: number): Promise<Pipeline> {
    return this.editPipeline(pipelineId, (p) => {
      const [added] = this.buildStages([stage], new Set(p.stages.map((s) => s.id)));
      const stages = [...p.stages];
      stages.splice(index ?? stages.length, 0, added!);
      return { ...p, stages };
    });
  }

  updateStage(pipelineId: string, stageId: string, patch: StagePatch): Promise<Pipeline> {
    return this.editPipeline(pipelineId, (p) => {
      this.stageOf(p, stageId);
      if (patch.name !== undefined && patch.name.trim() === '') {
        throw this.invalid([this.fieldError('name', 'required')]);
      }
      const pr = patch.probability;
      if (pr !== undefined && !(pr >= 0 && pr <= 1)) {
        throw this.invalid([this.fieldError('probability', 'bad-type')]);
      }
      const stages = p.stages.map((s) => (s.id === stageId ? compact({ ...s, ...patch }) : s));
      return { ...p, stages };
    });
  }

  renameStage(pipelineId: string, stageId: string, name: string): Promise<Pipeline> {
    // A typed name replaces the per-language names: they would otherwise still show.
    return this.editPipeline(pipelineId, (p) => {
      this.stageOf(p, stageId);
      if (name.trim() === '') throw this.invalid([this.fieldError('name', 'required')]);
      const stages = p.stages.map((s) => {
        if (s.id !== stageId) return s;
        const renamed: PipelineStage = { ...s, name: name.trim() };
        delete renamed.names;
        return renamed;
      });
      return { ...p, stages };
    });
  }

  reorderStages(pipelineId: string, stageIds: readonly string[]): Promise<Pipeline> {
    return this.editPipeline(pipelineId, (p) => {
      const same =
        stageIds.length === p.stages.length &&
        new Set(stageIds).size === stageIds.length &&
        stageIds.every((id) => p.stages.some((s) => s.id === id));
      if (!same) throw this.invalid([this.fieldError('stages', 'bad-type')]);
      return { ...p, stages: stageIds.map((id) => p.stages.find((s) => s.id === id)!) };
    });
  }

  async removeStage(pipelineId: string, stageId: string, moveDealsTo: string): Promise<Pipeline> {
    const moved: string[] = [];
    const pipeline = await this.write(['pipelines', 'deals', 'events'], async (tx) => {
      const p = await this.pipelineIn(tx, pipelineId);
      this.stageOf(p, stageId);
      if (moveDealsTo === stageId) throw this.invalid([this.fieldError('stageId', 'bad-type')]);
      this.stageOf(p, moveDealsTo);
      const at = this.now();
      const leaving = (await tx.all('deals', 'byPipelineStage', [pipelineId, stageId])).sort(
        compareRank,
      );
      // They go on top of their new column, in the order they had.
      const top = await tx.dealNextTo(pipelineId, moveDealsTo, undefined, 'next');
      const ranks = ranksAbove(top?.rank, leaving.length);
      for (const [i, deal] of leaving.entries()) {
        const next = {
          ...deal,
          stageId: moveDealsTo,
          stageEnteredAt: at,
          updatedAt: at,
          rank: ranks[i]!,
          version: deal.version + 1,
        };
        await tx.put('deals', next);
        await tx.put('events', this.event(next, 'moved', stageId, at));
        moved.push(deal.id);
      }
      const updated = { ...p, stages: p.stages.filter((s) => s.id !== stageId), updatedAt: at };
      await tx.put('pipelines', updated);
      return updated;
    });
    if (moved.length) this.changed('deal-moved', pipelineId, moved);
    this.changed('pipeline', pipelineId, [pipelineId]);
    return pipeline;
  }

  // ---- deals ----

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
          await this.pipelineIn(tx, pipelineId),
          await tx.all('deals', 'byPipeline', pipelineId),
        ] as const,
    );
    const totals = new Map(
      pipeline.stages.map((s) => [
        s.id,
        { stageId: s.id, count: 0, amount: 0, weighted: 0, p: s.probability ?? 1 },
      ]),
    );
    const won = { count: 0, amount: 0 };
    const lost = { count: 0, amount: 0 };
    for (const d of deals) {
      if (d.outcome === 'won') ((won.count += 1), (won.amount += d.amount));
      else if (d.outcome === 'lost') ((lost.count += 1), (lost.amount += d.amount));
      else {
        const t = totals.get(d.stageId);
        if (!t) continue;
        t.count += 1;
        t.amount += d.amount;
        t.weighted += d.amount * t.p;
      }
    }
    return { stages: [...totals.values()].map(({ p: _p, ...t }) => t), won, lost };
  }

  async createDeal(pipelineId: string, input: NewDeal): Promise<Deal> {
    const deal = await this.write(['pipelines', 'deals', 'events'], async (tx) => {
      const pipeline = await this.pipelineIn(tx, pipelineId);
      const errors = this.checkNewDeal(input, pipeline);
      if (errors.length) throw this.invalid(errors);
      const { deal, events } = this.buildDeal(input, pipeline);
      if (await tx.get('deals', deal.id)) {
        throw this.invalid([this.fieldError('id', 'duplicate', { value: deal.id })]);
      }
      // New deals go on top of their column.
      const top = await tx.dealNextTo(pipelineId, deal.stageId, undefined, 'next');
      deal.rank = ranksAbove(top?.rank, 1)[0]!;
      await tx.put('deals', deal);
      for (const e of events) await tx.put('events', e);
      return deal;
    });
    this.changed('deal', pipelineId, [deal.id]);
    return deal;
  }

  async updateDeal(id: string, patch: DealPatch, expectedVersion: number): Promise<Deal> {
    const deal = await this.write(['pipelines', 'deals'], async (tx) => {
      const current = await this.dealIn(tx, id, expectedVersion);
      const clean: DealPatch = {};
      for (const key of ['title', 'amount', 'currency', ...DEAL_TEXT] as const) {
        if (key in patch) (clean as Record<string, unknown>)[key] = patch[key];
      }
      const errors = checkDealFields(clean, undefined, this.lang);
      if (errors.length) throw this.invalid(errors);
      if (typeof clean.title === 'string') clean.title = clean.title.trim();
      const next = compact({
        ...current,
        ...clean,
        updatedAt: this.now(),
        version: current.version + 1,
      });
      await tx.put('deals', next);
      return next;
    });
    this.changed('deal', deal.pipelineId, [id]);
    return deal;
  }

  async deleteDeal(id: string, expectedVersion?: number): Promise<DeletedDeal> {
    const snapshot = await this.write(['deals', 'events'], async (tx) => {
      const deal = await this.dealIn(tx, id, expectedVersion);
      const events = await tx.all('events', 'byDeal', id);
      await tx.delete('deals', id);
      for (const e of events) await tx.delete('events', e.id);
      return { deal, events: events.sort(byTimeThenId) };
    });
    this.changed('deal-deleted', snapshot.deal.pipelineId, [id]);
    return snapshot;
  }

  async restoreDeal(snapshot: DeletedDeal): Promise<Deal> {
    const { pipelineId, id } = snapshot.deal;
    const deal = await this.write(['pipelines', 'deals', 'events'], async (tx) => {
      const pipeline = await this.pipelineIn(tx, pipelineId);
      if (await tx.get('deals', id))
        throw this.invalid([this.fieldError('id', 'duplicate', { value: id })]);
      // Its stage may have been removed meanwhile: it comes back to the first one.
      const stageOk = pipeline.stages.some((s) => s.id === snapshot.deal.stageId);
      const stageId = stageOk ? snapshot.deal.stageId : pipeline.stages[0]!.id;
      // Back in its place when it has one; on top of the first column otherwise.
      let rank = snapshot.deal.rank;
      if (!stageOk || rank === undefined) {
        const top = await tx.dealNextTo(pipelineId, stageId, undefined, 'next');
        rank = ranksAbove(top?.rank, 1)[0]!;
      }
      const restored: Deal = {
        ...snapshot.deal,
        stageId,
        rank,
        version: snapshot.deal.version + 1,
        updatedAt: this.now(),
      };
      await tx.put('deals', restored);
      for (const e of snapshot.events) await tx.put('events', e);
      return restored;
    });
    this.changed('deal', pipelineId, [id]);
    return deal;
  }

  async moveDeal(id: string, toStageId: string, options: StageMoveOptions): Promise<DealChange> {
    const change = await this.write(['pipelines', 'deals', 'events'], async (tx) => {
      const deal = await this.dealIn(tx, id, options.expectedVersion);
      const pipeline = await this.pipelineIn(tx, deal.pipelineId);
      this.stageOf(pipeline, toStageId);
      const reopen = options.reopen === true && deal.outcome !== 'open';
      const move = deal.stageId !== toStageId;
      // A move places the deal (on top by default); a reorder only when `before` says where.
      const slot =
        move || options.before !== undefined
          ? await this.slotFor(tx, deal, toStageId, options.before)
          : undefined;
      if (!move && !reopen && !slot) return { deal };
      const at = options.at ?? this.now();
      let next: Deal = {
        ...deal,
        updatedAt: at,
        version: deal.version + 1,
        ...(slot ? { rank: slot.rank } : {}),
      };
      const events: StageEvent[] = [];
      if (reopen) {
        next = compact<Deal>({ ...next, outcome: 'open', lostReason: undefined });
        events.push(this.event(next, 'reopened', deal.stageId, at));
      }
      if (move) {
        next = { ...next, stageId: toStageId, stageEnteredAt: at };
        events.push(this.event(next, 'moved', deal.stageId, at));
      }
      await tx.put('deals', next);
      const renumbered = slot?.renumbered ?? [];
      for (const d of renumbered) await tx.put('deals', d);
      for (const event of events) await tx.put('events', event);
      const result: DealChange = { deal: next, event: events.at(-1), events };
      if (renumbered.length) result.renumbered = renumbered;
      return result;
    });
    if (change.events) {
      // A reopen alone is an outcome change, like setOutcome's; with a move it is a move. A
      // reorder within the column writes no history: it is no step through the funnel.
      const type = change.event?.kind === 'moved' ? 'deal-moved' : 'deal';
      const others = change.renumbered?.map((d) => d.id) ?? [];
      this.changed(type, change.deal.pipelineId, [id, ...others]);
    }
    return change;
  }

  async setOutcome(id: string, outcome: DealOutcome, options: OutcomeOptions): Promise<DealChange> {
    const change = await this.write(['deals', 'events'], async (tx) => {
      const deal = await this.dealIn(tx, id, options.expectedVersion);
      const errors = checkDealFields({ outcome, lostReason: options.reason }, undefined, this.lang);
      if (errors.length) throw this.invalid(errors);
      const reason = outcome === 'lost' ? options.reason?.trim() || undefined : undefined;
      if (deal.outcome === outcome && deal.lostReason === reason) return { deal };
      const at = options.at ?? this.now();
      const next = compact<Deal>({
        ...deal,
        outcome,
        lostReason: reason,
        updatedAt: at,
        version: deal.version + 1,
      });
      const kind = outcome === 'open' ? 'reopened' : outcome;
      const event = this.event(next, kind, deal.stageId, at);
      await tx.put('deals', next);
      await tx.put('events', event);
      return { deal: next, event, events: [event] };
    });
    if (change.event) this.changed('deal', change.deal.pipelineId, [id]);
    return change;
  }

  async listEvents(pipelineId: string, filter: { dealId?: string } = {}): Promise<StageEvent[]> {
    const events = await this.read(['events'], (tx) =>
      filter.dealId === undefined
        ? tx.all('events', 'byPipeline', pipelineId)
        : tx.all('events', 'byDeal', filter.dealId),
    );
    return events.filter((e) => e.pipelineId === pipelineId).sort(byTimeThenId);
  }

  // ---- import / export ----

  async importDeals(
    pipelineId: string,
    inputs: readonly NewDeal[],
    options: ImportOptions = {},
  ): Promise<Deal[]> {
    const { onProgress } = options;
    const pipeline = await this.read(['pipelines'], (tx) => this.pipelineIn(tx, pipelineId));
    const errors: FieldError[] = [];
    const deals: Deal[] = [];
    const events: StageEvent[] = [];
    const ids = new Set<string>();
    inputs.forEach((input, i) => {
      const rowErrors = this.checkNewDeal(input, pipeline, i + 1);
      if (input.id !== undefined) {
        if (ids.has(input.id))
          rowErrors.push(this.fieldError('id', 'duplicate', { value: input.id }, i + 1));
        ids.add(input.id);
      }
      if (rowErrors.length) errors.push(...rowErrors);
      else {
        const built = this.buildDeal(input, pipeline);
        deals.push(built.deal);
        events.push(...built.events);
      }
      if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === inputs.length)) {
        onProgress({ phase: 'validate', done: i + 1, total: inputs.length });
      }
    });
    if (errors.length) throw this.invalid(errors);
    await this.write(['pipelines', 'deals', 'events'], async (tx) => {
      // Checked again inside the write: the pipeline may have changed since validation.
      const now = await this.pipelineIn(tx, pipelineId);
      const stageIds = new Set(now.stages.map((s) => s.id));
      const gone = deals.find((d) => !stageIds.has(d.stageId));
      if (gone)
        throw this.invalid([this.fieldError('stageId', 'unknown-stage', { value: gone.stageId })]);
      for (const id of ids) {
        if (await tx.get('deals', id))
          throw this.invalid([this.fieldError('id', 'duplicate', { value: id })]);
      }
      await this.rankOnTop(tx, pipelineId, deals);
      await tx.putMany('deals', deals, (done) =>
        onProgress?.({ phase: 'write', done, total: deals.length }),
      );
      await tx.putMany('events', events);
    });
    this.changed(
      'deals-imported',
      pipelineId,
      deals.map((d) => d.id),
    );
    return deals;
  }

  async exportPipeline(id: string): Promise<PipelineExport> {
    return this.read(['pipelines', 'deals', 'events'], async (tx) => ({
      format: 'sales-funnel/pipeline',
      formatVersion: 1,
      exportedAt: this.now(),
      pipeline: await this.pipelineIn(tx, id),
      deals: await tx.all('deals', 'byPipeline', id),
      events: (await tx.all('events', 'byPipeline', id)).sort(byTimeThenId),
    }));
  }

  async importPipeline(
    data: unknown,
    options: ImportOptions & { replace?: boolean } = {},
  ): Promise<Pipeline> {
    const errors = checkPipelineExport(data, this.lang);
    if (errors.length) throw this.invalid(errors);
    const file = data as PipelineExport;
    const pipeline = file.pipeline;
    const total = file.deals.length;
    await this.write(['pipelines', 'deals', 'events', 'scenarios'], async (tx) => {
      if (await tx.get('pipelines', pipeline.id)) {
        if (!options.replace)
          throw this.invalid([this.fieldError('pipeline.id', 'exists', { value: pipeline.id })]);
        for (const d of await tx.all('deals', 'byPipeline', pipeline.id))
          await tx.delete('deals', d.id);
        for (const e of await tx.all('events', 'byPipeline', pipeline.id))
          await tx.delete('events', e.id);
      }
      for (const d of file.deals) {
        const other = await tx.get('deals', d.id);
        if (other && other.pipelineId !== pipeline.id) {
          throw this.invalid([this.fieldError('id', 'duplicate', { value: d.id })]);
        }
      }
      await tx.put('pipelines', pipeline);
      await tx.putMany(
        'deals',
        withRanks(file.deals.map((d) => ({ ...d, pipelineId: pipeline.id }))),
        (done) => options.onProgress?.({ phase: 'write', done, total }),
      );
      await tx.putMany(
        'events',
        file.events.map((e) => ({ ...e, pipelineId: pipeline.id })),
      );
    });
    this.changed('pipeline', pipeline.id, [pipeline.id]);
    this.changed(
      'deals-imported',
      pipeline.id,
      file.deals.map((d) => d.id),
    );
    return pipeline;
  }

  // ---- scenarios ----

  async listScenarios(pipelineId?: string | null): Promise<SavedScenario[]> {
    const all = await this.read(['scenarios'], (tx) => tx.all('scenarios'));
    const wanted = pipelineId === undefined ? all : all.filter((s) => s.pipelineId === pipelineId);
    return wanted.sort((a, b) => a.createdAt - b.createdAt);
  }

  async saveScenario(input: NewScenario): Promise<SavedScenario> {
    if (input.name.trim() === '') throw this.invalid([this.fieldError('name', 'required')]);
    if (typeof input.scenario !== 'object' || !Array.isArray(input.scenario?.stages)) {
      throw this.invalid([this.fieldError('scenario', 'bad-type')]);
    }
    const saved = await this.write(['scenarios'], async (tx) => {
      const existing = input.id === undefined ? undefined : await tx.get('scenarios', input.id);
      const at = this.now();
      const record: SavedScenario = {
        id: input.id ?? this.newId(),
        name: input.name.trim(),
        pipelineId: input.pipelineId ?? null,
        scenario: input.scenario,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      };
      await tx.put('scenarios', record);
      return record;
    });
    this.changed('scenario', saved.pipelineId, [saved.id]);
    return saved;
  }

  async renameScenario(id: string, name: string): Promise<SavedScenario> {
    if (name.trim() === '') throw this.invalid([this.fieldError('name', 'required')]);
    const saved = await this.write(['scenarios'], async (tx) => {
      const s = await tx.get('scenarios', id);
      if (!s) throw this.notFound('scenario', id);
      const next = { ...s, name: name.trim(), updatedAt: this.now() };
      await tx.put('scenarios', next);
      return next;
    });
    this.changed('scenario', saved.pipelineId, [id]);
    return saved;
  }

  async deleteScenario(id: string): Promise<void> {
    const pipelineId = await this.write(['scenarios'], async (tx) => {
      const s = await tx.get('scenarios', id);
      if (!s) throw this.notFound('scenario', id);
      await tx.delete('scenarios', id);
      return s.pipelineId;
    });
    this.changed('scenario', pipelineId, [id]);
  }

  // ---- notifications ----

  subscribe(pipelineId: string | null, listener: (change: StoreChange) => void): () => void {
    let set = this.listeners.get(pipelineId);
    if (!set) this.listeners.set(pipelineId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  onNotice(listener: (notice: RepositoryNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** Called by the backend owner (the IndexedDB repository) about its connection. */
  emitNotice(notice: RepositoryNotice): void {
    for (const l of [...this.noticeListeners]) {
      try {
        l(notice);
      } catch (e) {
        console.error(e);
      }
    }
  }

  close(): void {
    this.channel?.close();
    this.backend.close();
  }

  // ---- internals ----

  private async read<T>(
    stores: Parameters<Backend['read']>[0],
    fn: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.backend.read(stores, fn);
    } catch (e) {
      throw toStoreError(e);
    }
  }

  private async write<T>(
    stores: Parameters<Backend['write']>[0],
    fn: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.backend.write(stores, fn);
    } catch (e) {
      throw toStoreError(e);
    }
  }

  private async editPipeline(id: string, edit: (p: Pipeline) => Pipeline): Promise<Pipeline> {
    const pipeline = await this.write(['pipelines'], async (tx) => {
      const next = { ...edit(await this.pipelineIn(tx, id)), id, updatedAt: this.now() };
      await tx.put('pipelines', next);
      return next;
    });
    this.changed('pipeline', id, [id]);
    return pipeline;
  }

  private changed(type: ChangeType, pipelineId: string | null, ids: string[]): void {
    this.deliver({ type, pipelineId, ids, local: true });
    const m: ChannelMessage = { type, pipelineId, ids };
    try {
      this.channel?.postMessage(m);
    } catch {
      // A closed channel (repository closed meanwhile): other tabs re-read on their next change.
    }
  }

  private deliver(change: StoreChange): void {
    const targets = [...(this.listeners.get(null) ?? [])];
    if (change.pipelineId !== null) targets.push(...(this.listeners.get(change.pipelineId) ?? []));
    for (const l of targets) {
      try {
        l(change);
      } catch (e) {
        // A failing listener must not undo the write that was already committed.
        console.error(e);
      }
    }
  }

  private buildPipeline(input: NewPipeline): Pipeline {
    const errors: FieldError[] = [];
    if (typeof input.name !== 'string' || input.name.trim() === '')
      errors.push(this.fieldError('name', 'required'));
    const currency = input.currency ?? 'EUR';
    if (!isCurrency(currency))
      errors.push(this.fieldError('currency', 'bad-currency', { value: currency }));
    // New pipelines follow the 7-stage preset (the one the funnel and simulator show), so a
    // board's columns match them; the built-in list covers a build without presets.
    const preset = input.preset ?? getPreset(DEFAULT_PRESET);
    const source = input.stages ?? (preset ? stagesFromPreset(preset) : DEFAULT_STAGES);
    if (source.length === 0) errors.push(this.fieldError('stages', 'no-stages'));
    if (errors.length) throw this.invalid(errors);
    const at = this.now();
    return {
      id: input.id ?? this.newId(),
      name: input.name.trim(),
      currency,
      stages: this.buildStages(source, new Set()),
      createdAt: at,
      updatedAt: at,
    };
  }

  private buildStages(source: readonly NewStage[], taken: Set<string>): PipelineStage[] {
    return source.map((s, i) => {
      if (typeof s.name !== 'string' || s.name.trim() === '') {
        throw this.invalid([this.fieldError(`stages[${i}].name`, 'required')]);
      }
      const p = s.probability;
      if (p !== undefined && !(p >= 0 && p <= 1))
        throw this.invalid([this.fieldError(`stages[${i}].probability`, 'bad-type')]);
      const id = s.id && !taken.has(s.id) ? s.id : uniqueId(slug(s.name), taken);
      taken.add(id);
      return compact({
        id,
        name: s.name.trim(),
        names: s.names ? { ...s.names } : undefined,
        probability: p,
      });
    });
  }

  private checkNewDeal(input: NewDeal, pipeline: Pipeline, row?: number): FieldError[] {
    const fields: Partial<Record<keyof Deal, unknown>> = { title: input.title };
    for (const k of [
      'amount',
      'currency',
      'stageId',
      'outcome',
      'lostReason',
      ...DEAL_TEXT,
    ] as const) {
      if (input[k] !== undefined) fields[k] = input[k];
    }
    return checkDealFields(fields, pipeline, this.lang, row === undefined ? {} : { row });
  }

  /** A valid deal (already checked) and its history: created, plus won / lost. */
  private buildDeal(input: NewDeal, pipeline: Pipeline): { deal: Deal; events: StageEvent[] } {
    const at = this.now();
    const createdAt = input.createdAt ?? at;
    const outcome = input.outcome ?? 'open';
    const deal = compact<Deal>({
      id: input.id ?? this.newId(),
      pipelineId: pipeline.id,
      title: input.title.trim(),
      company: input.company,
      contact: input.contact,
      amount: input.amount ?? 0,
      currency: input.currency ?? pipeline.currency,
      owner: input.owner,
      expectedClose: input.expectedClose,
      notes: input.notes,
      stageId: input.stageId ?? pipeline.stages[0]!.id,
      outcome,
      lostReason: outcome === 'lost' ? input.lostReason : undefined,
      createdAt,
      updatedAt: at,
      stageEnteredAt: createdAt,
      version: 1,
    });
    const events = [{ ...this.event(deal, 'created', null, createdAt) }];
    if (outcome !== 'open') events.push(this.event(deal, outcome, deal.stageId, createdAt));
    return { deal, events };
  }

  private event(deal: Deal, kind: StageEvent['kind'], from: string | null, at: number): StageEvent {
    return {
      id: this.newId(),
      pipelineId: deal.pipelineId,
      dealId: deal.id,
      kind,
      from,
      to: deal.stageId,
      at,
    };
  }

  /**
   * Where `deal` goes in `stageId`'s column: above `before` (a deal id), at the bottom
   * (`null`) or on top (`undefined`). `undefined` when it is there already.
   */
  private async slotFor(
    tx: Tx,
    deal: Deal,
    stageId: string,
    before: string | null | undefined,
  ): Promise<Slot | undefined> {
    const p = deal.pipelineId;
    if (before === undefined || before === null) {
      const edge = await tx.dealNextTo(p, stageId, undefined, before === null ? 'prev' : 'next');
      if (edge?.id === deal.id) return undefined;
      const rank =
        edge?.rank === undefined ? 0 : edge.rank + (before === null ? 1 : -1) * RANK_STEP;
      return { rank, renumbered: [] };
    }
    if (before === deal.id) return undefined;
    const anchor = await tx.get('deals', before);
    if (anchor?.pipelineId !== p || anchor.stageId !== stageId || anchor.rank === undefined) {
      throw this.invalid([this.fieldError('before', 'not-in-column', { value: before })]);
    }
    const above = await tx.dealNextTo(p, stageId, anchor.rank, 'prev');
    if (above?.id === deal.id) return undefined;
    if (above?.rank === undefined) return { rank: anchor.rank - RANK_STEP, renumbered: [] };
    const rank = rankBetween(above.rank, anchor.rank);
    return rank === undefined
      ? this.renumber(tx, deal, stageId, anchor.id)
      : { rank, renumbered: [] };
  }

  /**
   * Ranks the whole column afresh with `deal` above `beforeId`. Only ranks change: the other
   * deals keep their version, since nobody edited them (an edit in another tab based on that
   * version must not turn into a conflict).
   */
  private async renumber(tx: Tx, deal: Deal, stageId: string, beforeId: string): Promise<Slot> {
    const column = (await tx.all('deals', 'byPipelineStage', [deal.pipelineId, stageId]))
      .filter((d) => d.id !== deal.id)
      .sort(compareRank);
    const at = column.findIndex((d) => d.id === beforeId);
    const renumbered: Deal[] = [];
    column.forEach((d, i) => {
      const rank = (i < at ? i : i + 1) * RANK_STEP;
      if (d.rank !== rank) renumbered.push({ ...d, rank });
    });
    return { rank: at * RANK_STEP, renumbered };
  }

  /** Ranks imported deals above each column's top: newest first, then in the file's order. */
  private async rankOnTop(tx: Tx, pipelineId: string, deals: Deal[]): Promise<void> {
    const byStage = new Map<string, Deal[]>();
    for (const d of deals) {
      const list = byStage.get(d.stageId);
      if (list) list.push(d);
      else byStage.set(d.stageId, [d]);
    }
    for (const [stageId, list] of byStage) {
      const top = await tx.dealNextTo(pipelineId, stageId, undefined, 'next');
      const ranks = ranksAbove(top?.rank, list.length);
      // A stable sort keeps the file's order among equal times.
      list.sort((a, b) => b.createdAt - a.createdAt);
      list.forEach((d, i) => (d.rank = ranks[i]));
    }
  }

  private async pipelineIn(tx: Tx, id: string): Promise<Pipeline> {
    const p = await tx.get('pipelines', id);
    if (!p) throw this.notFound('pipeline', id);
    return p;
  }

  /** The stored deal, checking that the caller saw its latest version. */
  private async dealIn(tx: Tx, id: string, expectedVersion?: number): Promise<Deal> {
    const deal = await tx.get('deals', id);
    if (!deal) throw this.notFound('deal', id);
    if (expectedVersion !== undefined && deal.version !== expectedVersion) {
      throw new StoreError(
        'conflict',
        `Deal ${id} changed meanwhile (version ${deal.version}, expected ${expectedVersion})`,
        { current: deal },
      );
    }
    return deal;
  }

  private stageOf(p: Pipeline, stageId: string): PipelineStage {
    const s = p.stages.find((x) => x.id === stageId);
    if (!s) throw this.invalid([this.fieldError('stageId', 'unknown-stage', { value: stageId })]);
    return s;
  }

  private fieldError(
    field: string,
    code: string,
    params: Record<string, string | number> = {},
    row?: number,
  ): FieldError {
    return {
      ...(row === undefined ? {} : { row }),
      field,
      code,
      message: message(this.lang, code, { field, ...params }),
    };
  }

  private invalid(details: FieldError[]): StoreError {
    return new StoreError('invalid', details.map((d) => d.message).join('; '), { details });
  }

  private notFound(what: string, id: string): StoreError {
    return new StoreError('not-found', `No ${what} with id ${id}`);
  }
}
