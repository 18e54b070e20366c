import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatNumber } from '../../model/format.js';
import type { Lang } from '../../model/types.js';
import type { OptionProblem, Read } from '../attributes.js';
import { dispatch } from '../events.js';
import { LazyModule } from './lazy-module.js';

/** Hosts whose bad attribute waits for its words. */
const waiting = new Set<ReactiveControllerHost>();
/**
 * The words of a bad attribute value, shared by every element of the page: loaded the first time
 * one is bad (most pages never need them); each host waiting for them updates once they arrive.
 */
const optionTexts = new LazyModule(
  () => import('../option-texts.js'),
  () => {
    for (const host of waiting) host.requestUpdate();
    waiting.clear();
  },
);

/** Resolves once the words of a bad attribute have arrived, if they are on their way. */
export function optionTextsSettled(): Promise<void> | undefined {
  return optionTexts.pending ? optionTexts.settled() : undefined;
}

/** A problem with an input the element cannot use: which attribute or property, and why. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Bad input never throws out of an element: the element shows `problems` in place, and each
 * problem is logged once (`console.warn`) and fired once as `error` (`{ field, message }`),
 * after the update that shows it. A problem stays the same problem while its `key` does (by
 * default its message; pass the bad value instead, so that a change of language rewords the
 * message without firing again). Once a field is cleared, the same problem later fires anew.
 */
export class ErrorReporter implements ReactiveController {
  private readonly current = new Map<
    string,
    { message: string; key: string; cause: string | undefined }
  >();
  /** The key last fired per field. */
  private readonly fired = new Map<string, string>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /**
   * Records the problem of `field`, replacing the one it had. `cause`: the technical words of a
   * failure, logged and in the `error` event's detail, never shown.
   */
  set(field: string, message: string, key: string = message, cause?: string): void {
    const was = this.current.get(field);
    if (was?.message === message && was.key === key) return;
    this.current.set(field, { message, key, cause });
    this.host.requestUpdate();
  }

  /** `field` is usable again (every field when none is named). */
  clear(field?: string): void {
    const had = field === undefined ? this.current.size > 0 : this.current.has(field);
    if (field === undefined) this.current.clear();
    else this.current.delete(field);
    if (had) this.host.requestUpdate();
  }

  /**
   * The value of an option read with `readChoice` / `readNumber`: its problem, if any, is
   * recorded under its field (keyed by the bad value), else that field is cleared.
   */
  option<T>(read: Read<T>, field: string, lang: Lang): T {
    const problem = read.problem;
    if (!problem) this.clear(field);
    else {
      const message = this.word(problem, lang);
      // Recorded, and fired, in the update after the words arrive.
      if (message !== undefined) this.set(field, message, problem.value);
    }
    return read.value;
  }

  /** `undefined` while the words load; should they fail to, the field and the value. */
  private word(problem: OptionProblem, lang: Lang): string | undefined {
    const texts = optionTexts.get();
    if (texts) return texts.problemText(problem, lang, (v) => formatNumber(v, lang, 2));
    if (optionTexts.error !== undefined) return `${problem.field}: “${problem.value}”`;
    waiting.add(this.host);
    return undefined;
  }

  has(field: string): boolean {
    return this.current.has(field);
  }

  /** The message of `field`'s problem, if it has one. */
  message(field: string): string | undefined {
    return this.current.get(field)?.message;
  }

  /** Every current problem, in the order they were first recorded. */
  get problems(): InputProblem[] {
    return [...this.current].map(([field, { message }]) => ({ field, message }));
  }

  hostUpdated(): void {
    for (const field of [...this.fired.keys()]) {
      if (!this.current.has(field)) this.fired.delete(field);
    }
    for (const [field, { message, key, cause }] of this.current) {
      if (this.fired.get(field) === key) continue;
      this.fired.set(field, key);
      console.warn(`<${this.host.localName}> ${field}: ${message}`, ...(cause ? [cause] : []));
      dispatch(this.host, 'error', { field, message, ...(cause ? { cause } : {}) });
    }
  }
}
