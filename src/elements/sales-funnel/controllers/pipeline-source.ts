import { Task, TaskStatus, initialState } from '@lit/task';
import { pipelineFunnel, type PipelineFunnel } from '../../../analytics/pipeline-funnel.js';
import { atPresent } from '../../../analytics/present.js';
import type { Deal, Lang, Pipeline, Scenario, StageEvent } from '../../../model/types.js';
import type { SalesRepository, StoreChange } from '../../../store/repository.js';
import {
  RepositoryController,
  type RepositoryHost,
} from '../../controllers/repository-controller.js';
import { storageFailure } from '../../controllers/storage-failure.js';
import { t } from '../../i18n.js';
import type { DataRead } from '../model/funnel-input.js';
import type { FunnelSource } from '../model/funnel-model.js';
import type { PipelineModeStrings } from '../pipeline-strings.js';

/**
 * The `pipeline` data source of `<sales-funnel>`: a stored pipeline's history, read again on
 * every change to it (in this tab or another), as the funnel of `pipelineFunnel`. Loaded with a
 * dynamic `import()` only when `pipeline` is set, so a chart of plain data does not carry the
 * store or the analytics.
 */

export interface PipelineHost extends RepositoryHost {
  pipeline?: string;
  database?: string;
}

/**
 * What there is to draw: a pipeline's funnel (with the scenario of its plan, when one is set
 * and still saved), a pipeline not created yet, or a failure.
 */
export type PipelineRead =
  | {
      kind: 'funnel';
      name: string;
      funnel: PipelineFunnel;
      plan?: Scenario;
      /** Deals dated after the present (a clock that was ahead), counted as of now. */
      futureDated: number;
    }
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

interface History {
  id: string;
  pipeline: Pipeline | undefined;
  deals: Deal[];
  events: StageEvent[];
  plan?: Scenario;
  /** When it was read: the present of the analytics. */
  now: number;
}

export { PIPELINE_MODE_STRINGS } from '../pipeline-strings.js';

export class PipelineSource {
  private readonly repo: RepositoryController;
  /** Counts the pipeline's changes: each one reads it again. */
  private changes = 0;
  private readonly task: Task<[string | undefined, SalesRepository | undefined, number], History>;
  private last?: { key: unknown[]; read: PipelineRead | undefined };

  constructor(
    private readonly host: PipelineHost,
    lang: () => Lang,
  ) {
    this.repo = new RepositoryController(host, {
      // Every change (`null`): the plan is a saved scenario, which belongs to no pipeline.
      pipeline: () => (host.pipeline ? null : undefined),
      database: () => host.database,
      lang,
      // Every change comes (for the plan's); one to another pipeline asks for no update.
      concerns: (change) => this.concerns(change),
      // The controller asks the host to update, which runs the task with the new count.
      onChange: () => this.changes++,
    });
    // A new pipeline, or a new repository (another `repository`, `database` or provider),
    // aborts a read under way; only the latest one is shown.
    this.task = new Task(host, {
      args: () => [host.pipeline || undefined, this.repo.repository, this.changes],
      task: async ([id, repo], { signal }) => {
        if (!id || !repo) return initialState;
        const pipeline = await repo.getPipeline(id);
        signal.throwIfAborted();
        const [deals, events, saved] = pipeline
          ? await Promise.all([
              repo.listDeals(id),
              repo.listEvents(id),
              // The simulator saves scenarios under no pipeline: any saved one can be the plan.
              pipeline.plan ? repo.listScenarios() : [],
            ])
          : [[], [], []];
        const plan = saved.find((s) => s.id === pipeline?.plan)?.scenario;
        return { id, pipeline, deals, events, ...(plan ? { plan } : {}), now: Date.now() };
      },
    });
  }

  /** A change to the pipeline, or to the saved scenario that is its plan (edited, say). */
  private concerns(change: StoreChange): boolean {
    if (change.pipelineId === (this.host.pipeline || undefined)) return true;
    const plan = this.task.value?.pipeline?.plan;
    return change.type === 'scenario' && plan != null && change.ids.includes(plan);
  }

  /**
   * What to draw for the host's `pipeline`, in `lang`; `undefined` until its first read. The same
   * object until something changes, so the host derives its chart again only then.
   */
  read(lang: Lang, wonName: string): PipelineRead | undefined {
    const { task } = this;
    const failed = task.status === TaskStatus.ERROR ? task.error : this.repo.error;
    const history = task.value;
    const key = [failed ?? history, this.host.pipeline, lang, wonName];
    if (this.last?.key.every((k, i) => k === key[i])) return this.last.read;
    let read: PipelineRead | undefined;
    if (failed !== undefined) {
      const { message, cause } = storageFailure(failed, lang);
      // Once per failure (the read is kept while nothing changes): the browser's words, for logs.
      console.warn(`<${this.host.localName}> pipeline: ${message}`, cause);
      read = { kind: 'error', message };
    } else if (!history || history.id !== this.host.pipeline) read = undefined;
    else if (!history.pipeline) read = { kind: 'missing' };
    else {
      const { pipeline, plan, now } = history;
      const { deals, events, futureDated } = atPresent(history.deals, history.events, now);
      const funnel = pipelineFunnel(pipeline, deals, events, { now, lang, wonName });
      read = {
        kind: 'funnel',
        name: pipeline.name || history.id,
        funnel,
        futureDated,
        ...(plan ? { plan } : {}),
      };
    }
    this.last = { key, read };
    return read;
  }

  /**
   * What the chart draws of a read: the funnel with its note, the failure, or (before the first
   * read, or for a pipeline not created yet) nothing but a note; and the plan to draw it against.
   */
  data(
    read: PipelineRead | undefined,
    s: PipelineModeStrings,
  ): { read: DataRead; plan?: Scenario } {
    const note = (text?: string): DataRead => ({
      ok: true,
      source: { names: [], values: [], note: text },
    });
    if (!read) return { read: note() };
    // Worded already (so not through funnel-input's `problem`: importing it here would split the
    // first load of a bundler's build in two, rolldown#10731).
    if (read.kind === 'error') {
      return { read: { ok: false, problem: { field: 'pipeline', errors: [read.message] } } };
    }
    if (read.kind === 'missing')
      return { read: note(t(s.pipelineMissing, { id: this.host.pipeline! })) };
    const ahead = read.futureDated ? ` ${t(s.futureDated, { count: read.futureDated })}` : '';
    const text = t(s.pipelineNote, { name: read.name }) + ahead;
    return { read: { ok: true, source: fromPipeline(read.funnel, text) }, plan: read.plan };
  }

  /** Whether the repository is still being chosen or a read is under way. */
  get pending(): boolean {
    const choosing = !this.repo.repository && this.repo.error === undefined;
    return choosing || this.task.status === TaskStatus.PENDING;
  }

  /** Resolves once the repository is chosen and the latest read has ended, however it ended. */
  async settled(): Promise<void> {
    await this.repo.ready();
    await this.task.taskComplete.catch(() => undefined);
  }
}

/** A pipeline's history: deals that reached each stage, then those won, with the decided deals. */
export function fromPipeline(funnel: PipelineFunnel, note: string): FunnelSource {
  return {
    names: funnel.rows.map((r) => r.name),
    values: funnel.rows.map((r) => r.reached),
    decided: funnel.rows.map((r) => r.observed),
    note,
  };
}
