import { formatInteger, formatMoney, formatNumber } from '../../../model/format.js';
import type { Lang, Scenario } from '../../../model/types.js';
import {
  simulateChunkedUnchecked as simulateChunked,
  type Summary,
} from '../../../sim/monte-carlo.js';
import type { Projection } from '../../../sim/project.js';
import { t } from '../../i18n.js';
import type { SimulatorStrings } from '../strings.js';

/*
 * The p10–p90 band of a seeded Monte Carlo run: started a moment after the last change (a
 * dragged slider fires often), run in chunks that give the page back between them, and
 * abandoned through its `AbortSignal` as soon as a newer scenario or trial count arrives.
 * No DOM: the element runs it in a `Task`, its panel draws `bandView`.
 */

/** Pause after the last change before the run starts. */
export const BAND_DEBOUNCE_MS = 120;
/** Trials between two yields to the page. */
export const BAND_CHUNK = 2500;

/** Trials when `trials` is not given or not usable. */
export const DEFAULT_TRIALS = 10_000;
export const TRIALS_RANGE = { min: 100, max: 1_000_000, integer: true, fallback: DEFAULT_TRIALS };

export interface Band {
  won: Summary;
  revenue: Summary;
  trials: number;
  /** The scenario it was run for. */
  scenario: Scenario;
}

/** Resolves after `ms`, or rejects with the signal's reason once it is aborted. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The band of `trials` seeded trials of `scenario` (normalized): the same numbers as
 * `simulate(scenario, { trials, seed: 1 })`.
 */
export async function runBand(
  scenario: Scenario,
  trials: number,
  signal: AbortSignal,
  { debounce = BAND_DEBOUNCE_MS, chunk = BAND_CHUNK } = {},
): Promise<Band> {
  await pause(debounce, signal);
  const result = await simulateChunked(
    scenario,
    { trials, seed: 1, bins: 1 },
    { chunk, yield: () => pause(0, signal) },
  );
  return { won: result.won, revenue: result.revenue, trials, scenario };
}

/** A p10–p90 bar on a 0…100 axis, with the expected value marked. */
export interface BandBar {
  from: number;
  width: number;
  mark: number;
}

export interface BandView {
  won?: string;
  revenue?: string;
  wonBar?: BandBar;
  revenueBar?: BandBar;
  note?: string;
  /**
   * Why the expected won deals lie outside the p10–p90 range, when they do: with few deals the
   * count is skewed (most periods win 0, a few win several), which reads as a contradiction.
   */
  skew?: string;
  /** The band shown is not the current scenario's: a new one is computing. */
  stale: boolean;
  /** "Simulating 10,000 periods…" while it is. */
  computing?: string;
  /** Why the run failed, if it did. */
  error?: string;
}

function bar(sum: Summary, expected: number): BandBar {
  const top = Math.max(sum.p90, expected) * 1.15 || 1;
  const x = (v: number) => (100 * v) / top;
  return { from: x(sum.p10), width: Math.max(0.6, x(sum.p90) - x(sum.p10)), mark: x(expected) };
}

/** The note for an expected count outside its band's p10–p90, if it is. */
function skewNote(sum: Summary, expected: number, lang: Lang, text: SimulatorStrings) {
  const above = expected > sum.p90;
  if (!above && !(expected < sum.p10)) return undefined;
  const [p10, p90] = [formatInteger(sum.p10, lang), formatInteger(sum.p90, lang)];
  const range = p10 === p90 ? p10 : t(text.bandRange, { p10, p90 });
  // As the headline figure has it (one decimal), unless that would read 0.0.
  const mean = formatNumber(expected, lang, Math.abs(expected) < 0.05 ? 2 : 1);
  return t(above ? text.bandAbove : text.bandBelow, { mean, range });
}

/**
 * The band in words and bars. The mark is the projection's expected value while the band is
 * the scenario's, the band's own mean while it is an older one's.
 */
export function bandView(
  band: Band | undefined,
  options: {
    scenario: Scenario;
    projection: Projection;
    stale: boolean;
    trials: number;
    /** The run's failure, if it failed. */
    error?: unknown;
  },
  lang: Lang,
  text: SimulatorStrings,
): BandView {
  const { stale, projection } = options;
  const state: BandView = { stale };
  if (stale)
    state.computing = t(text.bandComputing, { trials: formatInteger(options.trials, lang) });
  if (options.error !== undefined) {
    const detail = options.error instanceof Error ? options.error.message : String(options.error);
    state.error = t(text.bandFailed, { detail });
  }
  if (!band) return state;
  const current = band.scenario === options.scenario;
  const money = (v: number) => formatMoney(v, lang, projection.currency, true);
  // Said only of the band of the scenario shown, against its own expected value.
  const skew = current && !stale ? skewNote(band.won, projection.won, lang, text) : undefined;
  return {
    ...state,
    ...(skew ? { skew } : {}),
    won: t(text.bandWon, {
      p10: formatInteger(band.won.p10, lang),
      p90: formatInteger(band.won.p90, lang),
    }),
    wonBar: bar(band.won, current ? projection.won : band.won.mean),
    revenue: t(text.bandRevenue, { p10: money(band.revenue.p10), p90: money(band.revenue.p90) }),
    revenueBar: bar(band.revenue, current ? projection.revenue : band.revenue.mean),
    note: t(text.bandNote, { trials: formatInteger(band.trials, lang) }),
  };
}
