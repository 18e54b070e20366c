import { formatInteger, formatMoney, formatPercent, formatPoints } from '../../../model/format.js';
import { explainAll } from '../../../model/explain.js';
import { formatError } from '../../../model/messages.js';
import { sayError, sourceOf } from '../../../model/places.js';
import type { Lang, ParseResult, Scenario, ValidationError } from '../../../model/types.js';
import { parseJsonAttribute } from '../../../model/validate.js';
import { checkScenario } from '../../../model/validate-scenario.js';
import {
  checkKeys,
  guarded,
  join,
  own,
  readAmount,
  readName,
  readNumber,
  readObject,
  MAX_ERRORS,
  MAX_LEADS,
  MAX_MONEY,
  type Issue,
  type Problems,
} from '../../../model/validate-core.js';
import { localizeScenario } from '../../../model/presets.js';
import { projectUnchecked as project } from '../../../sim/project.js';
import { t } from '../../i18n.js';
import type { SimulatorStrings } from '../strings.js';
import * as edits from './scenario-edits.js';
import { signedCount } from './view-model.js';

/*
 * A trainer's deck: an ordered list of steps, each a scenario or a change to the step before
 * ("+5 points at Qualification"), with a title and an optional speaker note. Read like a
 * scenario, from untrusted JSON (an attribute, a file, a link): every problem names its field
 * (`steps[2].change.points`) in es or en, through the scenario's own readers and messages.
 */

/** What a step changes in the scenario before it. */
export type DeckChange =
  | { kind: 'points'; stage: number; points: number }
  | { kind: 'rate'; stage: number; rate: number }
  | { kind: 'leads'; leads: number }
  | { kind: 'dealValue'; dealValue: number };

export interface DeckStep {
  title: string;
  note?: string;
  /** The scenario the step shows (a change applied to the step before). */
  scenario: Scenario;
  change?: DeckChange;
}

export interface Deck {
  title: string;
  steps: DeckStep[];
}

export const MAX_STEPS = 100;
const MAX_NOTE = 2000;
const DECK_KEYS = ['title', 'steps'];
const STEP_KEYS = ['title', 'note', 'scenario', 'change'];
const CHANGE_KEYS = ['stage', 'points', 'rate', 'leads', 'dealValue'];

/** The deck's own problems, beyond a scenario's. */
const MESSAGES: Record<string, Record<Lang, string>> = {
  'steps-empty': {
    en: '{field} must list at least one step.',
    es: '{field} debe tener al menos un paso.',
  },
  'steps-too-many': {
    en: '{field} has {count} steps; the most allowed is {max}.',
    es: '{field} tiene {count} pasos; el máximo permitido es {max}.',
  },
  'step-kind': {
    en: '{field} needs either a "scenario" or a "change" (not both).',
    es: '{field} necesita un "scenario" o un "change" (no ambos).',
  },
  'first-change': {
    en: '{field}: the first step needs a "scenario" when the simulator has none to change.',
    es: '{field}: el primer paso necesita un "scenario" si el simulador no tiene uno que cambiar.',
  },
  'change-kind': {
    en: '{field} needs one of "points", "rate" (with "stage"), "leads" or "dealValue".',
    es: '{field} necesita uno de "points", "rate" (con "stage"), "leads" o "dealValue".',
  },
  'stage-unknown': {
    en: '{field}: the scenario before this step has no stage “{stage}”.',
    es: '{field}: el escenario anterior a este paso no tiene la etapa «{stage}».',
  },
  'note-too-long': {
    en: '{field} is {length} characters long; the most allowed is {max}.',
    es: '{field} tiene {length} caracteres; el máximo permitido es {max}.',
  },
};

function message(error: Omit<ValidationError, 'message'>, lang: Lang): string {
  const own = MESSAGES[error.code];
  if (!own) return formatError({ ...error, message: '' }, lang);
  const params: Record<string, string | number> = { ...error.params, field: error.path || 'deck' };
  return own[lang].replace(/\{(\w+)\}/g, (hole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : hole,
  );
}

/**
 * The deck's errors as a person reads them, naming each step and stage by its position and
 * name ("Step 2 of the deck (Qualify), stage 3 (Offer): …"); `input` is the deck as given.
 */
export function deckErrorTexts(
  errors: readonly ValidationError[],
  lang: Lang,
  input: unknown,
): string[] {
  const source = sourceOf(input, 'deck');
  return errors.map((e) => sayError(e, lang, source, (worded) => message(worded, lang)));
}

/** `child` (a path inside a value) under `parent`. */
const under = (parent: string, child: string) =>
  !child ? parent : child.startsWith('[') ? `${parent}${child}` : `${parent}.${child}`;

/** A problem of the deck's own (its code is no scenario code), or a reader's issue. */
type Found = Omit<ValidationError, 'message'> | { issue: Issue };

/** The deck's own problems, found beside the readers' (their codes are not scenario codes). */
type Flag = (
  path: string,
  code: keyof typeof MESSAGES,
  params?: Record<string, string | number>,
) => void;

/** The stage a change names: its name (either language) or its 1-based position. */
function stageIndex(scenario: Scenario, ref: unknown): number {
  if (typeof ref === 'number') {
    return Number.isInteger(ref) && ref >= 1 && ref <= scenario.stages.length ? ref - 1 : -1;
  }
  if (typeof ref !== 'string') return -1;
  const wanted = ref.trim().toLocaleLowerCase();
  return scenario.stages.findIndex((s) =>
    [s.name, ...Object.values(s.names ?? {})].some((n) => n.toLocaleLowerCase() === wanted),
  );
}

/** The change a step's `change` object asks for, read against the scenario before it. */
function readChange(
  value: unknown,
  path: string,
  before: Scenario,
  p: Problems,
  flag: Flag,
): DeckChange | undefined {
  const obj = readObject(value, path, p);
  if (!obj) return undefined;
  checkKeys(obj, path, CHANGE_KEYS, p);
  const given = ['points', 'rate', 'leads', 'dealValue'].filter((k) => own(obj, k) !== undefined);
  const stageRef = own(obj, 'stage');
  const needsStage = given[0] === 'points' || given[0] === 'rate';
  if (given.length !== 1 || needsStage !== (stageRef !== undefined)) {
    flag(path, 'change-kind');
    return undefined;
  }
  const kind = given[0];
  const at = join(path, kind);
  if (kind === 'leads') {
    const leads = readAmount(obj.leads, at, p, MAX_LEADS, true);
    return leads === undefined ? undefined : { kind, leads };
  }
  if (kind === 'dealValue') {
    const dealValue = readAmount(obj.dealValue, at, p, MAX_MONEY);
    return dealValue === undefined ? undefined : { kind, dealValue };
  }
  const stage = stageIndex(before, stageRef);
  if (stage < 0) {
    flag(join(path, 'stage'), 'stage-unknown', { stage: String(stageRef) });
    return undefined;
  }
  if (kind === 'points') {
    const points = readNumber(obj.points, at, p);
    return points === undefined ? undefined : { kind, stage, points };
  }
  const rate = readNumber(obj.rate, at, p, 'closed');
  if (rate === undefined) return undefined;
  if (rate < 0 || rate > 1) p.add(at, 'rate-range', { value: rate });
  return rate < 0 || rate > 1 ? undefined : { kind: 'rate', stage, rate };
}

/** `before` with `change` applied (rates kept within 0…1). */
export function applyChange(before: Scenario, change: DeckChange): Scenario {
  switch (change.kind) {
    case 'points': {
      const rate = before.stages[change.stage].rate + change.points / 100;
      return edits.setRate(before, change.stage, Math.min(1, Math.max(0, rate)));
    }
    case 'rate':
      return edits.setRate(before, change.stage, change.rate);
    case 'leads':
      return edits.setField(before, 'leads', change.leads);
    case 'dealValue':
      return edits.setField(before, 'dealValue', change.dealValue);
  }
}

/**
 * A deck from any value, or every problem found. A first step that is a change applies to
 * `start` (the simulator's scenario); each later change applies to the step before it.
 */
export function parseDeck(input: unknown, lang: Lang, start?: Scenario): ParseResult<Deck> {
  const found: Found[] = [];
  const flag: Flag = (path, code, params) =>
    found.push(params ? { path, code, params } : { path, code });
  const read = guarded<Deck>((p) => {
    const obj = readObject(input, '', p);
    if (!obj) return undefined;
    checkKeys(obj, '', DECK_KEYS, p);
    const title = readTitle(obj, '', p);
    const list = own(obj, 'steps');
    if (!Array.isArray(list)) {
      if (list === undefined) p.add('steps', 'required');
      else p.wrong('steps', 'not-array', list);
      return undefined;
    }
    if (list.length === 0) flag('steps', 'steps-empty');
    if (list.length > MAX_STEPS)
      flag('steps', 'steps-too-many', { count: list.length, max: MAX_STEPS });
    const steps: DeckStep[] = [];
    let before = start;
    for (const [i, item] of list.slice(0, MAX_STEPS).entries()) {
      const step = readStep(item, `steps[${i}]`, before, p, flag, lang, found);
      // A step that could not be read leaves the next change nothing to apply to.
      before = step?.scenario;
      if (step) steps.push(step);
    }
    return title === undefined ? undefined : { title, steps };
  });
  if (read.ok && found.length === 0) return read;
  // Each step's scenario has its problems capped; the deck caps them all, before any is worded.
  const all: Found[] = [...(read.ok ? [] : read.issues.map((issue) => ({ issue }))), ...found];
  // What a reader only counted comes back as a summary; the deck adds up all of them.
  const counted = (f: Found) =>
    'issue' in f && f.issue.code === 'too-many-errors' ? f.issue : null;
  const listed = all.filter((f) => !counted(f));
  let more = listed.length > MAX_ERRORS ? listed.length - MAX_ERRORS : 0;
  for (const f of all) more += Number(counted(f)?.params?.count ?? 0);
  listed.length = Math.min(listed.length, MAX_ERRORS);
  const issues = explainAll(listed.flatMap((f) => ('issue' in f ? [f.issue] : [])));
  let next = 0;
  const errors = listed.map((f) => ('issue' in f ? issues[next++] : f));
  if (more > 0) errors.push({ path: '', code: 'too-many-errors', params: { count: more } });
  return {
    ok: false,
    errors: errors.map((e) => {
      const named = { ...e, path: under('deck', e.path) };
      return { ...named, message: message(named, lang) };
    }),
  };
}

function readTitle(obj: Record<string, unknown>, path: string, p: Problems): string | undefined {
  const at = join(path, 'title');
  if (own(obj, 'title') === undefined) {
    p.add(at, 'required');
    return undefined;
  }
  return readName(obj.title, at, p);
}

function readStep(
  item: unknown,
  path: string,
  before: Scenario | undefined,
  p: Problems,
  flag: Flag,
  lang: Lang,
  found: Found[],
): DeckStep | undefined {
  const step = readObject(item, path, p);
  if (!step) return undefined;
  checkKeys(step, path, STEP_KEYS, p);
  const title = readTitle(step, path, p);
  const note = readNote(own(step, 'note'), join(path, 'note'), p, flag);
  const [scenarioIn, changeIn] = [own(step, 'scenario'), own(step, 'change')];
  if ((scenarioIn === undefined) === (changeIn === undefined)) {
    flag(path, 'step-kind');
    return undefined;
  }
  let scenario: Scenario | undefined;
  let change: DeckChange | undefined;
  if (scenarioIn !== undefined) {
    const parsed = checkScenario(scenarioIn, { lang });
    if (parsed.ok) scenario = parsed.value;
    else {
      const at = join(path, 'scenario');
      for (const issue of parsed.issues)
        found.push({ issue: { ...issue, path: under(at, issue.path) } });
    }
  } else if (before) {
    change = readChange(changeIn, join(path, 'change'), before, p, flag);
    if (change) scenario = applyChange(before, change);
  } else if (path === 'steps[0]') {
    flag(path, 'first-change');
  }
  if (!scenario || title === undefined || note === null) return undefined;
  return { title, ...(note ? { note } : {}), scenario, ...(change ? { change } : {}) };
}

/** A note, `undefined` when there is none, `null` after reporting a bad one. */
function readNote(
  value: unknown,
  path: string,
  p: Problems,
  flag: Flag,
): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    p.wrong(path, 'not-string', value);
    return null;
  }
  if (value.length > MAX_NOTE) {
    flag(path, 'note-too-long', { length: value.length, max: MAX_NOTE });
    return null;
  }
  return value.trim() || undefined;
}

/** A deck from JSON text (an attribute, a file). */
export function parseDeckText(
  text: string,
  lang: Lang,
  start?: Scenario,
): ParseResult<Deck> & { input?: unknown } {
  const json = parseJsonAttribute(text.replace(/^\uFEFF/, ''), 'deck', { lang });
  // With the value parsed, so that wording its errors does not parse the text again.
  return json.ok ? { ...parseDeck(json.value, lang, start), input: json.value } : json;
}

/** The deck as JSON input again, its first step a scenario, so it reads the same anywhere. */
export function deckInput(deck: Deck): unknown {
  return {
    title: deck.title,
    steps: deck.steps.map((s, i) => ({
      title: s.title,
      ...(s.note ? { note: s.note } : {}),
      ...(s.change && i > 0 ? { change: changeInput(s.change) } : { scenario: s.scenario }),
    })),
  };
}

function changeInput(c: DeckChange): Record<string, number> {
  switch (c.kind) {
    case 'points':
      return { stage: c.stage + 1, points: c.points };
    case 'rate':
      return { stage: c.stage + 1, rate: c.rate };
    case 'leads':
      return { leads: c.leads };
    case 'dealValue':
      return { dealValue: c.dealValue };
  }
}

/** One step per saved scenario, in the order given. */
export function deckFromScenarios(
  title: string,
  scenarios: readonly { name: string; scenario: Scenario }[],
): Deck {
  return { title, steps: scenarios.map((s) => ({ title: s.name, scenario: s.scenario })) };
}

const MINUS = '\u2212';

/** What a step changed, worded ("+5 pp at Qualification"). */
function changeWords(step: DeckStep, lang: Lang, text: SimulatorStrings): string {
  const c = step.change;
  if (!c) return text.stepNewScenario;
  const stageName = (i: number) => step.scenario.stages[i]?.name ?? '';
  switch (c.kind) {
    case 'points':
      return t(text.stepPoints, {
        points: formatPoints(c.points / 100, lang).replace('-', MINUS),
        stage: stageName(c.stage),
      });
    case 'rate':
      return t(text.stepRate, { stage: stageName(c.stage), rate: formatPercent(c.rate, lang) });
    case 'leads':
      return t(text.stepLeads, { leads: formatInteger(c.leads, lang) });
    case 'dealValue':
      return t(text.stepDealValue, {
        value: formatMoney(c.dealValue, lang, step.scenario.currency),
      });
  }
}

/**
 * What step `index` changed and by how much, from the step before it: "+5 pp at Qualification
 * → +4.3 won, +€13K"; the first step is the starting point.
 */
export function stepChangeText(
  deck: Deck,
  index: number,
  lang: Lang,
  text: SimulatorStrings,
): string {
  const [given, before] = [deck.steps[index], deck.steps[index - 1]];
  if (!given) return '';
  // Stage names as the simulator shows them, in `lang`.
  const step = { ...given, scenario: localizeScenario(given.scenario, lang) };
  if (!before) return text.stepFirst;
  const [now, was] = [project(step.scenario), project(before.scenario)];
  const revenue = now.revenue - was.revenue;
  const money = formatMoney(Math.abs(revenue), lang, step.scenario.currency, true);
  return t(text.stepChange, {
    change: changeWords(step, lang, text),
    won: t(text.stepWon, { won: signedCount(now.won - was.won, lang) }),
    revenue: (revenue > 0 ? '+' : revenue < 0 ? MINUS : '') + money,
  });
}
