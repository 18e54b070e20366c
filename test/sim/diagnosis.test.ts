import { expect } from '@open-wc/testing';
import { diagnose } from '../../src/sim/index.js';
import { scenario, stages } from './helpers.js';

const benchmark = scenario({ stages: stages(0.5, 0.2), repeatRate: 0.5 });

describe('diagnose', () => {
  it('few leads but good closing: lead generation', () => {
    const d = diagnose({ ...benchmark, leads: 600 }, benchmark, 'en');
    expect(d.bottleneck).to.equal('leads');
    expect(d.ratios).to.deep.equal({ leads: 0.6, conversion: 1, repeat: 1 });
    expect(d.message).to.equal(
      'Lead generation is the bottleneck: 40% fewer leads than the benchmark, while conversion is on par.',
    );
    expect(diagnose({ ...benchmark, leads: 600 }, benchmark, 'es').message).to.equal(
      // Intl puts a no-break space before % in Spanish.
      'La generación de leads es el cuello de botella: un 40\u00a0% menos de leads que en la referencia, mientras que la conversión está a la par.',
    );
  });

  it('many leads, few closed: conversion', () => {
    const d = diagnose({ ...benchmark, leads: 1500, stages: stages(0.5, 0.1) }, benchmark, 'en');
    expect(d.bottleneck).to.equal('conversion');
    expect(d.ratios.conversion).to.be.closeTo(0.5, 1e-12);
    expect(d.message).to.equal(
      'Conversion is the bottleneck: the share of leads that become customers is 50% lower than in the benchmark, while lead volume is 50% above it.',
    );
    const es = diagnose({ ...benchmark, leads: 1500, stages: stages(0.5, 0.1) }, benchmark, 'es');
    expect(es.message).to.equal(
      'La conversión es el cuello de botella: la proporción de leads que se hacen clientes es un 50\u00a0% menor que en la referencia, mientras que el volumen de leads está un 50\u00a0% por encima.',
    );
  });

  it('customers who do not come back: repeat purchase', () => {
    // Expected purchases 1/(1 − 0.2) = 1.25 against 1/(1 − 0.5) = 2: ratio 0.625.
    const d = diagnose(
      { ...benchmark, repeatRate: 0.2, stages: stages(0.5, 0.18) },
      benchmark,
      'en',
    );
    expect(d.bottleneck).to.equal('repeat');
    expect(d.ratios.repeat).to.equal(0.625);
    expect(d.message).to.equal(
      'Repeat purchase is the bottleneck: 38% fewer purchases per customer than the benchmark, while conversion is also 10% below it.',
    );
  });

  it('says so when nothing is below the benchmark', () => {
    const d = diagnose({ ...benchmark, leads: 1200 }, benchmark, 'es');
    expect(d.onPar).to.equal(true);
    expect(d.message).to.match(/^No hay cuello de botella/);
  });
});
