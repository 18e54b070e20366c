import { formatNumber } from '../../model/format.js';
import {
  LANGS,
  type Lang,
  type Scenario,
  type ScenarioInput,
  type StageCount,
} from '../../model/types.js';
import { MAX_MONEY } from '../../model/validate-core.js';
import { checkScenario } from '../../model/validate-scenario.js';
import { readChoice, readNumber, THEMES, type OptionProblem, type Theme } from '../attributes.js';
import { t } from '../i18n.js';
import { canvasWidth } from './controllers/measure.js';
import { funnelLayout } from './model/funnel-figure.js';
import { readData, type DataProblem } from './model/funnel-input.js';
import { funnelModel } from './model/funnel-model.js';
import { fromScenario } from './model/scenario-source.js';
import { FUNNEL_PALETTES, funnelSvg, type FunnelColours } from './model/funnel-svg.js';
import { labelLines } from './model/funnel-text.js';
import type { Orientation, Shape } from './model/geometry.js';
import {
  estimateWidth,
  FONT,
  LEAST_CHAR,
  widestChar,
  type TextWidth,
} from './model/label-width.js';
import { wordProblem } from './problem-texts.js';
import { FUNNEL_STRINGS, RENDER_SVG_STRINGS, type FunnelStrings } from './strings.js';

/** What `renderFunnelSvg` takes: what `<sales-funnel>`'s stages or scenario take. */
export type FunnelSvgData = StageCount[] | ScenarioInput | Scenario | string;

export interface FunnelSvgOptions {
  /** Language of the labels and the title: `en` (default) or `es`. */
  lang?: Lang;
  /** `light` (default), `dark`, or `auto`: the system preference where there is one (a browser). */
  theme?: Theme;
  /** Width in px (120–100,000), like the element's content box; 480 by default. The height follows. */
  width?: number;
  orientation?: Orientation;
  shape?: Shape;
  /** ISO 4217 code for money; a scenario's own currency wins. */
  currency?: string;
  /** Average value of a won deal, for money with stage counts. */
  dealValue?: number;
  /** Improvement in rate points (0.01–1) for the "pays off most" emphasis. */
  payoffPoints?: number;
  noPayoff?: boolean;
  /** A second data set drawn as an outline, with the change per stage. */
  compare?: FunnelSvgData;
  compareLabel?: string;
  strings?: Partial<FunnelStrings>;
  /** Colours instead of the theme's (any CSS colour; hex and `rgb()` shade the bands exactly). */
  colours?: Partial<FunnelColours>;
  /** CSS font family of the labels; the built-in stack by default. */
  font?: string;
  /**
   * Width in px of a label line in the font (13 px, `bold` = weight 600). By default, for a
   * `font` given, a canvas where there is one (a browser: what `<sales-funnel>` measures for a
   * page's font); else an estimate from a table of DejaVu Sans widths, the widest common default
   * sans-serif (what the element uses for the built-in stack, in a browser and on a server).
   */
  measureText?: TextWidth;
}

/** Input `renderFunnelSvg` cannot draw: `field` names the argument or option at fault. */
export class FunnelSvgError extends Error {
  override readonly name = 'FunnelSvgError';
  /** `data`, `compare` or the option's name. */
  readonly field: string;
  /** Every problem found, in the options' language. */
  readonly messages: string[];

  constructor(field: string, messages: string[]) {
    super(messages.join(' '));
    this.field = field;
    this.messages = messages;
  }
}

const ORIENTATIONS: readonly Orientation[] = ['vertical', 'horizontal'];
const SHAPES: readonly Shape[] = ['straight', 'curved'];

/** A value that is not usable, as an error in `lang`. */
function optionError(problem: OptionProblem, lang: Lang): FunnelSvgError {
  const s = RENDER_SVG_STRINGS[lang];
  const { field, value } = problem;
  // `strings` problems come from an element's `strings` property, which has no option here.
  const text =
    problem.kind === 'number'
      ? t(s.number, {
          field,
          value,
          min: formatNumber(problem.min, lang, 2),
          max: formatNumber(problem.max, lang, 2),
        })
      : t(s.choice, {
          field,
          value,
          allowed: problem.kind === 'choice' ? problem.allowed.join(', ') : '',
        });
  return new FunnelSvgError(field, [text]);
}

/** The value of an option read by `attributes.ts`, or its error thrown. */
function take<T>(read: { value: T; problem?: OptionProblem }, lang: Lang): T {
  if (read.problem) throw optionError(read.problem, lang);
  return read.value;
}

function dataError(p: DataProblem, lang: Lang): FunnelSvgError {
  // Thrown to the page's code: each field named by its path.
  const worded = wordProblem(p.errors, lang);
  return new FunnelSvgError(p.field, worded.said ?? worded.texts);
}

function currencyOf(code: unknown, lang: Lang): string {
  if (code === undefined) return 'EUR';
  try {
    if (typeof code === 'string' && /^[a-z]{3}$/i.test(code)) {
      new Intl.NumberFormat('en', { style: 'currency', currency: code });
      return code;
    }
  } catch {
    // not a currency Intl knows
  }
  const text = t(RENDER_SVG_STRINGS[lang].currency, { field: 'currency', value: String(code) });
  throw new FunnelSvgError('currency', [text]);
}

/** `auto`: the system's preference where a browser says it, else light. */
function palette(theme: Theme | undefined): FunnelColours {
  const dark =
    theme === 'dark' ||
    (theme === 'auto' && !!globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches);
  return FUNNEL_PALETTES[dark ? 'dark' : 'light'];
}

/**
 * The funnel of `data` as a standalone SVG document: the same file `<sales-funnel>`'s `toSVG()`
 * writes for the same data and options (language, theme, width, orientation, shape, compare…),
 * in Node or a browser, with no DOM: for emails, PDFs and reports. Throws `FunnelSvgError`,
 * naming the field, for data or an option it cannot use (the element would show the message
 * and use the default).
 */
export function renderFunnelSvg(data: FunnelSvgData, options: FunnelSvgOptions = {}): string {
  const o = options ?? {};
  const lang = take(readChoice('lang', o.lang, LANGS, 'en'), 'en');
  const theme = take(readChoice('theme', o.theme, THEMES), lang);
  const width = take(
    readNumber('width', o.width, null, { min: 120, max: 1e5, fallback: 480 }),
    lang,
  );
  const orientation = take(
    readChoice('orientation', o.orientation, ORIENTATIONS, 'vertical'),
    lang,
  );
  const shape = take(readChoice('shape', o.shape, SHAPES, 'straight'), lang);
  const dealValue = take(
    readNumber('dealValue', o.dealValue, null, { min: 0, max: MAX_MONEY, fallback: 0 }),
    lang,
  );
  const payoffPoints = take(
    readNumber('payoffPoints', o.payoffPoints, null, { min: 0.01, max: 1, fallback: 0.05 }),
    lang,
  );
  const currency = currencyOf(o.currency, lang);
  const strings = { ...FUNNEL_STRINGS[lang], ...o.strings };
  const read = (input: unknown, field: string) => {
    // Defined for a scenario too: its reader and projection are here, not loaded on first use.
    const r = readData(input, field, lang, {
      scenarioReaders: () => [checkScenario, fromScenario],
    })!;
    if (!r.ok) throw dataError(r.problem, lang);
    return r.source;
  };
  const main = read(data, 'data');
  const compare = o.compare === undefined ? undefined : read(o.compare, 'compare');
  const model = funnelModel(main, compare, {
    currency,
    dealValue,
    payoffPoints,
    noPayoff: !!o.noPayoff,
  });
  const words = { lang, strings, compareLabel: o.compareLabel };
  const labels = labelLines(model, words);
  const font = o.font ?? FONT;
  // As the element does: a page's font measured where there is a canvas, the built-in stack
  // (and anything in Node) estimated.
  const canvas = typeof document !== 'undefined' && o.font;
  const measure = o.measureText ?? (canvas ? canvasWidth(font) : estimateWidth);
  const charWidth = widestChar(labels, measure, LEAST_CHAR);
  const layout = funnelLayout(model.rows, labels, {
    width,
    orientation,
    shape,
    charWidth,
    measure,
  });
  const colours = { ...palette(theme), ...o.colours };
  return funnelSvg({ model, labels, layout }, { colours, font, title: strings.funnelLabel });
}
