import type { Lang } from '../model/types.js';

/**
 * How the funnel, the simulator and the forecast say that `{count}` deals were dated after now
 * (saved while the device's clock was ahead) and count as of now (`atPresent`): one text, so the
 * three say it in the same words.
 */
export const FUTURE_DATED: Record<Lang, string> = {
  en: 'Deals dated after now, saved while the device’s clock was ahead, count as of now: {count}.',
  es: 'Las oportunidades con fecha posterior a ahora, guardadas con el reloj del dispositivo adelantado, cuentan desde ahora: {count}.',
};
