import type { ValidationError } from './types.js';

/** Errors quoted in `message`; the rest are counted (all of them are in `errors`). */
const QUOTED = 3;

/**
 * A scenario the engine refused: `errors` are exactly what `parseScenario` reports for it
 * (path, code, params, message). Thrown by `normalizeScenario`, and so by every function of
 * `sales-funnel/sim` that takes a scenario, instead of returning a figure for it. The message
 * quotes the first errors, each naming its field.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  /** Every problem found, not only the first. */
  readonly errors: ValidationError[];
  /** The argument at fault: `scenario`, or `benchmark` for a benchmark scenario. */
  readonly field: string;

  constructor(errors: ValidationError[], field = 'scenario') {
    super(summary(errors, field));
    this.errors = errors;
    this.field = field;
  }
}

function summary(errors: readonly ValidationError[], field: string): string {
  const quoted = errors.slice(0, QUOTED).map((e) => e.message || `${e.path} ${e.code}`);
  const more = errors.length - quoted.length;
  return `Invalid ${field}: ${quoted.join(' ')}${more > 0 ? ` (+${more} more in .errors)` : ''}`;
}
