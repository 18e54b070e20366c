import { expect } from '@open-wc/testing';
import { getPreset } from '../../src/model/presets.js';
import { DEFAULT_PRESET, DEFAULT_STAGES } from '../../src/store/defaults.js';
import { message } from '../../src/store/messages.js';

describe('store defaults and messages', () => {
  it('names the fallback stages in Spanish as the default preset does', () => {
    const preset = getPreset(DEFAULT_PRESET)!;
    const presetNames = new Set(preset.scenario.stages.map((s) => s.names?.es));
    expect(DEFAULT_STAGES.map((s) => s.names?.es)).to.include('Cualificación');
    // Every fallback stage that the preset also has is spelled the same way.
    const shared = DEFAULT_STAGES.filter((s) => presetNames.has(s.names?.es));
    expect(shared.map((s) => s.id)).to.include.members(['prospecting', 'qualification']);
  });

  it('calls a pipeline "flujo de ventas" in Spanish, with «…» quotes', () => {
    expect(message('es', 'unknown-stage', { value: 'Limbo' })).to.equal(
      'No hay ninguna etapa llamada «Limbo» en este flujo de ventas',
    );
    expect(message('en', 'unknown-stage', { value: 'Limbo' })).to.equal(
      'No stage called “Limbo” in this pipeline',
    );
    expect(message('es', 'no-stages')).to.equal('El flujo de ventas necesita al menos una etapa');
  });
});
