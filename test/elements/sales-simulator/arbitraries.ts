import fc from 'fast-check';
import type { Scenario } from '../../../src/model/types.js';
import { parseScenario } from '../../../src/model/validate.js';

/** A double in [min, max] without −0 (JSON has no −0, so it would not round-trip as itself). */
const share = (max = 1) => fc.double({ min: 0, max, noNaN: true }).map((x) => x + 0);
const amount = (max: number) => fc.double({ min: 0, max, noNaN: true }).map((x) => x + 0);

/** Names as people write them: any script, emoji, markup-looking text. */
const name = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .filter((s) => s.trim().length > 0);

const stage = fc.record(
  {
    name,
    rate: fc.oneof(
      share(),
      fc
        .tuple(fc.nat(500), fc.nat(500))
        .map(([a, b]) => ({ won: Math.min(a, b), of: Math.max(a, b) })),
    ),
    names: fc.record({ en: name, es: name }, { requiredKeys: [] }),
    days: amount(3650),
    benchmark: share(),
  },
  { requiredKeys: ['name', 'rate'] },
);

/**
 * Valid scenarios, normalized by `parseScenario`: 1–8 stages, rates as shares or observed
 * counts, the sale at any stage, and the optional money and repeat-purchase fields.
 */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record(
    {
      name,
      leads: fc.integer({ min: 0, max: 1_000_000_000 }),
      dealValue: amount(1e9),
      currency: fc.constantFrom('EUR', 'USD', 'JPY', 'MXN'),
      stages: fc.array(stage, { minLength: 1, maxLength: 8 }),
      wonStage: fc.nat(7),
      costPerLead: amount(1e4),
      spend: amount(1e9),
      margin: share(),
      repeatRate: fc.double({ min: 0, max: 0.99, noNaN: true }).map((x) => x + 0),
      retention: share(),
    },
    { requiredKeys: ['leads', 'dealValue', 'stages'] },
  )
  .map((raw) => ({
    ...raw,
    ...(raw.wonStage !== undefined ? { wonStage: raw.wonStage % raw.stages.length } : {}),
  }))
  .map((raw) => parseScenario(raw))
  .filter((r) => r.ok)
  .map((r) => (r as { ok: true; value: Scenario }).value);
