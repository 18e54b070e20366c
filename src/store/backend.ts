import type { Deal, Pipeline, StageEvent } from '../model/types.js';
import type { SavedScenario } from './records.js';

/**
 * What the repository needs from a storage engine: transactions over named stores. The
 * IndexedDB and in-memory engines implement it, so every rule (versions, history events,
 * validation, all-or-nothing) lives once, in `core.ts`, and both behave the same.
 */

export interface Records {
  pipelines: Pipeline;
  deals: Deal;
  events: StageEvent;
  scenarios: SavedScenario;
}
export type StoreName = keyof Records;

/** Secondary indexes and the record fields that make their keys. */
export const INDEXES = {
  deals: {
    byPipeline: ['pipelineId'],
    byPipelineStage: ['pipelineId', 'stageId'],
    byPipelineStageRank: ['pipelineId', 'stageId', 'rank'],
  },
  events: { byDeal: ['dealId'], byPipeline: ['pipelineId'] },
  scenarios: { byPipeline: ['pipelineId'] },
  pipelines: {},
} as const;

export type IndexName<S extends StoreName> = keyof (typeof INDEXES)[S] & string;

export interface Tx {
  get<S extends StoreName>(store: S, id: string): Promise<Records[S] | undefined>;
  /** All records, or those whose index key equals `key` (a string, or an array for compound indexes). */
  all<S extends StoreName>(
    store: S,
    index?: IndexName<S>,
    key?: string | string[],
  ): Promise<Records[S][]>;
  count<S extends StoreName>(
    store: S,
    index: IndexName<S>,
    key: string | string[],
  ): Promise<number>;
  put<S extends StoreName>(store: S, value: Records[S]): Promise<void>;
  /** Many puts, queued at once (fast for imports); `onWritten` reports progress. */
  putMany<S extends StoreName>(
    store: S,
    values: readonly Records[S][],
    onWritten?: (done: number) => void,
  ): Promise<void>;
  delete(store: StoreName, id: string): Promise<void>;
  /**
   * In a stage's rank order (rank, then id): the deal right after (`next`) or right before
   * (`prev`) `rank`, or with `rank` `undefined` the first (`next`) or last (`prev`) one. Deals
   * of any outcome count; one read, whatever the column's size.
   */
  dealNextTo(
    pipelineId: string,
    stageId: string,
    rank: number | undefined,
    direction: 'next' | 'prev',
  ): Promise<Deal | undefined>;
}

export interface Backend {
  readonly persistent: boolean;
  /** Runs `fn` in one read-only transaction. */
  read<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one read-write transaction: every write of `fn` is committed together, or,
   * if `fn` throws or the commit fails, none is.
   */
  write<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): void;
}
