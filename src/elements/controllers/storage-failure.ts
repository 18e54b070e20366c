import type { Lang } from '../../model/types.js';
import { OPEN_TIMEOUT_MS } from '../../store/db.js';
import { StoreError, technicalDetail } from '../../store/errors.js';
import { t } from '../i18n.js';

const TIMED_OUT: Record<Lang, string> = {
  en: 'The browser did not answer for {seconds} seconds while opening the saved data. Nothing was changed. Try again; if it keeps happening, close the other tabs of this site or restart the browser.',
  es: 'El navegador no respondió en {seconds} segundos al abrir los datos guardados. No se cambió nada. Vuelva a intentarlo; si sigue ocurriendo, cierre las otras pestañas de este sitio o reinicie el navegador.',
};

/**
 * That an open gave no event for `ms` (by default the store's own time-out, so the words always
 * say the time the store waits), in `lang`.
 */
export function timedOutText(lang: Lang, ms: number = OPEN_TIMEOUT_MS): string {
  // Intl here rather than model/format.js: that module stays in the funnel's first file.
  const seconds = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(ms / 1000);
  return t(TIMED_OUT[lang], { seconds });
}

/**
 * Why the saved data could not be opened or read, in plain words for people, for every element
 * that reads a pipeline: the board's strings take these as their defaults; the forecast, the
 * simulator and the funnel say them as they are. The browser's own words are never shown: they
 * go to the console and the `error` event's `cause`.
 */
export const STORAGE_FAILURE = {
  en: {
    storageNewer:
      'The saved data was written by a newer version of this app than the one this page loaded. Reload the page to get the newer version; until then nothing is shown or changed here, so that data stays as it is.',
    storageCorrupt:
      'The browser could not read the saved data of this site (its storage reported an internal error). Nothing was changed. Try again; if it keeps failing, restart the browser.',
    storageTimedOut: timedOutText('en'),
    storageFailed: 'The saved data could not be read: {detail}',
    storageReason:
      'the browser’s storage reported an error. Try again; if it keeps failing, reload the page.',
  },
  es: {
    storageNewer:
      'Los datos guardados los escribió una versión de esta aplicación más nueva que la que cargó esta página. Recargue la página para obtener la versión nueva; hasta entonces aquí no se muestra ni se cambia nada, así que esos datos quedan como están.',
    storageCorrupt:
      'El navegador no pudo leer los datos guardados de este sitio (su almacenamiento informó de un error interno). No se cambió nada. Vuelva a intentarlo; si sigue fallando, reinicie el navegador.',
    storageTimedOut: timedOutText('es'),
    storageFailed: 'No se pudieron leer los datos guardados: {detail}',
    storageReason:
      'el almacenamiento del navegador informó de un error. Vuelva a intentarlo; si sigue fallando, recargue la página.',
  },
} satisfies Record<Lang, Record<string, string>>;

export type OpenFailureStrings = Pick<
  (typeof STORAGE_FAILURE)['en'],
  'storageNewer' | 'storageCorrupt' | 'storageTimedOut'
>;

/** The opening failures said in words of their own, by the store's code. */
const OPEN_KEYS = {
  'newer-version': 'storageNewer',
  corrupt: 'storageCorrupt',
  'timed-out': 'storageTimedOut',
} as const;
export type OpenFailure = keyof typeof OPEN_KEYS;

/** The opening failure `e` is, when it is one said in words of its own. */
export function openFailure(e: unknown): OpenFailure | undefined {
  return e instanceof StoreError && e.code in OPEN_KEYS ? (e.code as OpenFailure) : undefined;
}

/** The words of an opening failure in `s`; `undefined` for any other failure. */
export function openFailureText(e: unknown, s: OpenFailureStrings): string | undefined {
  const code = openFailure(e);
  return code && s[OPEN_KEYS[code]];
}

/** A failure to open or read the saved data, for an element with no strings of its own for it. */
export interface StorageFailure {
  /** In plain words, in `lang`. */
  message: string;
  /** The browser's own words, for the console and the `error` event only. */
  cause: string;
}

/** `template` (with `{detail}`, the cause in plain words) says a failure other than an opening one. */
export function storageFailure(
  e: unknown,
  lang: Lang,
  template: string = STORAGE_FAILURE[lang].storageFailed,
): StorageFailure {
  const words = STORAGE_FAILURE[lang];
  const message = openFailureText(e, words) ?? t(template, { detail: words.storageReason });
  return { message, cause: technicalDetail(e) };
}
