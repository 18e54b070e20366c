import { causeOf, explainAll } from '../../model/explain.js';
import { formatError } from '../../model/messages.js';
import type { Lang } from '../../model/types.js';
import type { Issue } from '../../model/validate-core.js';

/**
 * What `<sales-funnel>` loads the first time an input is bad (most pages never need it): the
 * issues its readers found, explained (explain.ts) and put in words (messages.ts).
 */

/** A problem in words: its messages in one language, and what it is in any language. */
export interface WordedProblem {
  texts: string[];
  /**
   * The same whatever the language: what `ErrorReporter` keys the problem by, so that a change
   * of language rewords the message without reporting it again.
   */
  key: string;
  /** The engine's own words (V8's JSON message), for the console and the event only. */
  cause?: string;
}

/**
 * The issues of each problem, explained once: the element words its problem in every update
 * (a hover, a resize), and explaining runs the did-you-mean searches.
 */
const explainedOf = new WeakMap<readonly (Issue | string)[], ReturnType<typeof explainAll>>();

/** The messages of `errors` in `lang`; a string is a message already. */
export function wordProblem(errors: readonly (Issue | string)[], lang: Lang): WordedProblem {
  let issues = explainedOf.get(errors);
  if (!issues) {
    issues = explainAll(errors.filter((e) => typeof e !== 'string'));
    explainedOf.set(errors, issues);
  }
  let next = 0;
  const explained = errors.map((e) => (typeof e === 'string' ? e : issues[next++]));
  const cause = causeOf(issues);
  return {
    ...(cause === undefined ? {} : { cause }),
    texts: explained.map((e) => (typeof e === 'string' ? e : formatError(e, lang))),
    key: JSON.stringify(
      explained.map((e) => (typeof e === 'string' ? e : [e.path, e.code, e.params])),
    ),
  };
}
