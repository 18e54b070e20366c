import { expect } from '@open-wc/testing';
import { ScenarioError } from '../../src/model/scenario-error.js';
import type { ScenarioInput } from '../../src/model/types.js';
import { parseScenario } from '../../src/model/validate.js';
import { binomialSf } from '../../src/sim/exact.js';
import {
  chanceToReach,
  diagnose,
  leadsNeeded,
  project,
  rateNeeded,
  scenarioVelocity,
  sensitivity,
  simulate,
  simulateChunked,
  timeline,
  wonDistribution,
} from '../../src/sim/index.js';
import { CHECKED_CALLS } from './helpers.js';

/** The README's documented shape: no `wonStage`, no `currency`. Conversion 0.5 × 0.2 = 0.1. */
const raw: ScenarioInput = {
  leads: 1000,
  dealValue: 100,
  stages: [
    { name: 'a', rate: 0.5, days: 10 },
    { name: 'b', rate: 0.2, days: 20 },
  ],
};

/** Negative leads and a rate above 1: the engine used to answer won −8.5. */
const invalid: ScenarioInput = {
  leads: -5,
  dealValue: 100,
  wonStage: 0,
  stages: [{ name: 'a', rate: 1.7 }],
};

const args = { other: raw, won: 40, stage: 0 };
const calls = CHECKED_CALLS.map(([name, call]): [string, (s: ScenarioInput) => unknown] => [
  name,
  (s) => call(s, args),
]);

/** What `fn` threw, or a failure when it returned. */
function thrown(fn: () => unknown): unknown {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    return e;
  }
  throw new Error(`expected a throw, got ${JSON.stringify(result)}`);
}

/** Asserts `error` is the ScenarioError `parseScenario` predicts for `input`. */
function expectRefused(error: unknown, input: unknown, field = 'scenario', lang?: 'es') {
  expect(error).to.be.instanceOf(ScenarioError);
  const e = error as ScenarioError;
  const parsed = parseScenario(input, lang ? { lang } : {});
  expect(parsed.ok).to.equal(false);
  expect(e.errors).to.deep.equal(parsed.ok ? [] : parsed.errors);
  expect(e.name).to.equal('ScenarioError');
  expect(e.field).to.equal(field);
}

describe('the checked engine (sales-funnel/sim)', () => {
  describe('takes the documented raw shape, defaults filled in', () => {
    it('project: won at the last stage, not 0; conversion 0.1, not 1', () => {
      const p = project(raw);
      expect(p.won).to.be.closeTo(100, 1e-9);
      expect(p.overallConversion).to.be.closeTo(0.1, 1e-15);
      expect(p.revenue).to.be.closeTo(10000, 1e-7);
      expect(p.currency).to.equal('EUR');
    });

    it('leadsNeeded: 400 leads on average for 40 won, not 40', () => {
      const r = leadsNeeded(raw, { won: 40 });
      expect(r).to.include({ reachable: true, expected: 400, wonNeeded: 40 });
      expect(r.conversion).to.be.closeTo(0.1, 1e-15);
      // The same exact search as on the normalized scenario (targets.test.ts: 479).
      expect(r.atConfidence).to.equal(479);
    });

    it('simulate: a mean near 100 won, not 0', () => {
      const r = simulate(raw, { trials: 10000, seed: 1 });
      // Won ~ Binomial(1000, 0.1): sd √90; 5 standard errors of the mean of 10,000 trials.
      expect(r.won.mean).to.be.closeTo(100, 5 * Math.sqrt(90 / 10000));
    });

    it('the exact distribution, targets, timeline, velocity and diagnosis use conversion 0.1', () => {
      expect(wonDistribution(raw)).to.include({ leads: 1000, mean: 100 });
      expect(chanceToReach(raw, { won: 1001 })).to.equal(0);
      expect(chanceToReach(raw, { won: 100 })).to.equal(binomialSf(100, 1000, 0.5 * 0.2));
      expect(rateNeeded(raw, 1, { won: 40 })).to.be.closeTo(0.08, 1e-15);
      expect(sensitivity(raw).base.won).to.be.closeTo(100, 1e-9);
      expect(timeline(raw).conversion).to.be.closeTo(0.1, 1e-15);
      expect(timeline(raw).cycleDays).to.equal(30);
      expect(scenarioVelocity(raw)?.winRate).to.be.closeTo(0.1, 1e-15);
      expect(diagnose(raw, { ...raw, wonStage: 1 }, 'en').onPar).to.equal(true);
    });

    it('rates given as counts become their posterior mean, as parseScenario says', () => {
      // 12 won of 40: (12 + 1) / (40 + 2) = 13/42.
      const counts: ScenarioInput = {
        ...raw,
        stages: [{ name: 'a', rate: { won: 12, of: 40 } }, raw.stages[1]],
      };
      expect(project(counts).won).to.be.closeTo(1000 * (13 / 42) * 0.2, 1e-9);
      expect(project(counts).stages[0].rate).to.be.closeTo(13 / 42, 1e-15);
    });

    it('gives a normalized scenario the same figures as the input it came from', () => {
      const parsed = parseScenario(raw);
      if (!parsed.ok) throw new Error('raw scenario refused');
      for (const [name, call] of calls) {
        expect(call(parsed.value), name).to.deep.equal(call(raw));
      }
    });
  });

  describe('refuses an invalid scenario with parseScenario’s errors', () => {
    for (const [name, call] of calls) {
      it(`${name} throws a ScenarioError instead of a figure`, () => {
        expectRefused(
          thrown(() => call(invalid)),
          invalid,
        );
      });
    }

    it('simulateChunked rejects', async () => {
      let error: unknown;
      await simulateChunked(invalid, {}, { yield: () => Promise.resolve() }).then(
        (r) => expect.fail(`resolved with ${JSON.stringify(r.won)}`),
        (e: unknown) => (error = e),
      );
      expectRefused(error, invalid);
    });

    it('names every problem, in English, in errors and in the message', () => {
      const e = thrown(() => project(invalid)) as ScenarioError;
      expect(e.errors.map((x) => `${x.path} ${x.code}`)).to.deep.equal([
        'leads negative',
        'stages[0].rate rate-range',
      ]);
      expect(e.message).to.equal(
        'Invalid scenario: leads cannot be negative (-5). stages[0].rate must be between 0 and 1 ' +
          '(a share: 0.35 means 35 %), not 1.7.',
      );
    });

    it('refuses what is no scenario at all: null, text, a stage without a rate', () => {
      // @ts-expect-error: the type asks for a rate (or observed counts) too
      const noRate: ScenarioInput = { ...raw, stages: [{ name: 'a' }] };
      for (const input of [null, 'leads=1000', noRate]) {
        expectRefused(
          thrown(() => project(input as ScenarioInput)),
          input,
        );
      }
    });

    it('checks a benchmark scenario too: sensitivity’s option and diagnose’s second', () => {
      expectRefused(
        thrown(() => sensitivity(raw, { benchmark: invalid })),
        invalid,
        'benchmark',
      );
      expectRefused(
        thrown(() => diagnose(raw, invalid, 'en')),
        invalid,
        'benchmark',
      );
      // diagnose speaks the language it is asked for, errors included.
      const es = thrown(() => diagnose(invalid, raw, 'es')) as ScenarioError;
      expectRefused(es, invalid, 'scenario', 'es');
      expect(es.errors[0].message).to.equal('leads no puede ser negativo (-5).');
    });
  });

  describe('refuses targets and benchmark rates that would make every figure NaN', () => {
    it('a target that is not a finite number is a RangeError naming it', () => {
      expect(() => leadsNeeded(raw, { won: NaN })).to.throw(RangeError, 'target.won');
      expect(() => chanceToReach(raw, { revenue: Infinity })).to.throw(RangeError, 'revenue');
      expect(() => rateNeeded(raw, 0, { won: NaN })).to.throw(RangeError, 'rateNeeded');
      expect(() => timeline(raw, { goal: { won: NaN } })).to.throw(RangeError, 'goal.won');
    });

    it('a benchmark rate outside 0 to 1 is a RangeError naming its stage', () => {
      expect(() => sensitivity(raw, { benchmark: [0.6, NaN] })).to.throw(
        RangeError,
        'benchmark[1]',
      );
      expect(() => sensitivity(raw, { benchmark: [1.5] })).to.throw(RangeError, 'benchmark[0]');
      // Gaps are allowed: those stages keep their own benchmark.
      expect(sensitivity(raw, { benchmark: [null, 0.3] }).levers[0]).to.include({ to: 0.3 });
    });
  });
});
