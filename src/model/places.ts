import { formatError } from './messages.js';
import type { Lang, ValidationError } from './types.js';

/**
 * An error as a person reads it: where it is in their words ("Stage 2 (Qualified)", "Step 4 of
 * the deck"), then what is wrong, instead of the field's path (`stages[1].rate`). The
 * path stays in the error (and so in the console and the `error` event): this is only what is
 * shown. Pure; loaded with the error texts.
 */

type Words = Record<Lang, string>;

/** A field in words; `{parent}.{key}` for a key that means something else elsewhere. */
const FIELDS: Record<string, Words> = {
  value: { en: 'the value', es: 'el valor' },
  rate: { en: 'the conversion rate', es: 'el porcentaje de conversión' },
  name: { en: 'the name', es: 'el nombre' },
  names: { en: 'the names by language', es: 'el conjunto de nombres por idioma' },
  'names.es': { en: 'the Spanish name', es: 'el nombre en español' },
  'names.en': { en: 'the English name', es: 'el nombre en inglés' },
  days: { en: 'the days in the stage', es: 'el número de días en la etapa' },
  benchmark: { en: 'the benchmark rate', es: 'el porcentaje de referencia' },
  observed: { en: 'the observed deals', es: 'el recuento observado' },
  'observed.won': { en: 'the observed deals that went on', es: 'el número observado que avanzó' },
  'observed.of': { en: 'the observed decided deals', es: 'el número observado de decididas' },
  leads: { en: 'the leads per period', es: 'el número de leads por periodo' },
  dealValue: { en: 'the average deal value', es: 'el valor medio de una venta' },
  dealValueSd: { en: 'the spread of the deal value', es: 'el margen de variación del valor' },
  costPerLead: { en: 'the cost per lead', es: 'el coste por lead' },
  spend: { en: 'the total spend', es: 'el gasto total' },
  margin: { en: 'the gross margin', es: 'el margen bruto' },
  retention: { en: 'the retention rate', es: 'el porcentaje de retención' },
  repeatRate: { en: 'the repeat-purchase rate', es: 'el porcentaje de recompra' },
  wonStage: { en: 'the won stage', es: 'el número de la etapa ganada' },
  currency: { en: 'the currency', es: 'el código de moneda' },
  stages: { en: 'the list of stages', es: 'el listado de etapas' },
  title: { en: 'the title', es: 'el título' },
  note: { en: 'the note', es: 'el texto de la nota' },
  steps: { en: 'the list of steps', es: 'el listado de pasos' },
  scenario: { en: 'the scenario', es: 'el escenario' },
  change: { en: 'the change', es: 'el cambio' },
  stage: { en: 'the stage to change', es: 'el nombre o número de la etapa' },
  points: { en: 'the points', es: 'el número de puntos' },
};

/** What the input as a whole is called, by the attribute it came from. */
const ROOTS: Record<string, Words> = {
  stages: { en: 'the stages attribute', es: 'el atributo stages' },
  scenario: { en: 'the scenario', es: 'el escenario' },
  compare: { en: 'the compare attribute', es: 'el atributo compare' },
  deck: { en: 'the deck', es: 'la presentación' },
};

const PLACES = {
  stage: { en: 'Stage {n}', es: 'Etapa {n}' },
  compared: { en: 'Compared stage {n}', es: 'Etapa {n} comparada' },
  step: { en: 'Step {n} of the deck', es: 'Paso {n} de la presentación' },
  /** A stage inside a step: after the step's words. */
  inner: { en: 'stage {n}', es: 'etapa {n}' },
} satisfies Record<string, Words>;

/**
 * Where errors of `input` (a value already parsed: wording never parses a text again) come
 * from, `root` the attribute its paths start with.
 */
export function sourceOf(input: unknown, root?: string): Source {
  return root === undefined ? { input } : { input, root };
}

/** Where the error's input came from, to name its stages and steps. */
export interface Source {
  /** The input as given (parsed from its JSON), to read names from. */
  input?: unknown;
  /** The attribute its paths start with (`stages`, `scenario`, `compare`, `deck`), if any. */
  root?: string;
}

type Token = string | number;

function tokens(path: string): Token[] {
  const out: Token[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(JSON.parse(m[2]) as string);
    else out.push(m[3]);
  }
  return out;
}

/** `value[key]` when it is plainly there; nothing of a hostile value (a getter, a proxy). */
function child(value: unknown, key: Token): unknown {
  try {
    if (value === null || typeof value !== 'object') return undefined;
    if (typeof key === 'number') return Array.isArray(value) ? (value[key] as unknown) : undefined;
    return Object.prototype.hasOwnProperty.call(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}

/** A stage's or step's own name, short, to put after its position. */
function nameOf(item: unknown, lang: Lang): string {
  const names = child(item, 'names');
  const own = child(names, lang);
  const name = typeof own === 'string' && own.trim() ? own : child(item, 'name');
  const text = typeof name === 'string' ? name : child(item, 'title');
  if (typeof text !== 'string') return '';
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return Array.from(trimmed).length > 40
    ? `${Array.from(trimmed).slice(0, 39).join('')}…`
    : trimmed;
}

const named = (place: string, name: string) => (name ? `${place} (${name})` : place);

export interface Place {
  /** Where, as a person knows it ("Stage 2 (Qualified)"); none for a field of the whole. */
  where?: string;
  /** The field in words ("the conversion rate"), or the item itself when the error is about it. */
  what: string;
}

/** Where `path` is, and what it names, in `lang`. */
export function placeOf(path: string, lang: Lang, source: Source = {}): Place {
  const l: Lang = lang === 'es' ? 'es' : 'en';
  const list = tokens(path);
  const { root } = source;
  if (root !== undefined && list[0] === root) list.shift();
  const compared = root === 'compare';
  let node = source.input;
  const where: string[] = [];
  let parent: Token | undefined;
  for (const [i, token] of list.entries()) {
    const last = i === list.length - 1;
    if (typeof token === 'number') {
      node = child(node, token);
      const n = String(token + 1);
      const kind =
        parent === 'steps' ? 'step' : compared ? 'compared' : where.length ? 'inner' : 'stage';
      where.push(named(PLACES[kind][l].replace('{n}', n), nameOf(node, l)));
      if (last) {
        const what = where.pop()!;
        return where.length ? { where: where.join(', '), what } : { what };
      }
    } else {
      if (last) {
        const words = FIELDS[`${String(parent)}.${token}`] ?? FIELDS[token];
        const what = words ? words[l] : `“${token}”`;
        return where.length ? { where: where.join(', '), what } : { what };
      }
      node = child(node, token);
    }
    parent = token;
  }
  const whole = root !== undefined && Object.prototype.hasOwnProperty.call(ROOTS, root);
  return { what: whole ? ROOTS[root][l] : l === 'es' ? 'el valor' : 'the value' };
}

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Codes whose field is a key the person wrote: it is quoted as written, not named. */
const KEYED = new Set(['unknown-key', 'unknown-key-suggest']);

/**
 * The error in `lang` as a person reads it: "Stage 1 (Visits): the value cannot be negative
 * (-5)." `word` puts an error with its field in words (by default `formatError`).
 */
export function sayError(
  error: Pick<ValidationError, 'path' | 'code' | 'params'> & { message?: string },
  lang: Lang,
  source: Source = {},
  word: (e: typeof error) => string = (e) => formatError(e, lang),
): string {
  const place = placeOf(error.path, lang, source);
  let { what } = place;
  if (KEYED.has(error.code) && !what.startsWith('“')) {
    const key = tokens(error.path).at(-1);
    if (typeof key === 'string') what = `“${key}”`;
  }
  const text = word({ ...error, path: what });
  return place.where ? `${place.where}: ${lower(text)}` : upper(text);
}
