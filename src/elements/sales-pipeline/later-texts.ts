import type { Lang } from '../../model/types.js';
import { LazyModule, loadModule } from '../controllers/lazy-module.js';
import type { LaterStrings } from './strings.js';

let table: Record<Lang, LaterStrings> | undefined;
const texts = new LazyModule(
  () => import('./later-strings.js').then((module) => (table = module.LATER_STRINGS)),
  () => {},
);

/** The texts fetched on first use, once they have arrived. */
export function laterStrings(lang: Lang): LaterStrings | undefined {
  return table?.[lang];
}

/**
 * Fetches the texts of the dialogs, the import step, the failures and a synced board, once per
 * page; the code that shows them loads beside it and waits for both. A failed fetch is tried
 * again by the next call.
 */
export function loadLaterStrings(): Promise<unknown> {
  return loadModule(texts);
}

/** Whether the last fetch of the texts failed (and none has been tried since). */
export function laterStringsFailed(): boolean {
  return texts.error !== undefined;
}
