import type { Lang } from '../../model/types.js';
import type { LaterStrings } from './strings.js';

let table: Record<Lang, LaterStrings> | undefined;
let loading: Promise<void> | undefined;

/** The texts fetched on first use, once they have arrived. */
export function laterStrings(lang: Lang): LaterStrings | undefined {
  return table?.[lang];
}

/**
 * Fetches the texts of the dialogs and the import step, once per page; the code that shows them
 * loads beside it and waits for both. A failed fetch may be tried again.
 */
export function loadLaterStrings(): Promise<void> {
  loading ??= import('./later-strings.js').then(
    (module) => {
      table = module.LATER_STRINGS;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
