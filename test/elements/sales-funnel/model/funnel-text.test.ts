import { expect } from '@open-wc/testing';
import { fromPipeline } from '../../../../src/elements/sales-funnel/controllers/pipeline-source.js';
import {
  problem,
  readData,
  type DataProblem,
} from '../../../../src/elements/sales-funnel/model/funnel-input.js';
import {
  funnelModel,
  type FunnelSource,
} from '../../../../src/elements/sales-funnel/model/funnel-model.js';
import {
  captionParts,
  facts,
  labelLines,
  moneyFormat,
  type TextOptions,
} from '../../../../src/elements/sales-funnel/model/funnel-text.js';
import { fromScenario } from '../../../../src/elements/sales-funnel/model/scenario-source.js';
import { wordProblem } from '../../../../src/elements/sales-funnel/problem-texts.js';
import { FUNNEL_STRINGS } from '../../../../src/elements/sales-funnel/strings.js';
import { parseJsonAttribute } from '../../../../src/model/validate.js';
import { checkScenario } from '../../../../src/model/validate-scenario.js';
import { pipelineFunnel } from '../../../../src/analytics/pipeline-funnel.js';
import { SCENARIO, parsedScenario } from '../scenarios.js';
import type { Lang } from '../../../../src/model/types.js';

/** Spanish puts a no-break space before %. */
const NBSP = '\u00a0';
const OPTIONS = { currency: 'EUR', dealValue: 0, payoffPoints: 0.05 };
const words = (lang: Lang, compareLabel?: string): TextOptions => ({
  lang,
  strings: FUNNEL_STRINGS[lang],
  compareLabel,
});
const COUNTS: FunnelSource = { names: ['Leads', 'Qualified', 'Offer'], values: [1200, 600, 150] };
const DECIDED: FunnelSource = {
  names: ['Lead', 'Offer', 'Won'],
  values: [5, 2, 1],
  decided: [null, { won: 2, of: 3 }, { won: 1, of: 1 }],
  note: 'Live.',
};
/** Each band's label lines, each as its variants. */
const lines = (source: FunnelSource, lang: Lang, compare?: FunnelSource, label?: string) =>
  labelLines(funnelModel(source, compare, OPTIONS), words(lang, label)).map((band) =>
    band.map((l) => l.texts),
  );

describe('funnel texts', () => {
  it('labels counts: name, count · share, conversion from previous, narrower variants after', () => {
    const [first, , offer] = lines(COUNTS, 'en');
    expect(first).to.deep.equal([['Leads'], ['1.2K · 100%', '1.2K']]);
    // Offer is the biggest drop: marked in every variant.
    expect(offer).to.deep.equal([
      ['Offer'],
      ['150 · 13%', '150'],
      ['▼ 25% from previous', '▼ 25% conv.', '▼ 25%'],
    ]);
  });

  it('labels a pipeline’s conversions as those of decided deals, in en and es', () => {
    expect(lines(DECIDED, 'en')[2][2]).to.deep.equal([
      '100% of decided deals went on',
      '100% of decided went on',
      '100% of decided',
      '100%',
    ]);
    expect(lines(DECIDED, 'es')[1][2]).to.deep.equal([
      `▼ 67${NBSP}% de las oportunidades decididas avanzó`,
      `▼ 67${NBSP}% de las decididas avanzó`,
      `▼ 67${NBSP}% de decididas`,
      `▼ 67${NBSP}%`,
    ]);
  });

  it('says the change against the compared set with its label', () => {
    const compared = { ...COUNTS, values: [600, 600, 300] };
    expect(lines(COUNTS, 'en', compared, 'Q2')[0][2]).to.deep.equal(['▲ 100% vs. Q2', '▲ 100%']);
    expect(lines(COUNTS, 'es', compared)[2].at(-1)).to.deep.equal([
      `▼ 50${NBSP}% frente a la comparación`,
      `▼ 50${NBSP}%`,
    ]);
  });

  it('gives the tooltip, table and accessible name one set of columns', () => {
    const model = funnelModel(COUNTS, undefined, { ...OPTIONS, dealValue: 0.25 });
    expect(facts(model, model.rows[2], words('en'))).to.deep.equal([
      ['Count', '150'],
      ['Share of top', '13%'],
      ['From previous', '25%'],
      ['Value if won', '€37.50'],
    ]);
    const pipeline = funnelModel(DECIDED, undefined, OPTIONS);
    expect(facts(pipeline, pipeline.rows[1], words('en'))).to.deep.equal([
      ['Count', '2'],
      ['Share of top', '40%'],
      ['Decided deals that went on', '67% (2 of 3)'],
    ]);
    expect(facts(pipeline, pipeline.rows[0], words('es'))[2]).to.deep.equal([
      'Oportunidades decididas que avanzaron',
      '—',
    ]);
  });

  it('formats money with cents only when an amount needs them', () => {
    const whole = funnelModel(COUNTS, undefined, { ...OPTIONS, dealValue: 2 });
    expect(moneyFormat(whole, 'en').format(2400)).to.equal('€2,400');
    const cents = funnelModel(COUNTS, undefined, { ...OPTIONS, dealValue: 0.25 });
    expect(moneyFormat(cents, 'en').format(300)).to.equal('€300.00');
  });

  it('captions where the data comes from, the biggest drop and what pays off most', () => {
    expect(
      captionParts(funnelModel(DECIDED, undefined, OPTIONS), words('en'), 'Live.'),
    ).to.deep.equal([
      { text: 'Live.' },
      {
        text: 'Most deals are lost entering Offer: only 67% of the decided deals in Lead went on.',
        mark: 'drop',
      },
    ]);
    const parts = captionParts(
      funnelModel(fromScenario(parsedScenario(SCENARIO), 'en'), undefined, OPTIONS),
      words('en'),
    );
    expect(parts.map((p) => p.mark)).to.deep.equal(['drop', undefined, 'payoff']);
    expect(parts[1].text).to.equal('Expected won: 120 (€300K).');
    expect(parts[2].text).to.match(
      /^Improving \w+ by \+5 pp pays off most: \+[\d.]+ won \(€[\d.]+K\)\.$/,
    );
  });
});

/** `readData` with the scenario reader and projection at hand (as the element has them once loaded). */
const readNow = (input: unknown, field: string, lang: Lang, kind?: 'stages' | 'scenario') => {
  const read = readData(input, field, lang, {
    kind,
    scenarioReaders: () => [checkScenario, fromScenario],
  });
  if (!read) throw new Error('the scenario reader was at hand');
  return read;
};

/** The problem of input that `readData` must refuse. */
const problemOf = (input: unknown, field: string, lang: Lang, kind?: 'stages' | 'scenario') => {
  const read = readNow(input, field, lang, kind);
  if (read.ok) throw new Error(`expected a problem, got ${JSON.stringify(read.source)}`);
  return read.problem;
};

const paths = (p: DataProblem) => p.errors.map((e) => (typeof e === 'string' ? e : e.path));

describe('funnel input', () => {
  it('names the attribute in every message path', () => {
    const p = problemOf('{"leads": -1, "stages": []}', 'scenario', 'en', 'scenario');
    expect(p.field).to.equal('scenario');
    expect(paths(p)).to.include('scenario.leads');
    expect(paths(problemOf([{ name: 'A', value: -5 }], 'stages', 'en', 'stages'))).to.deep.equal([
      'stages[0].value',
    ]);
  });

  it('asks for the scenario reader and projection only for a scenario, and waits for both', () => {
    const asked = { reader: 0, projection: 0 };
    const readers = (reader?: typeof checkScenario) => () => {
      asked.reader += 1;
      asked.projection += 1;
      return [reader, undefined] as const;
    };
    const waiting = { scenarioReaders: readers() };
    const counts = readData([{ name: 'A', value: 5 }], 'stages', 'en', waiting);
    expect(counts?.ok).to.equal(true);
    expect(readData('[1', 'compare', 'en', waiting)?.ok).to.equal(false);
    expect(readData('{"a":', 'scenario', 'en', { ...waiting, kind: 'scenario' })?.ok).to.equal(
      false,
    );
    expect(asked).to.deep.equal({ reader: 0, projection: 0 });
    const scenario = { leads: 100, dealValue: 1, stages: [{ name: 'A', rate: 0.5 }] };
    expect(readData(scenario, 'compare', 'en', waiting)).to.equal(undefined);
    expect(readData(JSON.stringify(scenario), 'scenario', 'en', waiting)).to.equal(undefined);
    expect(asked).to.deep.equal({ reader: 2, projection: 2 });
    const readerOnly = { scenarioReaders: readers(checkScenario) };
    expect(readData(scenario, 'compare', 'en', readerOnly)).to.equal(undefined);
    expect(readNow(scenario, 'compare', 'en')).to.deep.include({ ok: true });
  });

  it('keys a problem by what is wrong, not by the words of its language', () => {
    const [en, es] = [
      wordProblem(problemOf('[1', 'stages', 'en', 'stages').errors, 'en'),
      wordProblem(problemOf('[1', 'stages', 'es', 'stages').errors, 'es'),
    ];
    expect(en.texts).not.to.deep.equal(es.texts);
    expect(en.key).to.equal(es.key);
    expect(wordProblem(problem('x', ['a']).problem.errors, 'en').key).not.to.equal(
      wordProblem(problem('x', ['b']).problem.errors, 'en').key,
    );
    // "35 %" and "36 %" are two problems (each says the share it means), not one.
    const rate = (text: string) => {
      const scenario = { leads: 1, dealValue: 1, stages: [{ name: 'A', rate: text }] };
      return wordProblem(problemOf(scenario, 'scenario', 'en', 'scenario').errors, 'en').key;
    };
    expect(rate('35 %')).not.to.equal(rate('36 %'));
  });

  it('words a problem as the parsers with messages do', () => {
    for (const lang of ['en', 'es'] as const) {
      const p = problemOf('{"leads": 1,}', 'scenario', lang, 'scenario');
      const parsed = parseJsonAttribute('{"leads": 1,}', 'scenario', { lang });
      if (parsed.ok) throw new Error('should fail');
      expect(wordProblem(p.errors, lang).texts).to.deep.equal(parsed.errors.map((e) => e.message));
    }
    const scenario = { leads: '1.000', dealValue: 1, stages: [{ nmae: 'A', rate: '35 %' }] };
    expect(
      wordProblem(problemOf(scenario, 'scenario', 'en', 'scenario').errors, 'en').texts,
    ).to.deep.equal([
      'scenario.leads must be a number written without quotes or thousands separators, not "1.000".',
      "scenario.stages[0].nmae is not a known field; did you mean 'name'?",
      'scenario.stages[0].name is missing; it is required.',
      'scenario.stages[0].rate must be a number between 0 and 1, not text: "35 %" is written 0.35.',
    ]);
  });

  it('reads a pipeline’s funnel as bands with their decided deals', () => {
    const pipeline = {
      id: 'p',
      name: 'P',
      currency: 'EUR',
      stages: [{ id: 'a', name: 'A' }],
      createdAt: 0,
      updatedAt: 0,
    };
    const source = fromPipeline(pipelineFunnel(pipeline, [], [], { now: 1 }), 'note');
    expect(source).to.deep.equal({
      names: ['A', 'Won'],
      values: [0, 0],
      decided: [null, { won: 0, of: 0 }],
      note: 'note',
    });
  });
});
