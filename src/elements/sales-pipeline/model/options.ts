import { PRESET_IDS, getPreset } from '../../../model/presets.js';
import { DEFAULT_PRESET } from '../../../store/defaults.js';
import type { NewPipeline } from '../../../store/repository.js';
import { isCurrency } from '../../../store/validate.js';
import { THEMES, readChoice, readNumber, type Read, type Theme } from '../../attributes.js';
import { t } from '../../i18n.js';
import type { PipelineStrings } from '../strings.js';

/**
 * The board's plain attributes, read one way: a usable value is taken, anything else falls
 * back to the default with a problem the board reports (in place, once in the console, as an
 * `error` naming the field). Pure.
 */

/** Days in a stage before a card is stale, when `stale-days` is missing or unusable. */
export const DEFAULT_STALE_DAYS = 30;
/** Ten years: more is a typo, not a sales cycle. */
export const MAX_STALE_DAYS = 3650;
/** The currency of a new pipeline when `currency` is missing or unusable. */
export const DEFAULT_CURRENCY = 'EUR';

export interface BoardAttributes {
  staleDays: unknown;
  /** The `stale-days` attribute's text, quoted back when it is no number. */
  staleDaysText: string | null;
  theme: unknown;
  template: unknown;
  currency: unknown;
}

export interface BoardOptions {
  staleDays: Read<number>;
  theme: Read<Theme | undefined>;
  template: Read<string>;
  /** The code of a new pipeline (`undefined`: the store's default), and why it is not the one written. */
  currency: { value?: string; problem?: { message: string; value: string } };
}

export function readBoardOptions(input: BoardAttributes, s: PipelineStrings): BoardOptions {
  const raw = typeof input.currency === 'string' ? input.currency.trim() : '';
  const code = raw.toUpperCase();
  return {
    staleDays: readNumber('stale-days', input.staleDays, input.staleDaysText, {
      min: 0,
      max: MAX_STALE_DAYS,
      fallback: DEFAULT_STALE_DAYS,
    }),
    theme: readChoice('theme', input.theme, THEMES),
    template: readChoice('template', input.template, PRESET_IDS, DEFAULT_PRESET),
    // Lower case is the same code ("usd"); anything but three letters is not one.
    currency:
      raw === ''
        ? {}
        : isCurrency(code)
          ? { value: code }
          : {
              value: DEFAULT_CURRENCY,
              problem: { message: t(s.badCurrency, { value: raw }), value: raw },
            },
  };
}

/** What a pipeline that does not exist yet is created with. */
export function newPipelineOf(
  template: string,
  currency: string | undefined,
  s: PipelineStrings,
): Omit<NewPipeline, 'id'> {
  const preset = getPreset(template);
  return {
    name: s.newPipelineName,
    ...(currency ? { currency } : {}),
    ...(preset ? { preset } : {}),
  };
}
