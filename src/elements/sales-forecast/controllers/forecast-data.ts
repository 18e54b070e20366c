import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { forecastSource, type ForecastSource } from '../../../analytics/forecast-source.js';
import { movement, type Movement } from '../../../analytics/movement.js';
import { atPresent } from '../../../analytics/present.js';
import type { Lang } from '../../../model/types.js';
import type { SalesRepository, StoreChange } from '../../../store/repository.js';
import { forecastView, type ForecastView, type WhatIf } from '../model/forecast-view.js';

export type Loaded =
  | { state: 'missing'; id: string }
  | {
      state: 'ready';
      id: string;
      source: ForecastSource;
      movement: Movement;
      goal?: number;
      /** Deals dated after the present (a clock that was ahead), counted as of now. */
      futureDated: number;
    };

export interface ForecastDataOptions {
  pipeline: () => string | undefined;
  repository: () => SalesRepository | undefined;
  lang: () => Lang;
  whatIf: () => WhatIf;
  slipping: () => ReadonlySet<string>;
}

/**
 * Reads the pipeline's history (a `Task` of pipeline, repository and a count of the changes
 * seen: a newer read aborts an older one) and derives the figures from it (a second `Task`, of
 * what was read, the what-if and the deals ticked as slipping).
 */
export class ForecastData {
  private changes = 0;
  readonly load: Task<
    readonly [string | undefined, SalesRepository | undefined, number, Lang],
    Loaded | undefined
  >;
  readonly view: Task<
    readonly [Loaded | undefined, WhatIf, ReadonlySet<string>],
    ForecastView | undefined
  >;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ForecastDataOptions,
  ) {
    this.load = new Task(host, {
      args: () => [options.pipeline(), options.repository(), this.changes, options.lang()] as const,
      task: async ([id, repo, , lang], { signal }) => {
        if (!id) return undefined;
        if (!repo) return initialState;
        const pipeline = await repo.getPipeline(id);
        if (!pipeline) return { state: 'missing', id } as const;
        const [stored, storedEvents] = await Promise.all([repo.listDeals(id), repo.listEvents(id)]);
        signal.throwIfAborted();
        const now = Date.now();
        // As the funnel and the simulator count them: what a clock ahead dated later counts now.
        const { deals, events, futureDated } = atPresent(stored, storedEvents, now);
        const source = forecastSource(pipeline, deals, events, { now, lang });
        const flow = movement(pipeline, deals, events, { now });
        const goal = pipeline.goal?.revenue;
        return {
          state: 'ready',
          id,
          source,
          movement: flow,
          futureDated,
          ...(goal !== undefined ? { goal } : {}),
        } as const;
      },
    });
    this.view = new Task(host, {
      args: () => [this.load.value, options.whatIf(), options.slipping()] as const,
      task: ([loaded, whatIf, slipping]) => {
        if (loaded?.state !== 'ready' || loaded.source.deals.length === 0) return undefined;
        return forecastView(loaded.source, {
          now: Date.now(),
          ...(loaded.goal !== undefined ? { goal: loaded.goal } : {}),
          whatIf,
          slipping,
        });
      },
    });
  }

  /** A committed change to the pipeline, here or in another tab: read it again. */
  follow(change: StoreChange, host: ReactiveControllerHost): void {
    if (change.pipelineId !== this.options.pipeline() || change.type === 'scenario') return;
    this.changes++;
    host.requestUpdate();
  }

  /** Pending reads or derivations. */
  pending(): Promise<unknown>[] {
    return [this.load, this.view]
      .filter((t) => t.status === TaskStatus.PENDING)
      .map((t) => t.taskComplete.catch(() => undefined));
  }
}
