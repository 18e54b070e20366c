import type { PeriodUnit } from '../model/calendar.js';
import type { ObservedRate } from '../model/types.js';
import type { Seed } from './random.js';
import type { Target } from './won-needed.js';

/** The forecast's input, normalized, and what its parts share (forecast.ts, forecast-trials.ts). */

/** An open deal. */
export interface ForecastDeal {
  id: string;
  /** Its stage, 0 … `wonStage`. */
  stageIndex: number;
  amount: number;
  /** Days it has been in its stage (whole days count: 2.7 is 2). Default 0. */
  daysInStage?: number;
  /** ISO date; where it lands when none of its stages ahead has a duration. */
  expectedClose?: string;
}

/** A stage, normalized: a rate (posterior mean when `observed`) and what is known of its time. */
export interface ForecastStage {
  name: string;
  rate: number;
  observed?: ObservedRate;
  /** Mean days in the stage: an exponential time where `durations` are not given. */
  days?: number;
  /** Finished visits to the stage, in days: the time-in-stage distribution observed. */
  durations?: readonly number[];
}

/** The forecast's input, normalized (`forecast` in checked.ts reads what people write). */
export interface ForecastOptions {
  deals: readonly ForecastDeal[];
  stages: readonly ForecastStage[];
  wonStage: number;
  /** The present (ms). */
  now: number;
  period: PeriodUnit;
  /** Periods from the current one; `Infinity` for no limit. */
  horizon: number;
  goal?: Target;
  /** Already won in the current period, counted towards the goal. */
  achieved: { won: number; revenue: number };
  trials: number;
  seed: Seed;
  /** Calendar periods in UTC rather than local time. */
  utc: boolean;
}

/** Where each deal's win lands, by cell: one distribution per class of deals sharing it. */
export interface Landings {
  /** Per class, the chance of each cell given a win. */
  q: Float64Array[];
  /** Per deal, its class. */
  classOf: Int32Array;
}
