import { causeOf, explainAll } from '../../model/explain.js';
import { formatError } from '../../model/messages.js';
import { sayError } from '../../model/places.js';
import type { Lang } from '../../model/types.js';
import type { Issue } from '../../model/validate-core.js';

/**
 * What `<sales-funnel>` loads the first time an input is bad (most pages never need it): the
 * issues its readers found, explained (explain.ts) and put in words (messages.ts), as a person
 * reads them (places.ts: "Stage 2 (Qualified): …") and, path and all, for the console and the
 * `error` event.
 */

/** A problem in words: its messages in one language, and what it is in any language. */
export interface WordedProblem {
  /** What is shown: each message, naming its stage as a person knows it. */
  texts: string[];
  /** What the console and the `error` event say: the messages naming each field by its path. */
  said?: string[];
  /**
   * The same whatever the language: what `ErrorReporter` keys the problem by, so that a change
   * of language rewords the message without reporting it again.
   */
  key: string;
  /** The engine's own words (V8's JSON message), for the console and the event only. */
  cause?: string;
}

/**
 * Each problem explained once and worded once per language and attribute: the element words
 * its problem in every update (a hover, a resize), explaining runs the did-you-mean searches
 * and wording says every error twice (shown and logged). A problem's `input` comes with its
 * errors, so they key it.
 */
const wordedOf = new WeakMap<
  readonly (Issue | string)[],
  { issues: ReturnType<typeof explainAll>; worded: Map<string, WordedProblem> }
>();

/**
 * The messages of `errors` in `lang`; a string is a message already. `field` (the attribute)
 * and `input` (its value, parsed) name the stages in what is shown; without `field` it is shown
 * as it is said.
 */
export function wordProblem(
  errors: readonly (Issue | string)[],
  lang: Lang,
  field?: string,
  input?: unknown,
): WordedProblem {
  let known = wordedOf.get(errors);
  if (!known) {
    const issues = explainAll(errors.filter((e) => typeof e !== 'string'));
    wordedOf.set(errors, (known = { issues, worded: new Map() }));
  }
  const key = `${lang}\n${field ?? ''}`;
  let worded = known.worded.get(key);
  if (!worded) known.worded.set(key, (worded = word(errors, known.issues, lang, field, input)));
  return worded;
}

function word(
  errors: readonly (Issue | string)[],
  issues: ReturnType<typeof explainAll>,
  lang: Lang,
  field: string | undefined,
  input: unknown,
): WordedProblem {
  let next = 0;
  const explained = errors.map((e) => (typeof e === 'string' ? e : issues[next++]));
  const cause = causeOf(issues);
  const source = { root: field, input };
  const said = explained.map((e) => (typeof e === 'string' ? e : formatError(e, lang)));
  return {
    ...(cause === undefined ? {} : { cause }),
    // Without the attribute (an option such as `currency`), each is said as it is logged.
    texts:
      field === undefined
        ? said
        : explained.map((e) => (typeof e === 'string' ? e : sayError(e, lang, source))),
    said,
    key: JSON.stringify(
      explained.map((e) => (typeof e === 'string' ? e : [e.path, e.code, e.params])),
    ),
  };
}
