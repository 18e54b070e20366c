/**
 * The rule a stale threshold is learned by, apart from the learning itself so that a board can
 * say it on a card without loading the history's analysis.
 */

/** A stage's visits are trusted for a stale threshold from this many finished ones on. */
export const MIN_VISITS_FOR_THRESHOLD = 10;
/** The share of finished visits a stale threshold lets go by. */
export const STALE_SHARE = 0.85;
