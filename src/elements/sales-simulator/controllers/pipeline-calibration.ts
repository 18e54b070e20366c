import { initialState, Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Lang, Scenario } from '../../../model/types.js';
import type { SalesRepository, StoreChange } from '../../../store/repository.js';
import { readCalibration, type Calibration, type CalibrationRead } from '../model/calibration.js';

export interface PipelineCalibrationOptions {
  pipeline: () => string | undefined;
  repository: () => SalesRepository | undefined;
  lang: () => Lang;
  /** The deal value the calibrated scenario keeps (a pipeline's history has amounts, not one value). */
  dealValue: () => number;
  /** The scenario in effect is still the one the pipeline gave (the person has not edited it). */
  untouched: () => boolean;
  /** The pipeline gave a scenario; `byPerson`: the person asked for it (Recalibrate). */
  onScenario: (scenario: Scenario, byPerson: boolean) => void;
  /** A pipeline was read for the first time or as the person asked, or it changed after an edit. */
  onNews: (calibration: Calibration, changed: boolean) => void;
}

/** A read asked for: by the person (Recalibrate), or to follow the pipeline. */
interface Request {
  byPerson: boolean;
}

type Read = CalibrationRead & Request;

/**
 * `<sales-simulator pipeline>`: reads the pipeline with a `Task` of (pipeline, repository,
 * request) — a newer one aborts the read under way — and follows the pipeline's changes while
 * the scenario is the one it gave; after the person edited it, a change is only offered
 * (`changed`), and "Recalibrate" reads it again.
 */
export class PipelineCalibration {
  /** The pipeline changed after the person edited the scenario. */
  changed = false;
  private request: Request = { byPerson: false };
  readonly task: Task<
    readonly [string | undefined, SalesRepository | undefined, Request],
    Read | undefined
  >;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PipelineCalibrationOptions,
  ) {
    this.task = new Task(host, {
      args: () => [options.pipeline(), options.repository(), this.request] as const,
      task: async ([id, repo, { byPerson }], { signal }) => {
        if (!id) return undefined;
        // The first read waits for the repository.
        if (!repo) return initialState;
        const read = await readCalibration(repo, id, {
          lang: options.lang(),
          dealValue: options.dealValue(),
          now: Date.now(),
        });
        signal.throwIfAborted();
        return { ...read, byPerson };
      },
      onComplete: (read) => this.done(read),
    });
  }

  /** Where the calibration of the current `pipeline` stands (`undefined` without one). */
  get state(): Calibration | undefined {
    const id = this.options.pipeline();
    if (!id) return undefined;
    const read = this.task.value;
    return read && read.calibration.id === id ? read.calibration : { state: 'loading', id };
  }

  /** The person asked to read the pipeline again. */
  recalibrate(): void {
    this.ask(true);
  }

  /** `pipeline` was set to another one: what was offered for the last one no longer stands. */
  reset(): void {
    this.changed = false;
  }

  /** A committed change in the repository. */
  follow(change: StoreChange): void {
    const id = this.options.pipeline();
    if (!id || change.type === 'scenario' || change.pipelineId !== id) return;
    if (this.options.untouched()) return this.ask(false);
    if (this.changed) return;
    this.changed = true;
    const state = this.state;
    if (state) this.options.onNews(state, true);
    this.host.requestUpdate();
  }

  private ask(byPerson: boolean): void {
    this.request = { byPerson };
    this.host.requestUpdate();
  }

  private done(read: Read | undefined): void {
    this.changed = false;
    if (!read) return;
    // Still the value before this read: news is the first read of a pipeline, or one asked for.
    const first = this.task.value?.calibration.id !== read.calibration.id;
    if (read.scenario) this.options.onScenario(read.scenario, read.byPerson);
    if (read.byPerson || first) this.options.onNews(read.calibration, false);
  }
}
