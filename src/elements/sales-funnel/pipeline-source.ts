import { liveCounts } from '../../analytics/live.js';
import type { Lang, StageCount } from '../../model/types.js';
import { RepositoryController, type RepositoryHost } from '../controllers/repository-controller.js';

/**
 * The `pipeline` data source of `<sales-funnel>`: the live counts of a stored pipeline, read
 * again on every change to it (in this tab or another). Loaded with a dynamic `import()` only
 * when `pipeline` is set, so a chart of plain data does not carry the store.
 */

export interface PipelineHost extends RepositoryHost {
  pipeline?: string;
  database?: string;
}

/** What the source read last: counts, a missing pipeline, or a failure. */
export type PipelineRead =
  | { kind: 'counts'; counts: StageCount[]; name: string }
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

/**
 * The caption under a live pipeline's funnel, per language: `{name}` the pipeline's name, `{id}`
 * the id asked for (a missing pipeline has no name yet). Quotes are each language's own.
 */
export type PipelineNotes = Record<Lang, { reached: string; missing: string }>;

export const PIPELINE_NOTES: PipelineNotes = {
  en: {
    reached:
      'Live from pipeline “{name}”: deals that reached each stage, open, won or lost (a won deal counts in every stage).',
    missing: 'There is no pipeline “{id}” yet; the funnel appears when it is created.',
  },
  es: {
    reached:
      'En directo del flujo de ventas «{name}»: oportunidades que llegaron a cada etapa, abiertas, ganadas o perdidas (una ganada cuenta en todas).',
    missing: 'Aún no existe el flujo de ventas «{id}»; el embudo aparecerá cuando se cree.',
  },
};

export class PipelineSource {
  private readonly repo: RepositoryController;
  private token = 0;

  constructor(
    private readonly host: PipelineHost,
    lang: () => Lang,
    private readonly onRead: (read: PipelineRead) => void,
  ) {
    this.repo = new RepositoryController(host, {
      pipeline: () => host.pipeline || undefined,
      database: () => host.database,
      lang,
      onRepository: () => void this.read(),
      onChange: () => void this.read(),
    });
  }

  /**
   * Reads the pipeline and its deals, then reports the cumulative "reached" counts: a funnel of a
   * live pipeline narrows like the sales it shows, while open counts per column would not.
   * A read overtaken by a newer one reports nothing.
   */
  async read(): Promise<void> {
    const token = ++this.token;
    const id = this.host.pipeline;
    let result: PipelineRead;
    try {
      const repo = await this.repo.ready();
      if (!repo || !id) {
        if (!this.repo.error) return;
        throw this.repo.error;
      }
      const pipeline = await repo.getPipeline(id);
      const deals = pipeline ? await repo.listDeals(id) : [];
      result = pipeline
        ? {
            kind: 'counts',
            counts: liveCounts(pipeline, deals).reachedCounts,
            name: pipeline.name || id,
          }
        : { kind: 'missing' };
    } catch (e) {
      result = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    if (token === this.token) this.onRead(result);
  }
}
