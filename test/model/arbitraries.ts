import fc from 'fast-check';
import { observedRate } from '../../src/model/rates.js';
import type { ObservedRate, ScenarioInput, StageInput } from '../../src/model/types.js';

/**
 * fast-check arbitraries for valid scenarios as people write them (README "Scenario fields" and
 * "Stage fields"): every shape `parseScenario` accepts, with the spellings it normalizes
 * (padded names, lower-case currencies, −0, counts as rates, names without a name, no
 * `wonStage`), within the documented ranges.
 */

/** A trimmed name of 1 to 24 characters, sometimes padded with spaces, a tab or a line break. */
const name = fc
  .tuple(
    fc.constantFrom('', ' ', '\t'),
    fc.stringMatching(/^[A-Za-zÁÉÍÓÚáéíóúñ0-9][A-Za-zÁÉÍÓÚáéíóúñ0-9 &-]{0,23}$/),
    fc.constantFrom('', ' ', '\n'),
  )
  .map((parts) => parts.join(''));

/** A share in [0, 1], −0 included (it normalizes to 0). */
const share = fc.double({ min: -0, max: 1, noNaN: true });

const counts: fc.Arbitrary<ObservedRate> = fc
  .nat({ max: 100_000 })
  .chain((of) => fc.record({ won: fc.integer({ min: 0, max: of }), of: fc.constant(of) }));

/** The rate as a share, as counts, or in the normalized form (the mean next to its counts). */
const rate = fc.oneof(
  fc.record({ rate: share }),
  fc.record({ rate: counts }),
  counts.map((observed) => ({ rate: observedRate(observed), observed })),
);

const stageName = fc.oneof(
  { weight: 3, arbitrary: fc.record({ name }) },
  fc.record({ names: fc.record({ es: name, en: name }, { requiredKeys: ['en'] }) }),
  fc.record({ name, names: fc.record({ es: name, en: name }) }),
);

const stageExtras = fc.record(
  { days: fc.double({ min: 0, max: 3650, noNaN: true }), benchmark: share },
  { requiredKeys: [] },
);

export const stageInput: fc.Arbitrary<StageInput> = fc
  .tuple(stageName, rate, stageExtras)
  .map(([n, r, extras]) => ({ ...n, ...r, ...extras }) as StageInput);

const money = fc.double({ min: 0, max: 1e6, noNaN: true });

const optionalFields = fc.record(
  {
    name,
    currency: fc.constantFrom('EUR', 'usd', ' gbp ', 'JPY'),
    costPerLead: money,
    spend: money,
    margin: share,
    repeatRate: fc.double({ min: 0, max: 0.99, noNaN: true }),
    retention: share,
    dealValueSd: money,
  },
  { requiredKeys: [] },
);

/** A valid scenario input with 1 to `maxStages` stages; leads up to 10¹², mostly far fewer. */
export function scenarioInput(maxStages = 8): fc.Arbitrary<ScenarioInput> {
  return fc
    .record({
      leads: fc.oneof(
        { weight: 4, arbitrary: fc.nat({ max: 100_000 }) },
        fc.double({ min: 0, max: 1e12, noNaN: true }).map(Math.floor),
      ),
      dealValue: money,
      stages: fc.array(stageInput, { minLength: 1, maxLength: maxStages }),
      extras: optionalFields,
    })
    .chain(({ extras, ...required }) =>
      fc
        .option(fc.integer({ min: 0, max: required.stages.length - 1 }), { nil: undefined })
        .map((wonStage) => ({
          ...required,
          ...extras,
          ...(wonStage === undefined ? {} : { wonStage }),
        })),
    );
}
