import { causeOf } from '../../../model/explain.js';
import type { Lang } from '../../../model/types.js';
import type { ErrorReporter, InputProblem } from '../../controllers/error-reporter.js';
import { storageFailure } from '../../controllers/storage-failure.js';
import { SOURCE_FIELDS, sourceMessage, type SourceError } from '../model/sources.js';
import type { SimulatorStrings } from '../strings.js';

/**
 * The simulator's problems with what it was given — a scenario (markup, link, file, saved), a
 * deck, its storage — put to the element's `ErrorReporter`: logged and fired naming each field by
 * its path, as hosts read them, and shown as a person reads them ("Stage 2 (Demo): …").
 */
export class SimulatorProblems {
  /** What a person reads for a field's problem, where it differs from what is fired. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly errors: ErrorReporter) {}

  /** The scenario source's problem, if any, worded in `lang` (keyed by its id: reworded, not refired). */
  source(error: (SourceError & { id: number }) | undefined, lang: Lang, text: SimulatorStrings) {
    for (const field of SOURCE_FIELDS) {
      this.shown.delete(field);
      if (field !== error?.field) this.errors.clear(field);
    }
    if (!error) return;
    const message = sourceMessage(error, lang, text);
    this.errors.set(error.field, message, `${error.id}`, causeOf(error.errors));
    this.shown.set(error.field, sourceMessage(error, lang, text, true));
  }

  /** The deck's problem (DeckOptions.onProblem), or none once it can be used. */
  deck(message: string | undefined, cause?: string, shown?: string): void {
    this.shown.delete('deck');
    if (!message) return this.errors.clear('deck');
    this.errors.set('deck', message, message, cause);
    if (shown) this.shown.set('deck', shown);
  }

  /**
   * Saved data that could not be opened (`failed`), said in words under `field`, in place of the
   * calibration and the saved scenarios it cannot offer (keyed by the failure, so a change of
   * language rewords it).
   */
  storage(failed: unknown, field: 'pipeline' | 'database', lang: Lang): void {
    for (const f of ['pipeline', 'database'])
      if (failed === undefined || f !== field) this.errors.clear(f);
    if (failed === undefined) return;
    const { message, cause } = storageFailure(failed, lang);
    this.errors.set(field, message, cause, cause);
  }

  /** Every current problem, as shown. */
  get problems(): InputProblem[] {
    return this.errors.problems.map((p) => ({
      ...p,
      message: this.shown.get(p.field) ?? p.message,
    }));
  }
}
