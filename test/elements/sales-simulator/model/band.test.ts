import { expect } from '@open-wc/testing';
import { bandView, pause, runBand } from '../../../../src/elements/sales-simulator/model/band.js';
import { SIMULATOR_STRINGS } from '../../../../src/elements/sales-simulator/strings.js';
import { SCENARIO } from '../fixtures.js';
import { project, simulate } from '../../../../src/sim/index.js';

const en = SIMULATOR_STRINGS.en;

describe('Monte Carlo band', () => {
  it('gives the seeded engine’s numbers, run in chunks', async () => {
    const band = await runBand(SCENARIO, 3000, new AbortController().signal, {
      debounce: 0,
      chunk: 700,
    });
    const run = simulate(SCENARIO, { trials: 3000, seed: 1, bins: 1 });
    expect(band.won).to.deep.equal(run.won);
    expect(band.revenue).to.deep.equal(run.revenue);
    expect(band.trials).to.equal(3000);
    expect(band.scenario).to.equal(SCENARIO);
  });

  it('stops as soon as it is aborted, during the pause or between chunks', async () => {
    const during = new AbortController();
    const waiting = runBand(SCENARIO, 1000, during.signal, { debounce: 10_000 });
    during.abort(new Error('newer input'));
    let error: unknown;
    await waiting.catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('newer input');

    const between = new AbortController();
    // 10,000 chunks of 10 trials: it is still running after the first pauses.
    const running = runBand(SCENARIO, 100_000, between.signal, { debounce: 0, chunk: 10 });
    await pause(5, new AbortController().signal);
    between.abort();
    let stopped = false;
    await running.catch(() => (stopped = true));
    expect(stopped).to.equal(true);

    const gone = new AbortController();
    gone.abort();
    let refused = false;
    await pause(0, gone.signal).catch(() => (refused = true));
    expect(refused).to.equal(true);
  });

  it('words the band, marks the expected value, and says when it is out of date', async () => {
    const band = await runBand(SCENARIO, 1000, new AbortController().signal, { debounce: 0 });
    const projection = project(SCENARIO);
    const view = bandView(
      band,
      { scenario: SCENARIO, projection, stale: false, trials: 1000 },
      'en',
      en,
    );
    expect(view.won).to.equal(
      `Won deals: between ${Math.round(band.won.p10)} and ${Math.round(band.won.p90)} in 8 periods out of 10`,
    );
    expect(view.note).to.equal(
      'p10–p90 of 1,000 simulated periods; the line marks the expected value.',
    );
    expect(view.computing).to.equal(undefined);
    const top = Math.max(band.won.p90, projection.won) * 1.15;
    expect(view.wonBar!.mark).to.be.closeTo((100 * projection.won) / top, 1e-9);

    // Another scenario in effect: the old band stays, marked at its own mean, and a new one computes.
    const other = { ...SCENARIO, leads: 2000 };
    const stale = bandView(
      band,
      { scenario: other, projection: project(other), stale: true, trials: 5000 },
      'en',
      en,
    );
    expect(stale.stale).to.equal(true);
    expect(stale.computing).to.equal('Simulating 5,000 periods…');
    const topStale = Math.max(band.won.p90, band.won.mean) * 1.15;
    expect(stale.wonBar!.mark).to.be.closeTo((100 * band.won.mean) / topStale, 1e-9);

    const failed = bandView(
      undefined,
      { scenario: SCENARIO, projection, stale: false, trials: 1000, error: new Error('boom') },
      'es',
      SIMULATOR_STRINGS.es,
    );
    expect(failed).to.deep.equal({
      stale: false,
      error: 'No se pudo ejecutar la simulación: boom',
    });
  });
});
