import { toLang } from './format.js';
import { observedRate } from './rates.js';
import type { Lang, ObservedRate, Scenario, Stage } from './types.js';
import {
  checkKeys,
  guarded,
  isPlainObject,
  join,
  own,
  preview,
  readAmount,
  readCount,
  readList,
  readName,
  readNumber,
  readObject,
  readStageName,
  shareRange,
  toShare,
  MAX_DAYS,
  MAX_LEADS,
  MAX_MONEY,
  type Checked,
  type NumberKind,
  type Obj,
  type ParseOptions,
  type Problems,
} from './validate-core.js';

/**
 * The readers of a scenario (rates, observed counts, currency, the optional money and shares),
 * on top of those every input shares (validate-core.ts). Apart, because a page that draws
 * observed counts or a built-in preset never reads a scenario: `<sales-funnel>` loads this
 * module the first time it is given one. Same contract as validate-core.ts: never throws,
 * fresh normalized values, every problem as an `Issue` naming its field.
 */

const SCENARIO_KEYS = [
  'name',
  'leads',
  'dealValue',
  'stages',
  'wonStage',
  'currency',
  'costPerLead',
  'spend',
  'margin',
  'repeatRate',
  'retention',
  'dealValueSd',
] as const;
const STAGE_KEYS = ['name', 'names', 'rate', 'observed', 'days', 'benchmark'] as const;
const OBSERVED_KEYS = ['won', 'of'] as const;

/**
 * A share in [0, 1] (or [0, 1) when `belowOne`); 35 gets "35 % is written 0.35". Not from 1 to
 * 2: 1.5 is more likely a slip (or 150 %) than 1.5 %, so it gets the plain range message.
 */
function readShare(
  value: unknown,
  path: string,
  p: Problems,
  belowOne = false,
): number | undefined {
  const kind: NumberKind = belowOne ? 'open' : 'closed';
  const n = readNumber(value, path, p, kind);
  if (n === undefined) return undefined;
  const ok = n >= 0 && (belowOne ? n < 1 : n <= 1);
  if (ok) return n === 0 ? 0 : n;
  if (n > 2 && (belowOne ? n < 100 : n <= 100))
    p.add(path, 'rate-percent', { value: n, share: toShare(n) });
  else p.add(path, shareRange(kind), { value: n });
  return undefined;
}

function readObserved(value: unknown, path: string, p: Problems): ObservedRate | undefined {
  const obj = readObject(value, path, p);
  if (!obj) return undefined;
  const before = p.count;
  checkKeys(obj, path, OBSERVED_KEYS, p);
  const counts: Partial<ObservedRate> = {};
  for (const key of OBSERVED_KEYS) {
    const raw = own(obj, key);
    if (raw === undefined) p.add(join(path, key), 'required');
    else counts[key] = readCount(raw, join(path, key), p, MAX_LEADS);
  }
  if (p.count !== before || counts.won === undefined || counts.of === undefined) return undefined;
  if (counts.won > counts.of) {
    p.add(path, 'observed-order', { won: counts.won, of: counts.of });
    return undefined;
  }
  return { won: counts.won, of: counts.of };
}

/**
 * Whether a numeric `rate` given next to `observed` counts describes them: their posterior mean
 * (the normalized form), or won / of as scenarios saved before that change wrote it (0 at 0 of 0).
 */
function matchesObserved(rate: number, o: ObservedRate): boolean {
  const legacy = o.of > 0 ? o.won / o.of : 0;
  return Math.abs(rate - observedRate(o)) <= 1e-9 || Math.abs(rate - legacy) <= 1e-9;
}

/**
 * The stage's rate: a number in [0, 1], or observed counts `{ won, of }` (in `rate`, or in
 * `observed` next to a numeric rate, which is the normalized form and so must round-trip).
 */
function readRate(
  obj: Obj,
  path: string,
  p: Problems,
): Pick<Stage, 'rate' | 'observed'> | undefined {
  const ratePath = join(path, 'rate');
  const raw = own(obj, 'rate');
  const rawObserved = own(obj, 'observed');
  const fromRate = isPlainObject(raw) ? readObserved(raw, ratePath, p) : undefined;
  const fromObserved =
    rawObserved === undefined ? undefined : readObserved(rawObserved, join(path, 'observed'), p);
  if (raw === undefined && rawObserved === undefined) {
    p.add(ratePath, 'required');
    return undefined;
  }
  if (isPlainObject(raw)) {
    if (!fromRate) return undefined;
    if (rawObserved !== undefined && fromObserved) {
      if (fromObserved.won !== fromRate.won || fromObserved.of !== fromRate.of) {
        p.add(ratePath, 'observed-mismatch', {
          rate: `${fromRate.won}/${fromRate.of}`,
          won: fromObserved.won,
          of: fromObserved.of,
        });
        return undefined;
      }
    }
    return { rate: observedRate(fromRate), observed: fromRate };
  }
  const rate = raw === undefined ? undefined : readShare(raw, ratePath, p);
  if (rawObserved !== undefined) {
    if (!fromObserved) return undefined;
    if (rate !== undefined && !matchesObserved(rate, fromObserved)) {
      p.add(ratePath, 'observed-mismatch', { rate, won: fromObserved.won, of: fromObserved.of });
      return undefined;
    }
    if (raw !== undefined && rate === undefined) return undefined;
    return { rate: observedRate(fromObserved), observed: fromObserved };
  }
  return rate === undefined ? undefined : { rate };
}

function readStage(value: unknown, path: string, p: Problems, lang: Lang): Stage | undefined {
  const obj = readObject(value, path, p);
  if (!obj) return undefined;
  const before = p.count;
  checkKeys(obj, path, STAGE_KEYS, p);
  const { name, names } = readStageName(obj, path, p, lang);
  const rate = readRate(obj, path, p);
  const days = own(obj, 'days');
  const benchmark = own(obj, 'benchmark');
  const stage: Partial<Stage> = { name, ...(names ? { names } : {}), ...rate };
  if (days !== undefined) stage.days = readAmount(days, join(path, 'days'), p, MAX_DAYS);
  if (benchmark !== undefined) stage.benchmark = readShare(benchmark, join(path, 'benchmark'), p);
  return p.count === before ? (stage as Stage) : undefined;
}

let currencies: Set<string> | undefined;

/** Whether this runtime's Intl knows the (upper-case, 3-letter) currency code. */
function knownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (typeof Intl.supportedValuesOf === 'function') {
    currencies ??= new Set(Intl.supportedValuesOf('currency'));
    return currencies.has(code);
  }
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

function readCurrency(value: unknown, path: string, p: Problems): string | undefined {
  if (typeof value !== 'string') return p.wrong(path, 'not-string', value);
  const code = value.trim().toUpperCase();
  if (knownCurrency(code)) return code;
  p.add(path, 'currency-invalid', { value: preview(value) });
  return undefined;
}

/** `parseScenario` (validate.ts), with its errors as issues. */
export function checkScenario(input: unknown, options: ParseOptions = {}): Checked<Scenario> {
  const lang = toLang(options?.lang);
  return guarded((p) => {
    const obj = readObject(input, '', p);
    if (!obj) return undefined;
    checkKeys(obj, '', SCENARIO_KEYS, p);
    const field = (key: (typeof SCENARIO_KEYS)[number]) => own(obj, key);

    const rawName = field('name');
    const name = rawName === undefined ? undefined : readName(rawName, 'name', p);
    const required = <T>(key: 'leads' | 'dealValue', read: (v: unknown) => T | undefined) => {
      if (field(key) !== undefined) return read(field(key));
      p.add(key, 'required');
      return undefined;
    };
    const leads = required('leads', (v) => readCount(v, 'leads', p, MAX_LEADS));
    const dealValue = required('dealValue', (v) => readAmount(v, 'dealValue', p, MAX_MONEY));

    const list = readList(field('stages'), 'stages', p);
    const stages = list?.map((s, i) => readStage(s, `stages[${i}]`, p, lang));

    let wonStage = stages ? stages.length - 1 : undefined;
    if (field('wonStage') !== undefined) {
      const max = stages ? stages.length - 1 : Infinity;
      const n = readNumber(field('wonStage'), 'wonStage', p);
      if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > max)) {
        if (stages) p.add('wonStage', 'won-stage-range', { value: n, max });
        else if (!Number.isInteger(n)) p.add('wonStage', 'not-integer', { value: n });
        else p.add('wonStage', 'negative', { value: n });
      }
      wonStage = n;
    }
    const currency =
      field('currency') === undefined ? 'EUR' : readCurrency(field('currency'), 'currency', p);

    const optional: Partial<Scenario> = {};
    const money = ['costPerLead', 'spend', 'dealValueSd'] as const;
    for (const key of money) {
      if (field(key) !== undefined) optional[key] = readAmount(field(key), key, p, MAX_MONEY);
    }
    for (const key of ['margin', 'retention'] as const) {
      if (field(key) !== undefined) optional[key] = readShare(field(key), key, p);
    }
    if (field('repeatRate') !== undefined) {
      optional.repeatRate = readShare(field('repeatRate'), 'repeatRate', p, true);
    }

    if (p.count > 0) return undefined;
    const scenario: Scenario = {
      ...(name !== undefined ? { name } : {}),
      leads: leads as number,
      dealValue: dealValue as number,
      stages: stages as Stage[],
      wonStage: wonStage as number,
      currency: currency as string,
      ...optional,
    };
    return scenario;
  });
}
