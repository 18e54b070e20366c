import type { Lang } from '../../../model/types.js';
import { MAX_MONEY, type Issue } from '../../../model/validate-core.js';
import { readChoice, readNumber, THEMES, type Theme } from '../../attributes.js';
import type { ErrorReporter } from '../../controllers/error-reporter.js';
import type { Orientation, Shape } from '../model/geometry.js';
import type { FunnelModelOptions } from '../model/funnel-model.js';
import type { WordedProblem } from '../problem-texts.js';

/** Default improvement, in rate points (0.05 = +5 pp), for the "pays off most" emphasis. */
export const PAYOFF_POINTS = 0.05;
const ORIENTATIONS: readonly Orientation[] = ['vertical', 'horizontal'];
const SHAPES: readonly Shape[] = ['straight', 'curved'];

/** The element's plain options, as set (attributes or properties). */
export interface OptionsHost {
  theme?: Theme;
  orientation: Orientation;
  shape: Shape;
  dealValue?: number;
  payoffPoints: number;
  noPayoff: boolean;
  currency: string;
  getAttribute(name: string): string | null;
}

export type FunnelOptions = FunnelModelOptions & { orientation: Orientation; shape: Shape };

/**
 * `<sales-funnel>`'s plain options, each through `attributes.ts`: a bad value is reported (in
 * place, once, through `errors`) and its default used, so the chart still draws. A bad currency
 * is worded by `word` (the error texts, loaded on first need).
 */
export function readOptions(
  el: OptionsHost,
  errors: ErrorReporter,
  lang: Lang,
  word: (issues: Issue[], lang: Lang) => WordedProblem | undefined,
): FunnelOptions {
  const number = (field: string, value: unknown, min: number, max: number, fallback: number) =>
    errors.option(
      readNumber(field, value, el.getAttribute(field), { min, max, fallback }),
      field,
      lang,
    );
  errors.option(readChoice('theme', el.theme, THEMES), 'theme', lang);
  return {
    orientation: errors.option(
      readChoice('orientation', el.orientation, ORIENTATIONS, 'vertical'),
      'orientation',
      lang,
    ),
    shape: errors.option(readChoice('shape', el.shape, SHAPES, 'straight'), 'shape', lang),
    dealValue: number('deal-value', el.dealValue, 0, MAX_MONEY, 0),
    payoffPoints: number('payoff-points', el.payoffPoints, 0.01, 1, PAYOFF_POINTS),
    noPayoff: el.noPayoff,
    currency: readCurrency(el.currency, errors, lang, word),
  };
}

/** `currency`, or EUR with a problem worded by `word`. */
function readCurrency(
  currency: string,
  errors: ErrorReporter,
  lang: Lang,
  word: (issues: Issue[], lang: Lang) => WordedProblem | undefined,
): string {
  const code = currency || 'EUR';
  // Intl takes any three letters (ECMA-402's well-formed currency code): nothing to try.
  if (/^[a-z]{3}$/i.test(code)) {
    errors.clear('currency');
    return code;
  }
  const issue: Issue = { path: 'currency', code: 'currency-invalid', params: { value: code } };
  const [message] = word([issue], lang)?.texts ?? [];
  if (message) errors.set('currency', message, code);
  return 'EUR';
}
