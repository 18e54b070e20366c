/**
 * From a pipeline's history to the funnel's numbers. Pure: no DOM, no IndexedDB, no clock
 * (`now` is always passed in). The semantics, which every function here shares:
 *
 * - **Source.** Deals of the given pipeline only (by `pipelineId`); their `StageEvent`s, sorted
 *   by time (at equal times: created, reopened, moved, then won/lost; otherwise the given order),
 *   replayed up to `now`. Events after `now` and events of unknown deals are ignored (`now` is
 *   a cut: the history as it stood then; views of the present pass their history through
 *   `atPresent` first, which takes whatever is dated after `now` as happening now and counts
 *   those deals, so a clock that was ahead loses nothing). A deal
 *   with no events at all (imported without history) is taken as created in its current stage
 *   at `createdAt` and closed at `updatedAt`. When a deal has events they are the truth, even
 *   where the deal record disagrees. Stage ids the pipeline no longer has are skipped; a deal
 *   that never was in a known stage is "unplaced" and left out of every count.
 * - **Reached.** A deal reached stage i if it ever entered stage i or a later one: a deal
 *   created directly in stage 3 has passed stages 0–2 too (the usual CRM convention). A won
 *   deal has reached (and passed) every stage, wherever it was won. Each deal counts once per
 *   stage, however often it bounced back and forth.
 * - **Depth** is how far a deal got: the highest stage it entered, or past the last one when
 *   won. Every deal that reached stage i has exactly one fate there: **advanced** (depth > i;
 *   for the last stage, won), **lost** (lost, depth = i) or **open** (open, depth = i: still
 *   undecided). So `reached = advanced + lost + open` at every stage, and a deal sent back from
 *   stage 4 to the start and lost there counts as lost at stage 4, the furthest it got (the
 *   board's view, "lost while in stage 0", is `lostWhileIn`).
 * - **Conversion** of stage i = `advanced / (advanced + lost)`: deals still open at their
 *   furthest stage are right-censored, left out of the denominator rather than counted as
 *   failures. Exposed as observed counts `{ won: advanced, of: advanced + lost }` (what
 *   `Stage.observed` takes, so the simulator's Beta posterior reflects how much data there is)
 *   and as the naive share `advanced / reached`. 0 of 0 gives `null`, never NaN;
 *   `scenarioFromPipeline` turns it into `rate: 0` with `observed: { won: 0, of: 0 }`.
 * - **Outcomes.** Won and lost come from the won/lost events; a `reopened` event (or a move
 *   after a close) makes the deal open again and the earlier win or loss stops counting.
 * - **Backward moves** are moves to an earlier stage; each is counted at the stage it left.
 * - **Time in stage.** Each visit runs from entering a stage (created, moved, reopened) to
 *   leaving it (moved, won, lost). Finished visits give median / p25 / p75 days (linear
 *   interpolation between ranks; a deal that comes back visits twice). Visits still running
 *   (open deals) are measured up to `now` and reported apart, as `openMedianDays`.
 * - **Periods** are calendar quarters (`2026-Q3`) or months (`2026-08`) in local time (UTC
 *   on request); each event is dated by when it happened.
 */
export { atPresent, type PresentHistory } from './present.js';
export { replay, type DealPath, type Stay, type BackwardMove } from './history.js';
export {
  stageStats,
  type StageStat,
  type StageStats,
  type StageStatsOptions,
} from './stage-stats.js';
export { liveCounts, type LiveCounts, type LiveStage } from './live.js';
export {
  periods,
  periodOf,
  type Change,
  type Period,
  type PeriodChange,
  type PeriodRange,
  type PeriodStage,
  type PeriodStageChange,
  type PeriodsOptions,
  type PeriodUnit,
} from './periods.js';
export { scenarioFromPipeline, type ScenarioFromPipelineOptions } from './scenario.js';
export {
  forecastParts,
  forecastSource,
  learnedStaleDays,
  MIN_VISITS_FOR_THRESHOLD,
  STALE_SHARE,
  stageStaleDays,
  type ForecastSource,
  type ForecastSourceDeal,
  type ForecastSourceStage,
} from './forecast-source.js';
export { movement, type Flow, type Movement } from './movement.js';
export { sampleHistory, samplePipeline, type SampleHistory, type SampleOptions } from './sample.js';
export {
  pipelineFunnel,
  type PipelineFunnel,
  type PipelineFunnelOptions,
  type PipelineFunnelRow,
} from './pipeline-funnel.js';
