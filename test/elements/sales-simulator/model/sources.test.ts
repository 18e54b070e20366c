import { expect } from '@open-wc/testing';
import {
  readSource,
  sourceMessage,
} from '../../../../src/elements/sales-simulator/model/sources.js';
import { SIMULATOR_STRINGS } from '../../../../src/elements/sales-simulator/strings.js';
import { getPreset } from '../../../../src/model/presets.js';
import { SCENARIO } from '../fixtures.js';

const { en, es } = SIMULATOR_STRINGS;

describe('scenario sources', () => {
  it('takes `scenario` (object or JSON text) over `preset`, and `preset` over the default', () => {
    expect(readSource(SCENARIO, 'saas-b2b', 'en')).to.deep.equal({ ok: true, scenario: SCENARIO });
    expect(readSource(JSON.stringify(SCENARIO), undefined, 'en')).to.deep.equal({
      ok: true,
      scenario: SCENARIO,
    });
    expect(readSource('', 'saas-b2b', 'en')).to.deep.equal({
      ok: true,
      scenario: getPreset('saas-b2b')!.scenario,
      presetId: 'saas-b2b',
    });
    expect(readSource(undefined, undefined, 'en')).to.deep.include({ presetId: 'pipeline-7' });
  });

  it('names the field that could not be used, and words it again in each language', () => {
    const bad = readSource('{"leads": -5, "dealValue": 10, "stages": []}', undefined, 'en');
    expect(bad.ok).to.equal(false);
    if (bad.ok) return;
    expect(bad.error.field).to.equal('scenario');
    expect(bad.error.byPerson).to.equal(false);
    expect(sourceMessage(bad.error, 'en', en)).to.match(/^The scenario could not be used: .*leads/);
    expect(sourceMessage(bad.error, 'es', es)).to.match(/^No se pudo usar el escenario: /);

    const json = readSource('{"leads":', undefined, 'es');
    expect(!json.ok && json.error.field).to.equal('scenario');

    const preset = readSource(undefined, 'nope', 'en');
    expect(!preset.ok && preset.error.field).to.equal('preset');
    expect(!preset.ok && sourceMessage(preset.error, 'en', en)).to.contain('preset "nope"');
  });

  it('words a file problem with its name and sizes, in the language asked for', () => {
    const error = {
      field: 'import' as const,
      file: 'huge.json',
      byPerson: true,
      errors: [
        {
          path: 'file',
          code: 'file-too-large',
          params: { size: 2e9, max: 1e6 },
          message: 'file-too-large',
        },
      ],
    };
    expect(sourceMessage(error, 'en', en)).to.equal(
      '“huge.json” is 2 GB; scenario files of up to 1 MB are accepted.',
    );
    expect(sourceMessage(error, 'es', es)).to.equal(
      '«huge.json» ocupa 2 GB; se aceptan archivos de escenario de hasta 1 MB.',
    );
  });
});
