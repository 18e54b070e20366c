import { MAX_MONEY, parseJsonAttribute, parseScenario } from '../../../model/validate.js';
import type { Lang, ParseResult, Scenario, ValidationError } from '../../../model/types.js';
import { deckInput, MAX_STEPS, parseDeck, type Deck } from './deck.js';
import { fitPresenting, type PresentingState } from './presenting.js';
import type { PlanOptions, TargetOptions } from './view-model.js';

/**
 * A scenario in a URL hash: `#scenario=<base64url of its JSON>`. Base64url keeps the link short
 * and free of characters that mail clients and chat apps like to break. Whatever arrives is
 * untrusted: it is size-capped, decoded as strict UTF-8, parsed as JSON and validated with
 * `parseScenario`, so a crafted link yields errors, never a broken page or injected markup.
 *
 * A link to the whole view (`shareLink()`) carries, beside the scenario or a deck
 * (`#deck=…&step=3`), what the person set: the target, the ranking's steps, the stage
 * selected, how far training mode has revealed, and whether it opens read-only for an
 * audience. Each is a plain parameter, read within its range or refused with its name.
 */

/** The hash key the scenario travels under. */
export const HASH_KEY = 'scenario';

/** A link longer than this is refused unread (real scenarios take a few hundred characters). */
export const MAX_LINK_CHARS = 40_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const encodeJson = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));

/** The hash fragment (with `#`) that carries `scenario`. */
export function encodeScenarioHash(scenario: Scenario): string {
  return `#${HASH_KEY}=${encodeJson(scenario)}`;
}

/** True when the hash carries a scenario or a deck (well formed or not). */
export function hasScenarioHash(hash: string): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.has(HASH_KEY) || params.has(DECK_KEY);
}

/**
 * The scenario a hash carries, validated; errors name the field and are in `lang`.
 * A hash without the key gives an error on the field `link`.
 */
export function decodeScenarioHash(hash: string, lang: Lang): ParseResult<Scenario> {
  const bad = (message: string): ParseResult<Scenario> => ({
    ok: false,
    errors: [{ path: 'link', code: 'link-invalid', message }],
  });
  const notReadable =
    lang === 'es' ? 'el enlace está dañado o incompleto.' : 'the link is damaged or incomplete.';
  if (typeof hash !== 'string' || hash.length > MAX_LINK_CHARS) {
    return bad(lang === 'es' ? 'el enlace es demasiado largo.' : 'the link is too long.');
  }
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(HASH_KEY);
  if (raw === null) return bad(notReadable);
  const parsed = decodeJson(raw, lang);
  return parsed.ok ? parseScenario(parsed.value, { lang }) : parsed;
}

function decodeJson(raw: string, lang: Lang): ParseResult<unknown> {
  const notReadable =
    lang === 'es' ? 'el enlace está dañado o incompleto.' : 'the link is damaged or incomplete.';
  const bad: ParseResult<unknown> = {
    ok: false,
    errors: [{ path: 'link', code: 'link-invalid', message: notReadable }],
  };
  const bytes = fromBase64Url(raw);
  if (!bytes) return bad;
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bad;
  }
  return parseJsonAttribute(json, 'link', { lang });
}

/** The hash key a deck travels under. */
export const DECK_KEY = 'deck';

/** What the person set, beside the scenario; stage and step numbers count from 1 in the link. */
export interface SharedView {
  target?: number;
  targetKind?: 'won' | 'revenue';
  /** The stage the target asks about (0-based). */
  targetStage?: number;
  deltaPoints?: number;
  leadsPercent?: number;
  costPerPoint?: number;
  /** The stage selected (0-based). */
  selected?: number;
  /** Training mode: stages revealed, the answer shown. */
  revealed?: number;
  answer?: boolean;
  /** The deck's step (0-based). */
  step?: number;
  /** Opens read-only, presenting, for an audience. */
  audience?: boolean;
}

export type SharedLink = ({ scenario: Scenario } | { deck: Deck }) & { view: SharedView };

type NumberParam = { key: string; min: number; max: number; whole?: boolean; base?: number };

/** Each number of the view: its parameter, its range, and 1 when it counts from 1 in the link. */
const NUMBERS: Record<
  Exclude<keyof SharedView, 'targetKind' | 'answer' | 'audience'>,
  NumberParam
> = {
  target: { key: 'target', min: 0, max: MAX_MONEY },
  targetStage: { key: 'target-stage', min: 1, max: 50, whole: true, base: 1 },
  deltaPoints: { key: 'delta', min: 0.1, max: 50 },
  leadsPercent: { key: 'leads-pct', min: 0.1, max: 1000 },
  costPerPoint: { key: 'cost', min: 0, max: MAX_MONEY },
  selected: { key: 'stage', min: 1, max: 50, whole: true, base: 1 },
  revealed: { key: 'revealed', min: 1, max: 50, whole: true },
  step: { key: 'step', min: 1, max: MAX_STEPS, whole: true, base: 1 },
};

/** The hash fragment (with `#`) for a shared view. */
export function encodeShareHash(link: SharedLink): string {
  const params = new URLSearchParams();
  if ('deck' in link) params.set(DECK_KEY, encodeJson(deckInput(link.deck)));
  else params.set(HASH_KEY, encodeJson(link.scenario));
  const { view } = link;
  for (const [name, spec] of Object.entries(NUMBERS)) {
    const value = view[name as keyof typeof NUMBERS];
    if (value !== undefined) params.set(spec.key, String(value + (spec.base ?? 0)));
  }
  if (view.targetKind) params.set('kind', view.targetKind);
  if (view.answer) params.set('answer', '1');
  if (view.audience) params.set('audience', '1');
  return `#${params.toString()}`;
}

function badParam(key: string, value: string, spec: NumberParam | undefined, lang: Lang) {
  const path = `link.${key}`;
  const range = spec ? `${spec.min}–${spec.max}` : '';
  const message = spec
    ? lang === 'es'
      ? `${path} debe ser un número ${spec.whole ? 'entero ' : ''}de ${range}, no «${value.slice(0, 20)}».`
      : `${path} must be a ${spec.whole ? 'whole ' : ''}number from ${range}, not “${value.slice(0, 20)}”.`
    : lang === 'es'
      ? `${path} debe ser «won» o «revenue», no «${value.slice(0, 20)}».`
      : `${path} must be “won” or “revenue”, not “${value.slice(0, 20)}”.`;
  return { path, code: 'link-invalid', message };
}

/**
 * A shared view from a hash: the scenario or the deck (validated as any other), and each
 * setting within its range; a deck's changes start from `start`. Errors name the parameter.
 */
export function decodeShareHash(
  hash: string,
  lang: Lang,
  start?: Scenario,
): ParseResult<SharedLink> {
  if (typeof hash !== 'string' || hash.length > MAX_LINK_CHARS) {
    return decodeScenarioHash(hash, lang) as ParseResult<never>;
  }
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const errors: ValidationError[] = [];
  const view: SharedView = {};
  for (const [name, spec] of Object.entries(NUMBERS)) {
    const raw = params.get(spec.key);
    if (raw === null) continue;
    const n = /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
    const ok = n >= spec.min && n <= spec.max && (!spec.whole || Number.isInteger(n));
    if (ok) view[name as keyof typeof NUMBERS] = n - (spec.base ?? 0);
    else errors.push(badParam(spec.key, raw, spec, lang));
  }
  const kind = params.get('kind');
  if (kind === 'won' || kind === 'revenue') view.targetKind = kind;
  else if (kind !== null) errors.push(badParam('kind', kind, undefined, lang));
  if (params.get('answer') === '1') view.answer = true;
  if (params.get('audience') === '1') view.audience = true;
  const deckRaw = params.get(DECK_KEY);
  let link: SharedLink | undefined;
  if (deckRaw !== null) {
    const json = decodeJson(deckRaw, lang);
    const deck = json.ok ? parseDeck(json.value, lang, start) : json;
    if (deck.ok) link = { deck: deck.value, view };
    else errors.push(...deck.errors);
  } else {
    const scenario = decodeScenarioHash(hash, lang);
    if (scenario.ok) link = { scenario: scenario.value, view };
    else errors.push(...scenario.errors);
  }
  return link && errors.length === 0 ? { ok: true, value: link } : { ok: false, errors };
}

/** What the person set, as the element holds it. */
export interface ViewState {
  plan: PlanOptions;
  target: TargetOptions;
  /** Training mode's stages shown and selected. */
  shown: PresentingState;
  answer: boolean;
  presenting: boolean;
}

/** The settings a link carries for `state`; `audience` opens it read-only, presenting. */
export function sharedView(state: ViewState, audience: boolean): SharedView {
  const { target, plan, shown } = state;
  return {
    ...(target.value !== undefined ? { target: target.value } : {}),
    targetKind: target.kind,
    targetStage: target.stage,
    deltaPoints: plan.deltaPoints,
    leadsPercent: plan.leadsPercent,
    ...(plan.costPerPoint !== undefined ? { costPerPoint: plan.costPerPoint } : {}),
    selected: shown.selected,
    ...(state.presenting || audience ? { revealed: shown.revealed, answer: state.answer } : {}),
    ...(audience ? { audience: true } : {}),
  };
}

/** `state` with a link's settings (each one the link carries) in place, for `total` stages. */
export function withSharedView(
  state: ViewState,
  view: SharedView,
  total: number,
): Omit<ViewState, 'presenting'> {
  const revealed = state.presenting ? (view.revealed ?? state.shown.revealed) : Infinity;
  return {
    plan: {
      deltaPoints: view.deltaPoints ?? state.plan.deltaPoints,
      leadsPercent: view.leadsPercent ?? state.plan.leadsPercent,
      ...(view.costPerPoint !== undefined ? { costPerPoint: view.costPerPoint } : {}),
    },
    target: {
      kind: view.targetKind ?? state.target.kind,
      stage: view.targetStage ?? state.target.stage,
      ...(view.target !== undefined ? { value: view.target } : {}),
    },
    shown: fitPresenting({ revealed, selected: view.selected ?? 0 }, total),
    answer: view.answer ?? false,
  };
}
