import { expect } from '@open-wc/testing';
import {
  fromPipeline,
  fromScenario,
  problem,
  readData,
} from '../../../src/elements/sales-funnel/funnel-input.js';
import { funnelModel, type FunnelSource } from '../../../src/elements/sales-funnel/funnel-model.js';
import {
  captionParts,
  facts,
  labelLines,
  moneyFormat,
  type TextOptions,
} from '../../../src/elements/sales-funnel/funnel-text.js';
import { wordProblem } from '../../../src/elements/sales-funnel/problem-texts.js';
import { FUNNEL_STRINGS } from '../../../src/elements/sales-funnel/strings.js';
import { parseJsonAttribute } from '../../../src/model/validate.js';
import { pipelineFunnel } from '../../../src/analytics/pipeline-funnel.js';
import { SCENARIO, parsedScenario } from './scenarios.js';
import type { Lang } from '../../../src/model/types.js';

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
    const money = moneyFormat(model, 'en');
    expect(facts(model, model.rows[2], words('en'), money)).to.deep.equal([
      ['Count', '150'],
      ['Share of top', '13%'],
      ['From previous', '25%'],
      ['Value if won', '€37.50'],
    ]);
    const pipeline = funnelModel(DECIDED, undefined, OPTIONS);
    expect(facts(pipeline, pipeline.rows[1], words('en'), money)).to.deep.equal([
      ['Count', '2'],
      ['Share of top', '40%'],
      ['Decided deals that went on', '67% (2 of 3)'],
    ]);
    expect(facts(pipeline, pipeline.rows[0], words('es'), money)[2]).to.deep.equal([
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

describe('funnel input', () => {
  it('names the attribute in every message path', () => {
    const read = readData(
      '{"leads": -1, "stages": []}',
      'scenario',
      'en',
      FUNNEL_STRINGS.en,
      'scenario',
    );
    expect(read.ok).to.equal(false);
    if (read.ok) return;
    expect(read.problem.field).to.equal('scenario');
    expect(read.problem.errors.map((e) => (typeof e === 'string' ? e : e.path))).to.include(
      'scenario.leads',
    );
    const list = readData([{ name: 'A', value: -5 }], 'stages', 'en', FUNNEL_STRINGS.en, 'stages');
    if (list.ok) throw new Error('should fail');
    expect(list.problem.errors.map((e) => (typeof e === 'string' ? e : e.path))).to.deep.equal([
      'stages[0].value',
    ]);
  });

  it('keys a problem by what is wrong, not by the words of its language', () => {
    const en = readData('[1', 'stages', 'en', FUNNEL_STRINGS.en, 'stages');
    const es = readData('[1', 'stages', 'es', FUNNEL_STRINGS.es, 'stages');
    if (en.ok || es.ok) throw new Error('should fail');
    const [enWords, esWords] = [
      wordProblem(en.problem.errors, 'en'),
      wordProblem(es.problem.errors, 'es'),
    ];
    expect(enWords.texts).not.to.deep.equal(esWords.texts);
    expect(enWords.key).to.equal(esWords.key);
    expect(wordProblem(problem('x', ['a']).problem.errors, 'en').key).not.to.equal(
      wordProblem(problem('x', ['b']).problem.errors, 'en').key,
    );
    // "35 %" and "36 %" are two problems (each says the share it means), not one.
    const rate = (text: string) =>
      readData(
        { leads: 1, dealValue: 1, stages: [{ name: 'A', rate: text }] },
        'scenario',
        'en',
        FUNNEL_STRINGS.en,
        'scenario',
      );
    const [a, b] = [rate('35 %'), rate('36 %')];
    if (a.ok || b.ok) throw new Error('should fail');
    expect(wordProblem(a.problem.errors, 'en').key).not.to.equal(
      wordProblem(b.problem.errors, 'en').key,
    );
  });

  it('words a problem as the parsers with messages do', () => {
    for (const lang of ['en', 'es'] as const) {
      const read = readData('{"leads": 1,}', 'scenario', lang, FUNNEL_STRINGS[lang], 'scenario');
      const parsed = parseJsonAttribute('{"leads": 1,}', 'scenario', { lang });
      if (read.ok || parsed.ok) throw new Error('should fail');
      expect(wordProblem(read.problem.errors, lang).texts).to.deep.equal(
        parsed.errors.map((e) => e.message),
      );
    }
    const read = readData(
      { leads: '1.000', dealValue: 1, stages: [{ nmae: 'A', rate: '35 %' }] },
      'scenario',
      'en',
      FUNNEL_STRINGS.en,
      'scenario',
    );
    if (read.ok) throw new Error('should fail');
    expect(wordProblem(read.problem.errors, 'en').texts).to.deep.equal([
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
