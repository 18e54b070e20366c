import { expect } from '@open-wc/testing';
import { getPreset, localizeScenario, PRESET_IDS, PRESETS } from '../../src/model/presets.js';
import { parseScenario } from '../../src/model/validate.js';
import { project } from '../../src/sim/index.js';

describe('presets', () => {
  it('has the five ids, in order', () => {
    expect(PRESET_IDS).to.deep.equal([
      'pipeline-7',
      'cycle-8',
      'three-processes',
      'saas-b2b',
      'ecommerce',
    ]);
    expect(PRESETS.map((p) => p.id)).to.deep.equal([...PRESET_IDS]);
  });

  for (const preset of PRESETS) {
    describe(preset.id, () => {
      it('is a valid scenario that parses to itself', () => {
        const parsed = parseScenario(preset.scenario);
        expect(parsed.ok, JSON.stringify(parsed)).to.equal(true);
        if (parsed.ok) expect(parsed.value).to.deep.equal(preset.scenario);
      });

      it('names every stage in Spanish and English, and gives each a process', () => {
        const { stages } = preset.scenario;
        expect(preset.processes).to.have.length(stages.length);
        for (const stage of stages) {
          expect(stage.names?.es, stage.name).to.be.a('string').and.not.equal('');
          expect(stage.names?.en, stage.name).to.equal(stage.name);
        }
        expect(preset.processes.every((p) => ['leads', 'conversion', 'repeat'].includes(p))).to.be
          .true;
      });

      it('has a title and a source line in both languages', () => {
        for (const lang of ['es', 'en'] as const) {
          expect(preset.title[lang]).to.be.a('string').and.not.equal('');
          expect(preset.source[lang]).to.be.a('string').and.not.equal('');
          expect(preset.source[lang]).not.to.include('\n');
        }
        expect(preset.title.es).not.to.equal(preset.title.en);
      });
    });
  }

  it('pins the sale in each stage model', () => {
    const won = (id: string) => {
      const s = getPreset(id)!.scenario;
      return s.stages[s.wonStage].name;
    };
    expect(won('pipeline-7')).to.equal('Close');
    expect(won('cycle-8')).to.equal('Offer and win');
    expect(won('three-processes')).to.equal('Conversion');
    expect(won('saas-b2b')).to.equal('Opportunity');
    expect(won('ecommerce')).to.equal('Purchase');
    expect(getPreset('pipeline-7')!.scenario.stages).to.have.length(7);
    expect(getPreset('cycle-8')!.scenario.stages).to.have.length(8);
    expect(getPreset('saas-b2b')!.scenario.currency).to.equal('USD');
  });

  it('projects the numbers its source line promises', () => {
    // pipeline-7: 1000 × 0.6 × 0.5 × 0.3 × 0.6 × 0.6 × 0.8 = 25.92 won, about 3 % of leads.
    expect(project(getPreset('pipeline-7')!.scenario).won).to.be.closeTo(25.92, 1e-9);
    // three-processes: 3 % of the 1000 identified candidates become customers.
    expect(project(getPreset('three-processes')!.scenario).won).to.be.closeTo(30, 1e-9);
    // ecommerce: 20000 × 0.08 × 0.45 × 0.65 × 0.9 = 421.2, about 2 % of visits.
    const shop = project(getPreset('ecommerce')!.scenario);
    expect(shop.won).to.be.closeTo(421.2, 1e-9);
    expect(shop.overallConversion).to.be.closeTo(0.02106, 1e-12);
  });

  it('hands out copies: changing one leaves the built-in alone', () => {
    const a = getPreset('saas-b2b')!;
    a.scenario.stages[0].rate = 0.9;
    a.title.en = 'Mine';
    expect(getPreset('saas-b2b')!.scenario.stages[0].rate).to.equal(0.3);
    expect(PRESETS[3].title.en).to.equal('B2B SaaS funnel');
    expect(Object.isFrozen(PRESETS[0].scenario.stages[0])).to.be.true;
  });

  it('returns undefined for an unknown id', () => {
    expect(getPreset('nope')).to.equal(undefined);
    expect(getPreset('__proto__')).to.equal(undefined);
  });

  it('localizes stage names into a copy', () => {
    const s = getPreset('pipeline-7')!.scenario;
    const es = localizeScenario(s, 'es');
    expect(es.stages.map((x) => x.name)).to.deep.equal([
      'Prospección',
      'Primer contacto',
      'Cualificación',
      'Presentación de la oferta',
      'Negociación',
      'Cierre',
      'Seguimiento posventa',
    ]);
    expect(s.stages[0].name).to.equal('Prospecting');
    expect(es.stages[0]).not.to.equal(s.stages[0]);
    expect(localizeScenario(es, 'en').stages[0].name).to.equal('Prospecting');
    // A stage without names keeps its name.
    const plain = localizeScenario({ ...s, stages: [{ name: 'Solo', rate: 0.5 }] }, 'es');
    expect(plain.stages[0].name).to.equal('Solo');
  });
});
