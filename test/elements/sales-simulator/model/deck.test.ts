import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  deckInput,
  parseDeck,
  parseDeckText,
  stepChangeText,
} from '../../../../src/elements/sales-simulator/model/deck.js';
import { SIMULATOR_STRINGS } from '../../../../src/elements/sales-simulator/strings.js';
import { getPreset } from '../../../../src/model/presets.js';
import { scenarioArb } from '../arbitraries.js';

const start = getPreset('pipeline-7')!.scenario;
const deck = {
  title: 'Where the funnel leaks',
  steps: [
    { title: 'Today', scenario: start, note: 'Ask the class first.' },
    { title: 'Better qualification', change: { stage: 'Qualification', points: 5 } },
    { title: 'More leads', change: { leads: 2000 } },
    { title: 'Closing at 70 %', change: { stage: 6, rate: 0.7 } },
  ],
};

describe('deck reader', () => {
  it('reads steps as scenarios, each change applied to the step before', () => {
    const read = parseDeck(deck, 'en');
    expect(read.ok, JSON.stringify(!read.ok && read.errors)).to.equal(true);
    if (!read.ok) return;
    const [today, better, more, closing] = read.value.steps;
    expect(today.note).to.equal('Ask the class first.');
    expect(better.scenario.stages[2].rate).to.equal(0.35);
    expect(more.scenario.leads).to.equal(2000);
    expect(more.scenario.stages[2].rate).to.equal(0.35);
    expect(closing.scenario.stages[5].rate).to.equal(0.7);
    expect(stepChangeText(read.value, 0, 'en', SIMULATOR_STRINGS.en)).to.equal('Starting point');
    expect(stepChangeText(read.value, 1, 'en', SIMULATOR_STRINGS.en)).to.equal(
      '+5 pp at Qualification → +4.3 won, +€13K',
    );
    const es = stepChangeText(read.value, 1, 'es', SIMULATOR_STRINGS.es);
    expect(es.replace(/\u00a0/g, ' ')).to.equal(
      '+5 p. p. en Cualificación → +4,3 ganadas, +13 mil €',
    );
  });

  it('starts a deck of changes from the simulator’s scenario', () => {
    const read = parseDeck(
      { title: 'T', steps: [{ title: 'A', change: { leads: 10 } }] },
      'en',
      start,
    );
    expect(read.ok && read.value.steps[0].scenario.leads).to.equal(10);
  });

  it('names the field of every problem, in es and en', () => {
    const bad = {
      title: '',
      steps: [
        { title: 'A', scenario: { ...start, leads: -1 } },
        { title: 'B', change: { stage: 'Nowhere', points: 5 } },
        { title: 'C', scenario: start, change: { leads: 1 } },
        { change: { points: 5 } },
      ],
    };
    const en = parseDeck(bad, 'en', start);
    expect(en.ok).to.equal(false);
    if (en.ok) return;
    const paths = en.errors.map((e) => e.path);
    expect(paths).to.include.members([
      'deck.title',
      'deck.steps[0].scenario.leads',
      'deck.steps[2]',
      'deck.steps[3].title',
    ]);
    for (const e of en.errors) expect(e.message).to.contain(e.path);
    const es = parseDeck(bad, 'es', start);
    expect(!es.ok && es.errors.find((e) => e.path === 'deck.steps[2]')!.message).to.equal(
      'deck.steps[2] necesita un "scenario" o un "change" (no ambos).',
    );
    // A change after a step that could not be read is not reported again.
    const stage = parseDeck(
      {
        title: 'T',
        steps: [
          { title: 'A', scenario: start },
          { title: 'B', change: { stage: 'Nowhere', points: 5 } },
        ],
      },
      'en',
    );
    expect(!stage.ok && stage.errors.map((e) => e.message)).to.deep.equal([
      'deck.steps[1].change.stage: the scenario before this step has no stage “Nowhere”.',
    ]);
  });

  it('refuses what is not a deck, and bad JSON, with a message', () => {
    for (const value of [null, [], 'x', { title: 'T' }, { title: 'T', steps: [] }]) {
      const read = parseDeck(value, 'en');
      expect(read.ok, JSON.stringify(value)).to.equal(false);
      expect(!read.ok && read.errors[0].message).to.match(/deck/);
    }
    const json = parseDeckText('{"title": ', 'es');
    expect(!json.ok && json.errors[0].message).to.contain('deck');
  });

  it('reads its own input back to the same deck (property)', () => {
    fc.assert(
      fc.property(
        fc.array(scenarioArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: -20, max: 20 }),
        (scenarios, points) => {
          const input = {
            title: 'D',
            steps: [
              ...scenarios.map((scenario, i) => ({ title: `S${i}`, scenario })),
              { title: 'P', change: { stage: 1, points } },
            ],
          };
          const read = parseDeck(input, 'en');
          expect(read.ok, JSON.stringify(!read.ok && read.errors)).to.equal(true);
          if (!read.ok) return;
          const again = parseDeck(JSON.parse(JSON.stringify(deckInput(read.value))), 'en');
          expect(again.ok && again.value).to.deep.equal(read.value);
        },
      ),
      { numRuns: 100 },
    );
  });
});
