import type {
  Deal,
  DealOutcome,
  Lang,
  LocalizedText,
  Pipeline,
  PipelineGoal,
  PipelineStage,
  Preset,
  Scenario,
  StageEvent,
} from '../model/types.js';
import type { PipelineExport, SavedScenario } from './records.js';

/**
 * The one interface every element uses to reach stored data. Two implementations keep the
 * same contract: IndexedDB (`persistent: true`) and memory (the fallback, `persistent: false`).
 * Every method that writes is one transaction: all of it is stored, or none of it, and the
 * promise rejects with a `StoreError`. `openRepository` (`open.ts`) gives the one to use.
 *
 * This module holds only the contract and its types: implementations import it, never the
 * other way round.
 */
export interface SalesRepository {
  /** False when data lives only as long as the page (IndexedDB unavailable); see `reason`. */
  readonly persistent: boolean;
  /** Why the repository is not persistent, for the UI to say so. */
  readonly reason?: string;

  listPipelines(): Promise<Pipeline[]>;
  getPipeline(id: string): Promise<Pipeline | undefined>;
  /** Stages come from `stages`, else from `preset`, else the default B2B stages. */
  createPipeline(input: NewPipeline): Promise<Pipeline>;
  /** The pipeline with this id, created from `input` first if it does not exist yet. */
  ensurePipeline(id: string, input?: Omit<NewPipeline, 'id'>): Promise<Pipeline>;
  /** Renames it, changes its currency, or sets (`null`: removes) its goal or its plan. */
  updatePipeline(id: string, patch: PipelinePatch): Promise<Pipeline>;
  /** Deletes the pipeline with its deals, history and scenarios. */
  deletePipeline(id: string): Promise<void>;

  /** Inserts a stage at `index` (default: at the end). */
  addStage(pipelineId: string, stage: NewStage, index?: number): Promise<Pipeline>;
  updateStage(pipelineId: string, stageId: string, patch: StagePatch): Promise<Pipeline>;
  renameStage(pipelineId: string, stageId: string, name: string): Promise<Pipeline>;
  /** `stageIds` must list every stage exactly once, in the new order. */
  reorderStages(pipelineId: string, stageIds: readonly string[]): Promise<Pipeline>;
  /** Removes a stage after moving its deals (recorded as moves) to `moveDealsTo`. */
  removeStage(pipelineId: string, stageId: string, moveDealsTo: string): Promise<Pipeline>;

  listDeals(pipelineId: string, filter?: { stageId?: string }): Promise<Deal[]>;
  getDeal(id: string): Promise<Deal | undefined>;
  /** Count, total and probability-weighted total of the open deals per stage, plus won / lost. */
  summarize(pipelineId: string): Promise<PipelineSummary>;
  /** Creates a deal (default stage: the first) and its `created` history event. */
  createDeal(pipelineId: string, input: NewDeal): Promise<Deal>;
  /** Edits fields other than stage and outcome; `conflict` if the stored version differs. */
  updateDeal(id: string, patch: DealPatch, expectedVersion: number): Promise<Deal>;
  /** Deletes a deal and its history; the snapshot returned undoes it through `restoreDeal`. */
  deleteDeal(id: string, expectedVersion?: number): Promise<DeletedDeal>;
  /**
   * Puts a deleted deal back, history included, in its place in the column (right above the
   * deal that took its rank meanwhile, if any); in the first stage when its stage is gone.
   */
  restoreDeal(snapshot: DeletedDeal): Promise<Deal>;
  /**
   * Moves a deal to a stage (backwards too) and records the move, together. With `reopen`, a
   * won or lost deal is reopened too, in the same transaction (a `reopened` then a `moved`
   * event), so it is never left reopened in its old stage. With `before`, it also places the
   * deal in the column's order, or only that when the stage stays (a reorder).
   */
  moveDeal(id: string, toStageId: string, options: StageMoveOptions): Promise<DealChange>;
  /** Marks a deal won, lost (with a reason) or open again, and records it. */
  setOutcome(id: string, outcome: DealOutcome, options: OutcomeOptions): Promise<DealChange>;
  /** History, oldest first. */
  listEvents(pipelineId: string, filter?: { dealId?: string }): Promise<StageEvent[]>;

  /** Validates every deal, then stores all of them in one transaction, or none. */
  importDeals(
    pipelineId: string,
    deals: readonly NewDeal[],
    options?: ImportOptions,
  ): Promise<Deal[]>;
  /**
   * Stores a mapped import (`import/`) in one transaction, or nothing: its new stages, then each
   * deal, added with its history, or updated in place when a stored deal of the pipeline has its
   * `sourceId` (unchanged ones are left alone). Says how many were added, updated, unchanged.
   */
  importMapped(
    pipelineId: string,
    input: MappedImport,
    options?: ImportOptions,
  ): Promise<MappedImportResult>;
  exportPipeline(id: string): Promise<PipelineExport>;
  /** Validates the whole file, then stores it in one transaction, or nothing. */
  importPipeline(data: unknown, options?: ImportOptions & { replace?: boolean }): Promise<Pipeline>;
  /**
   * Adds the sample history (`sampleHistory`, for the pipeline's own stages) to a stored
   * pipeline, in one transaction that reads the pipeline, generates the sample and writes it.
   * Sample deals of an earlier load that the person never touched are replaced; those they
   * moved, reordered, edited or closed are kept exactly as they are (`isUntouchedSample` in
   * `sample-load.ts` says which), and no other deal is changed. New sample deals go on top of
   * their columns. Publishes one `deals-imported` change.
   */
  loadSample(pipelineId: string, options?: SampleLoadOptions): Promise<SampleLoad>;

  /** Saved scenarios; `pipelineId` `undefined` lists all, `null` those of no pipeline. */
  listScenarios(pipelineId?: string | null): Promise<SavedScenario[]>;
  /** Creates, or overwrites the one with `input.id`. */
  saveScenario(input: NewScenario): Promise<SavedScenario>;
  renameScenario(id: string, name: string): Promise<SavedScenario>;
  deleteScenario(id: string): Promise<void>;

  /**
   * Calls `listener` after every committed change to the pipeline (`null`: to anything), made
   * through this repository or another one on the same database (another tab). Returns the
   * unsubscribe function.
   */
  subscribe(pipelineId: string | null, listener: (change: StoreChange) => void): () => void;
  /** Connection notices the UI must show (`reload-needed`) or may show. */
  onNotice(listener: (notice: RepositoryNotice) => void): () => void;
  close(): void;
}

export interface PipelinePatch {
  name?: string;
  currency?: string;
  goal?: PipelineGoal | null;
  /** A saved scenario's id (`SavedScenario.id`) to plan by. */
  plan?: string | null;
}

export interface NewStage {
  id?: string;
  name: string;
  names?: LocalizedText;
  probability?: number;
}
export type StagePatch = Partial<Omit<PipelineStage, 'id'>>;

export interface NewPipeline {
  id?: string;
  name: string;
  /** Default `EUR`. */
  currency?: string;
  stages?: readonly NewStage[];
  preset?: Preset;
}

export interface NewDeal {
  id?: string;
  title: string;
  company?: string;
  contact?: string;
  /** Default 0. */
  amount?: number;
  /** Default: the pipeline's. */
  currency?: string;
  owner?: string;
  expectedClose?: string;
  notes?: string;
  /** Default: the first stage. */
  stageId?: string;
  outcome?: DealOutcome;
  lostReason?: string;
  /** The deal's id in the CRM it comes from. */
  sourceId?: string;
  /** For imports of older deals; default now. */
  createdAt?: number;
}

/** One step of a deal's history from the file: it entered `stageId` at `at`. */
export interface HistoryStep {
  stageId: string;
  at: number;
}

/** A deal as an import gives it: a new deal, its id in the source CRM, and its history. */
export interface ImportedDeal extends NewDeal {
  sourceId?: string;
  /** Stage entries, oldest first; the last is the deal's stage. */
  history?: HistoryStep[];
  /** When it was won or lost, if the file says. */
  closedAt?: number;
}

export interface MappedImport {
  deals: readonly ImportedDeal[];
  /** Stages to add first (with the ids the deals use). */
  newStages?: readonly NewStage[];
  /** The spreadsheet line of each deal, for messages (same order as `deals`). */
  lines?: readonly number[];
}

/** What a mapped import did. */
export interface MappedImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Ids of the deals added or updated. */
  ids: string[];
}

export type DealPatch = Partial<
  Pick<
    Deal,
    'title' | 'company' | 'contact' | 'amount' | 'currency' | 'owner' | 'expectedClose' | 'notes'
  >
>;

export interface MoveOptions {
  /** The `version` of the deal the user saw; a newer stored one is a `conflict`. */
  expectedVersion: number;
  /** When the move happened; default now. */
  at?: number;
}
export interface StageMoveOptions extends MoveOptions {
  /** Reopen a won or lost deal as part of the move. Without it the outcome stays as it is. */
  reopen?: boolean;
  /**
   * Where in the column: above the deal with this id (which must be in that stage), at the
   * bottom (`null`), or, when absent, on top for a move to another stage and where it is for
   * a deal that stays. Within its own stage this reorders the deal: its version goes up,
   * but no history event is written.
   */
  before?: string | null;
}
export interface OutcomeOptions extends MoveOptions {
  /** Why a deal was lost. */
  reason?: string;
}

export interface DealChange {
  deal: Deal;
  /** The (last) history event written; absent when nothing changed (a move to the same stage). */
  event?: StageEvent;
  /**
   * Every history event written, oldest first: two for a reopen with a move, none for a
   * reorder within the column. Absent when nothing changed.
   */
  events?: StageEvent[];
  /** Other deals of the column whose `rank` was renumbered to make room (rare). */
  renumbered?: Deal[];
}

export interface DeletedDeal {
  deal: Deal;
  events: StageEvent[];
}

export interface NewScenario {
  id?: string;
  name: string;
  pipelineId?: string | null;
  scenario: Scenario;
}

export interface ImportProgress {
  phase: 'read' | 'validate' | 'write';
  done: number;
  total: number;
}
export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

export interface SampleLoadOptions extends ImportOptions {
  /** Default `SAMPLE_SEED`: the same sample on every board. */
  seed?: number;
  /** How many sample deals. Default `SAMPLE_DEALS`. */
  deals?: number;
  /** The instant the history ends; default now. */
  now?: number;
  /** Language of the titles and lost reasons. Default: the repository's. */
  lang?: Lang;
}

/** What `loadSample` did. */
export interface SampleLoad {
  /** Sample deals written: new, or replacing an untouched one of an earlier load. */
  loaded: number;
  /** Sample deals the person had moved, reordered, edited or closed, left as they were. */
  kept: number;
}

export interface StageTotals {
  stageId: string;
  count: number;
  amount: number;
  /** Σ amount × stage probability (amount when the stage has none). */
  weighted: number;
}
export interface PipelineSummary {
  stages: StageTotals[];
  won: { count: number; amount: number };
  lost: { count: number; amount: number };
}

export type ChangeType =
  | 'pipeline'
  | 'pipeline-deleted'
  | 'deal'
  | 'deal-moved'
  | 'deal-deleted'
  | 'deals-imported'
  | 'scenario';

export interface StoreChange {
  type: ChangeType;
  /** `null` for scenarios of no pipeline. */
  pipelineId: string | null;
  /** Ids of the records changed (deals, scenarios, or the pipeline). */
  ids: string[];
  /** True when made through this repository instance, false when it came from another tab. */
  local: boolean;
}

/**
 * - `blocked`: an old tab keeps an older version open; opening waits until it closes.
 * - `reload-needed`: a newer version of the app opened the database elsewhere; this
 *   connection closed itself so the upgrade can run, and writes now fail with `closed`.
 * - `reopened`: the browser dropped the connection and it was opened again.
 * - `data-cleared`: the database was deleted under this connection (the person cleared the
 *   site's data, or the site deleted it): writes now fail with `closed`; nothing was lost by
 *   this tab's doing, and reloading starts afresh.
 */
export type RepositoryNotice =
  | { type: 'blocked' }
  | { type: 'reload-needed' }
  | { type: 'reopened' }
  | { type: 'data-cleared' }
  | SyncNotice;

/**
 * A synced repository's state toward its server: `online` (everything sent and received),
 * `syncing` (connected, changes on their way), `unsaved` (changes made here the server has
 * not confirmed, and no connection), `offline` (no connection, nothing waiting).
 */
export type SyncStatus = 'online' | 'offline' | 'syncing' | 'unsaved';

/**
 * Notices of a synced repository (`sync`):
 * - `sync-status`: the state toward the server changed;
 * - `sync-refused`: the server refused this client (no or a wrong token): nothing is exchanged;
 * - `move-lost`: this person moved a deal while someone else moved it elsewhere, and the other
 *   move won (`stageId`: where the deal is now); both moves are in its history;
 * - `sync-rejected`: records a peer wrote were left out as invalid (`count`).
 */
export type SyncNotice =
  | { type: 'sync-status'; status: SyncStatus }
  | { type: 'sync-refused' }
  | { type: 'move-lost'; dealId: string; title: string; stageId: string }
  | { type: 'sync-rejected'; count: number };
