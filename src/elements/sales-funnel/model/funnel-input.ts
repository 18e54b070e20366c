import type { Lang } from '../../../model/types.js';
import {
  checkJsonAttribute,
  checkStageCounts,
  type Checked,
  type Issue,
} from '../../../model/validate-core.js';
import type { checkScenario } from '../../../model/validate-scenario.js';
import type { FunnelSource } from './funnel-model.js';
import type { fromScenario } from './scenario-source.js';

/**
 * Reading the funnel's data attributes (`stages`, `scenario`, `compare`, a preset) into data
 * sets, or into the problem that stops the chart (a pipeline's history is read by its source,
 * `controllers/pipeline-source.ts`). Pure.
 */

/**
 * Why a data set cannot be drawn: the validation issues, or messages already worded. The
 * issues' texts (in any language) come with `wordProblem` (problem-texts.ts), which the element
 * loads the first time it needs them.
 */
export interface DataProblem {
  field: string;
  errors: (Issue | string)[];
  /** The value read (parsed from its JSON), whose stages the messages name. */
  value?: unknown;
}

export type DataRead = { ok: true; source: FunnelSource } | { ok: false; problem: DataProblem };

/** An attribute left out, removed (`null`) or empty. */
export const isGiven = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** A problem whose messages name the attribute: `scenario.stages[2].rate …`. */
export function problem(
  field: string,
  errors: (Issue | string)[],
  value?: unknown,
): { ok: false; problem: DataProblem } {
  const pathOf = (path: string) =>
    path.startsWith('[') ? field + path : path ? `${field}.${path}` : field;
  return {
    ok: false,
    problem: {
      field,
      errors: errors.map((e) => (typeof e === 'string' ? e : { ...e, path: pathOf(e.path) })),
      value,
    },
  };
}

export interface ReadOptions {
  /** What the input is; without it an array is counts and anything else a scenario. */
  kind?: 'stages' | 'scenario';
  /**
   * The scenario reader (validate-scenario.ts) and its projection (scenario-source.ts), asked
   * for only when the input is a scenario: the element loads both then, side by side, and
   * gives `undefined` for each until it is there.
   */
  scenarioReaders: () => readonly [
    typeof checkScenario | undefined,
    typeof fromScenario | undefined,
  ];
}

/**
 * Stage counts or a scenario, from a JSON string or a value (as `compare` takes either);
 * `undefined` for a scenario while its reader is on its way.
 */
export function readData(
  input: unknown,
  field: string,
  lang: Lang,
  { kind, scenarioReaders }: ReadOptions,
): DataRead | undefined {
  try {
    let value = input;
    if (typeof input === 'string') {
      // Its issues are the text's as a whole (path ''): `problem` names them by the attribute.
      const json = awaiting?.[0] === input ? awaiting[1] : checkJsonAttribute(input, '');
      if (!json.ok) return problem(field, json.issues);
      value = json.value;
    }
    if (kind ? kind === 'stages' : Array.isArray(value)) {
      const parsed = checkStageCounts(value, { lang });
      if (!parsed.ok) return problem(field, parsed.issues, value);
      return {
        ok: true,
        source: {
          names: parsed.value.map((s) => s.names?.[lang] ?? s.name),
          values: parsed.value.map((s) => s.value),
        },
      };
    }
    const [check, project] = scenarioReaders();
    const parsed = project && check?.(value, { lang });
    awaiting = parsed ? undefined : [input, { ok: true, value }];
    if (!parsed) return undefined;
    if (!parsed.ok) return problem(field, parsed.issues, value);
    return { ok: true, source: project(parsed.value, lang) };
  } catch {
    // Only a value no JSON can give throws here (a revoked Proxy, a throwing getter): said so.
    return problem(field, [{ path: '', code: 'unreadable' }]);
  }
}

/**
 * The scenario (a text, or a value) last read while its readers were on their way, with its
 * value: a text read again once they arrive is not parsed again (1 MB: 30 ms). Forgotten once a
 * scenario is read. (A broken text is said at once, without loading the readers.)
 */
let awaiting: [unknown, Checked<unknown>] | undefined;
