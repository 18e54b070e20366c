import type { Scenario } from '../model/types.js';
import { Rng, type Seed } from './random.js';

/**
 * Monte Carlo for what has no closed form: rates known only from observed counts, deal values
 * that vary. Each trial walks the funnel once: a stage passes Binomial(n, rate) of the n deals
 * entering it (O(1) whatever n is), so a billion leads cost what a hundred cost.
 *
 * A rate given as observed counts `{ won, of }` is drawn, once per trial and stage, from its
 * Beta(won + 1, of − won + 1) posterior: the posterior under a uniform Beta(1, 1) prior, i.e.
 * before the counts every rate in [0, 1] is taken as equally likely. With few observations this
 * widens the spread of won deals (beta-binomial), as it should.
 */

export interface SimulateOptions {
  /** Number of trials. Default 10,000. */
  trials?: number;
  /** Seed of the random stream; the same seed gives the same result. Default 1. */
  seed?: Seed;
  /** Histogram bins (at most). Default 30. */
  bins?: number;
}

export interface HistogramBin {
  /** Lower edge (inclusive). */
  x0: number;
  /** Upper edge (exclusive, except for the last bin). */
  x1: number;
  count: number;
}

/** A sample summary. Quantiles are the smallest sample value with empirical CDF ≥ q. */
export interface Summary {
  mean: number;
  sd: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  min: number;
  max: number;
  histogram: HistogramBin[];
}

export interface SimulatedStage {
  name: string;
  /** Mean deals entering the stage. */
  entering: number;
  /** Mean deals going on from the stage. */
  advancing: number;
}

export interface SimulationResult {
  trials: number;
  won: Summary;
  revenue: Summary;
  stages: SimulatedStage[];
}

export interface ChunkOptions {
  /** Trials per chunk. Default 1,000. */
  chunk?: number;
  /** Awaited between chunks, e.g. `() => new Promise((r) => setTimeout(r))`. Throw to cancel. */
  yield: () => Promise<void>;
}

/** The state of one simulation, run a few trials at a time. */
class Runner {
  readonly trials: number;
  done = 0;
  private readonly rng: Rng;
  private readonly leads: number;
  private readonly rates: Float64Array;
  /** Beta posterior parameters per stage; alpha 0 = a fixed rate. */
  private readonly alpha: Float64Array;
  private readonly beta: Float64Array;
  private readonly wonStage: number;
  private readonly dealValue: number;
  private readonly shape: number;
  private readonly scale: number;
  private readonly enteringSum: Float64Array;
  private readonly advancingSum: Float64Array;
  readonly won: Float64Array;
  readonly revenue: Float64Array;

  constructor(
    private readonly scenario: Scenario,
    options: SimulateOptions,
  ) {
    const trials = Math.floor(options.trials ?? 10000);
    if (!(trials >= 1)) throw new RangeError('simulate: trials must be at least 1');
    this.trials = trials;
    this.rng = new Rng(options.seed ?? 1);
    this.leads = Math.floor(scenario.leads);
    const count = scenario.stages.length;
    this.rates = new Float64Array(count);
    this.alpha = new Float64Array(count);
    this.beta = new Float64Array(count);
    scenario.stages.forEach((stage, i) => {
      this.rates[i] = stage.rate;
      if (stage.observed) {
        const won = Math.max(0, Math.min(stage.observed.won, stage.observed.of));
        this.alpha[i] = won + 1;
        this.beta[i] = stage.observed.of - won + 1;
      }
    });
    this.wonStage = scenario.wonStage;
    this.dealValue = scenario.dealValue;
    const sd = scenario.dealValueSd ?? 0;
    // One deal ~ Gamma(shape, scale) with the given mean and sd; k deals sum to Gamma(k·shape, scale).
    this.shape = sd > 0 && this.dealValue > 0 ? (this.dealValue / sd) ** 2 : 0;
    this.scale = this.shape > 0 ? (sd * sd) / this.dealValue : 0;
    this.enteringSum = new Float64Array(count);
    this.advancingSum = new Float64Array(count);
    this.won = new Float64Array(trials);
    this.revenue = new Float64Array(trials);
  }

  /** Runs up to `count` more trials. */
  step(count: number): void {
    const end = Math.min(this.trials, this.done + count);
    const { rng, rates, alpha, beta, enteringSum, advancingSum, wonStage } = this;
    const stages = rates.length;
    for (let t = this.done; t < end; t++) {
      let n = this.leads;
      let won = 0;
      for (let i = 0; i < stages; i++) {
        enteringSum[i] += n;
        if (n > 0) {
          const rate = alpha[i] > 0 ? rng.beta(alpha[i], beta[i]) : rates[i];
          n = rng.binomial(n, rate);
        }
        advancingSum[i] += n;
        if (i === wonStage) won = n;
      }
      this.won[t] = won;
      this.revenue[t] =
        this.shape > 0
          ? won > 0
            ? rng.gamma(won * this.shape, this.scale)
            : 0
          : won * this.dealValue;
    }
    this.done = end;
  }

  result(bins: number): SimulationResult {
    const trials = this.done;
    return {
      trials,
      won: summarize(this.won.subarray(0, trials), bins, true),
      revenue: summarize(this.revenue.subarray(0, trials), bins, false),
      stages: this.scenario.stages.map((stage, i) => ({
        name: stage.name,
        entering: this.enteringSum[i] / trials,
        advancing: this.advancingSum[i] / trials,
      })),
    };
  }
}

/**
 * Runs the Monte Carlo in one go: 10,000 trials of 8 stages take a few milliseconds whatever the
 * lead count. Unchecked: `scenario` must be normalized. @throws RangeError when `trials` is below 1.
 */
export function simulateUnchecked(
  scenario: Scenario,
  options: SimulateOptions = {},
): SimulationResult {
  const runner = new Runner(scenario, options);
  runner.step(runner.trials);
  return runner.result(options.bins ?? 30);
}

/**
 * The same Monte Carlo, awaiting `chunks.yield()` between chunks of trials so a page stays
 * responsive. The random stream is consumed in the same order, so the result equals
 * `simulateUnchecked(scenario, options)`. Unchecked: `scenario` must be normalized.
 */
export async function simulateChunkedUnchecked(
  scenario: Scenario,
  options: SimulateOptions,
  chunks: ChunkOptions,
): Promise<SimulationResult> {
  const runner = new Runner(scenario, options);
  const size = Math.max(1, Math.floor(chunks.chunk ?? 1000));
  while (runner.done < runner.trials) {
    runner.step(size);
    if (runner.done < runner.trials) await chunks.yield();
  }
  return runner.result(options.bins ?? 30);
}

/** Mean, sd, quantiles and histogram of a sample (sorted in a copy; the input is kept). */
export function summarize(values: Float64Array, bins = 30, integer = false): Summary {
  const n = values.length;
  if (n === 0) {
    return {
      mean: NaN,
      sd: NaN,
      p5: NaN,
      p10: NaN,
      p50: NaN,
      p90: NaN,
      p95: NaN,
      min: NaN,
      max: NaN,
      histogram: [],
    };
  }
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i] - mean) ** 2;
  const quantile = (q: number) => sorted[Math.max(0, Math.ceil(q * n) - 1)];
  const min = sorted[0];
  const max = sorted[n - 1];
  return {
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    p5: quantile(0.05),
    p10: quantile(0.1),
    p50: quantile(0.5),
    p90: quantile(0.9),
    p95: quantile(0.95),
    min,
    max,
    histogram: histogram(sorted, min, max, Math.max(1, Math.floor(bins)), integer),
  };
}

/** Equal-width bins over [min, max]; for whole numbers the edges fall between integers' spans. */
function histogram(
  sorted: Float64Array,
  min: number,
  max: number,
  bins: number,
  integer: boolean,
): HistogramBin[] {
  let width: number;
  let count: number;
  if (integer) {
    // Each bin covers the same number of integers, so no bin is favoured by rounding.
    width = Math.ceil((max - min + 1) / bins);
    count = Math.ceil((max - min + 1) / width);
  } else {
    width = max > min ? (max - min) / bins : 1;
    count = max > min ? bins : 1;
  }
  const out: HistogramBin[] = [];
  for (let j = 0; j < count; j++) {
    out.push({
      x0: min + j * width,
      x1: integer || j < count - 1 ? min + (j + 1) * width : max,
      count: 0,
    });
  }
  for (let i = 0; i < sorted.length; i++) {
    const j = Math.min(count - 1, Math.floor((sorted[i] - min) / width));
    out[j].count++;
  }
  return out;
}
