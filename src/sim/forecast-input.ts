import type { PeriodUnit } from '../model/calendar.js';
import { dayStart } from '../model/calendar.js';
import { explain } from '../model/explain.js';
import { toLang } from '../model/format.js';
import { formatError } from '../model/messages.js';
import { ScenarioError } from '../model/scenario-error.js';
import type { Lang, ObservedRate, StageInput, ValidationError } from '../model/types.js';
import { parseScenario } from '../model/validate.js';
import {
  checkKeys,
  guarded,
  isPlainObject,
  MAX_DAYS,
  MAX_MONEY,
  own,
  readAmount,
  readCount,
  readNumber,
  readObject,
  type Problems,
} from '../model/validate-core.js';
import type { ForecastDeal, ForecastOptions, ForecastStage } from './forecast-types.js';
import type { Seed } from './random.js';
import type { Target } from './won-needed.js';

/** A stage as people write it for a forecast: a scenario's stage, with its observed visits. */
export type ForecastStageInput = StageInput & { durations?: readonly number[] };

/** `forecast`'s input as people write it; every field but `deals`, `stages` and `now` has a default. */
export interface ForecastInput {
  deals: readonly ForecastDeal[];
  stages: readonly ForecastStageInput[];
  /** Default: the last stage. */
  wonStage?: number;
  now: number;
  /** Default `quarter`. */
  period?: PeriodUnit;
  /** Whole periods from the current one, 1 to 120, or `Infinity` (the default). */
  horizon?: number;
  goal?: Target;
  achieved?: { won?: number; revenue?: number };
  /** 1 to 1,000,000; default 10,000. */
  trials?: number;
  seed?: Seed;
  utc?: boolean;
}

const KEYS = [
  'deals',
  'stages',
  'wonStage',
  'now',
  'period',
  'horizon',
  'goal',
  'achieved',
  'trials',
  'seed',
  'utc',
] as const;
const DEAL_KEYS = ['id', 'stageIndex', 'amount', 'daysInStage', 'expectedClose'] as const;
const PERIODS: readonly PeriodUnit[] = ['quarter', 'month'];
export const MAX_HORIZON = 120;
export const MAX_FORECAST_TRIALS = 1_000_000;
/** A deal may sit in a stage for longer than a stage is expected to last. */
const MAX_DAYS_IN_STAGE = 10 * MAX_DAYS;
const MAX_DURATIONS = 1_000_000;

/**
 * The normalized forecast input, or a `ScenarioError` (field `forecast`) naming every field at
 * fault in `lang`. The stages are read as a scenario's (rates as numbers or `{ won, of }`,
 * `days`), plus `durations`: the observed finished visits, in days.
 */
export function normalizeForecast(input: unknown, lang: Lang = 'en'): ForecastOptions {
  const l = toLang(lang);
  const errors: ValidationError[] = [];
  const checked = guarded((p) => readInput(input, p, l, errors));
  if (!checked.ok) errors.push(...checked.issues.map(explain));
  if (errors.length || !checked.ok) {
    for (const e of errors) e.message = formatError(e, l);
    throw new ScenarioError(errors, 'forecast');
  }
  return checked.value;
}

function readInput(
  input: unknown,
  p: Problems,
  lang: Lang,
  stageErrors: ValidationError[],
): ForecastOptions | undefined {
  const obj = readObject(input, '', p);
  if (!obj) return undefined;
  checkKeys(obj, '', KEYS, p);
  const stages = readStages(obj, p, lang, stageErrors);
  const wonStage = stages?.wonStage ?? 0;
  const now =
    own(obj, 'now') === undefined ? p.add('now', 'required') : readNumber(obj.now, 'now', p);
  const period = readChoice(own(obj, 'period'), 'period', PERIODS, 'quarter', p);
  const horizon = readHorizon(own(obj, 'horizon'), p);
  const trials = readWhole(own(obj, 'trials'), 'trials', 1, MAX_FORECAST_TRIALS, 10000, p);
  const seed = own(obj, 'seed') ?? 1;
  if (typeof seed !== 'number' && typeof seed !== 'string') p.wrong('seed', 'not-number', seed);
  const utc = own(obj, 'utc') ?? false;
  if (typeof utc !== 'boolean') {
    p.add('utc', 'not-one-of', { allowed: 'true, false', value: JSON.stringify(utc) ?? '?' });
  }
  const goal = own(obj, 'goal') === undefined ? undefined : readGoal(obj.goal, p);
  const achieved = readAchieved(own(obj, 'achieved'), p);
  // Without valid stages, a stage index is still checked against how many there are.
  const rawStages = own(obj, 'stages');
  const lastStage = stages ? wonStage : Array.isArray(rawStages) ? rawStages.length - 1 : Infinity;
  const deals = readDeals(own(obj, 'deals'), lastStage, p);
  if (!stages || !deals || now === undefined || p.count > 0 || stageErrors.length) return undefined;
  return {
    deals,
    stages: stages.stages,
    wonStage,
    now,
    period,
    horizon,
    ...(goal ? { goal } : {}),
    achieved,
    trials,
    seed: seed as Seed,
    utc: utc as boolean,
  };
}

/** Through the scenario reader (so a stage reads as everywhere else), `durations` apart. */
function readStages(
  obj: Record<string, unknown>,
  p: Problems,
  lang: Lang,
  errors: ValidationError[],
): { stages: ForecastStage[]; wonStage: number } | undefined {
  const raw = own(obj, 'stages');
  const durations: (readonly number[] | undefined)[] = [];
  const stripped = Array.isArray(raw)
    ? raw.map((stage: unknown, i) => {
        if (!isPlainObject(stage) || own(stage, 'durations') === undefined) return stage;
        const { durations: list, ...rest } = stage;
        durations[i] = readDurations(list, `stages[${i}].durations`, p);
        return rest;
      })
    : raw;
  const wonStage = own(obj, 'wonStage');
  const parsed = parseScenario(
    { leads: 0, dealValue: 0, stages: stripped, ...(wonStage === undefined ? {} : { wonStage }) },
    { lang },
  );
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    return undefined;
  }
  const stages = parsed.value.stages.map((s, i): ForecastStage => {
    const observed: ObservedRate | undefined = s.observed;
    return {
      name: s.name,
      rate: s.rate,
      ...(observed ? { observed } : {}),
      ...(s.days !== undefined ? { days: s.days } : {}),
      ...(durations[i] ? { durations: durations[i] } : {}),
    };
  });
  return { stages, wonStage: parsed.value.wonStage };
}

function readDurations(value: unknown, path: string, p: Problems): number[] | undefined {
  if (!Array.isArray(value)) return p.wrong(path, 'not-array', value);
  if (value.length > MAX_DURATIONS) {
    p.add(path, 'too-large', { value: value.length, max: MAX_DURATIONS });
    return undefined;
  }
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const x = readAmount(value[i], `${path}[${i}]`, p, MAX_DAYS_IN_STAGE);
    if (x !== undefined) out.push(x);
  }
  return out.length === value.length ? out : undefined;
}

function readDeals(value: unknown, wonStage: number, p: Problems): ForecastDeal[] | undefined {
  if (value === undefined) {
    p.add('deals', 'required');
    return undefined;
  }
  if (!Array.isArray(value)) return p.wrong('deals', 'not-array', value);
  const before = p.count;
  const deals = (value as unknown[]).map((item, i) => readDeal(item, `deals[${i}]`, wonStage, p));
  return p.count === before ? (deals as ForecastDeal[]) : undefined;
}

function readDeal(
  item: unknown,
  path: string,
  wonStage: number,
  p: Problems,
): ForecastDeal | undefined {
  const obj = readObject(item, path, p);
  if (!obj) return undefined;
  checkKeys(obj, path, DEAL_KEYS, p);
  const id = own(obj, 'id');
  if (typeof id !== 'string' || id === '') {
    if (id === undefined || id === '') p.add(`${path}.id`, 'required');
    else p.wrong(`${path}.id`, 'not-string', id);
  }
  const stagePath = `${path}.stageIndex`;
  const stage = own(obj, 'stageIndex');
  let stageIndex: number | undefined;
  if (stage === undefined) p.add(stagePath, 'required');
  else {
    stageIndex = readNumber(stage, stagePath, p);
    if (
      stageIndex !== undefined &&
      !(Number.isInteger(stageIndex) && stageIndex >= 0 && stageIndex <= wonStage)
    ) {
      p.add(stagePath, 'won-stage-range', { value: stageIndex, max: wonStage });
      stageIndex = undefined;
    }
  }
  const amountPath = `${path}.amount`;
  const amount =
    own(obj, 'amount') === undefined
      ? p.add(amountPath, 'required')
      : readAmount(obj.amount, amountPath, p, MAX_MONEY);
  const rawDays = own(obj, 'daysInStage');
  const daysInStage =
    rawDays === undefined
      ? undefined
      : readAmount(rawDays, `${path}.daysInStage`, p, MAX_DAYS_IN_STAGE);
  const close = own(obj, 'expectedClose');
  if (close !== undefined && (typeof close !== 'string' || Number.isNaN(dayStart(close)))) {
    p.add(`${path}.expectedClose`, 'date-invalid', { value: String(close) });
  }
  if (typeof id !== 'string' || stageIndex === undefined || amount === undefined) return undefined;
  return {
    id,
    stageIndex,
    amount,
    ...(daysInStage !== undefined ? { daysInStage } : {}),
    ...(typeof close === 'string' ? { expectedClose: close } : {}),
  };
}

function readChoice<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  fallback: T,
  p: Problems,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  p.add(path, 'not-one-of', { allowed: allowed.join(', '), value: JSON.stringify(value) ?? '?' });
  return fallback;
}

function readWhole(
  value: unknown,
  path: string,
  min: number,
  max: number,
  fallback: number,
  p: Problems,
): number {
  if (value === undefined) return fallback;
  const n = readCount(value, path, p, max);
  if (n === undefined) return fallback;
  if (n < min) p.add(path, 'too-small', { value: n, min });
  return n;
}

function readHorizon(value: unknown, p: Problems): number {
  if (value === undefined || value === Infinity) return Infinity;
  return readWhole(value, 'horizon', 1, MAX_HORIZON, Infinity, p);
}

function readGoal(value: unknown, p: Problems): Target | undefined {
  const obj = readObject(value, 'goal', p);
  if (!obj) return undefined;
  checkKeys(obj, 'goal', ['won', 'revenue'], p);
  const key = own(obj, 'won') !== undefined ? 'won' : 'revenue';
  if (own(obj, key) === undefined) {
    p.add('goal.revenue', 'required');
    return undefined;
  }
  const n = readAmount(obj[key], `goal.${key}`, p, MAX_MONEY);
  if (n === undefined) return undefined;
  return key === 'won' ? { won: n } : { revenue: n };
}

function readAchieved(value: unknown, p: Problems): { won: number; revenue: number } {
  if (value === undefined) return { won: 0, revenue: 0 };
  const obj = readObject(value, 'achieved', p);
  if (!obj) return { won: 0, revenue: 0 };
  checkKeys(obj, 'achieved', ['won', 'revenue'], p);
  const read = (key: string) =>
    own(obj, key) === undefined ? 0 : (readAmount(obj[key], `achieved.${key}`, p, MAX_MONEY) ?? 0);
  return { won: read('won'), revenue: read('revenue') };
}
