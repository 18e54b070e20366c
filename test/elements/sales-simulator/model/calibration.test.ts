import { expect } from '@open-wc/testing';
import {
  calibrationText,
  readCalibration,
} from '../../../../src/elements/sales-simulator/model/calibration.js';
import { SIMULATOR_STRINGS } from '../../../../src/elements/sales-simulator/strings.js';
import { sampleHistory } from '../../../../src/analytics/sample.js';
import { createMemoryRepository } from '../../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../../src/store/repository.js';

const { en, es } = SIMULATOR_STRINGS;
const options = { lang: 'en' as const, dealValue: 2500, now: Date.UTC(2026, 5, 30) };

describe('calibration from a pipeline', () => {
  it('reads the observed counts of a pipeline with decided deals', async () => {
    const repo = createMemoryRepository();
    const sample = sampleHistory({ seed: 7, now: options.now, deals: 80 });
    await repo.importPipeline({
      format: 'sales-funnel/pipeline',
      formatVersion: 1,
      exportedAt: options.now,
      ...sample,
    });
    const read = await readCalibration(repo, sample.pipeline.id, options);
    expect(read.calibration).to.deep.include({
      state: 'ok',
      id: sample.pipeline.id,
      name: sample.pipeline.name,
      deals: 80,
    });
    expect(read.scenario!.stages.some((s) => (s.observed?.of ?? 0) > 0)).to.equal(true);
    for (const s of read.scenario!.stages)
      if (s.observed)
        expect(s.rate).to.be.closeTo((s.observed.won + 1) / (s.observed.of + 2), 1e-12);
  });

  it('says a pipeline is missing, has no decided deal, or could not be read — and never rejects', async () => {
    const repo = createMemoryRepository();
    expect((await readCalibration(repo, 'nope', options)).calibration).to.deep.equal({
      state: 'missing',
      id: 'nope',
      name: 'nope',
    });
    await repo.ensurePipeline('empty', { name: 'Empty' });
    const empty = await readCalibration(repo, 'empty', options);
    expect(empty).to.deep.equal({ calibration: { state: 'empty', id: 'empty', name: 'Empty' } });
    const failing: SalesRepository = Object.create(repo) as SalesRepository;
    failing.listDeals = () => Promise.reject(new Error('disk on fire'));
    const failed = await readCalibration(failing, 'empty', options);
    expect(failed.calibration).to.deep.include({ state: 'failed', name: 'Empty' });
    expect(failed.scenario).to.equal(undefined);
  });

  it('words each state in both languages', () => {
    const fallback = 'Sales pipeline';
    const at = Date.UTC(2026, 0, 15);
    const ok = { state: 'ok' as const, id: 't', name: 'Team', deals: 1234, since: at };
    const since = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(at);
    expect(calibrationText(ok, { changed: false, fallback }, 'en', en)).to.equal(
      `Calibrated from pipeline “Team”: 1,234 deals since ${since}.`,
    );
    expect(calibrationText(ok, { changed: true, fallback }, 'es', es)).to.contain(
      'El flujo de ventas «Team» ha cambiado',
    );
    expect(
      calibrationText({ state: 'loading', id: 't' }, { changed: false, fallback }, 'en', en),
    ).to.equal('Reading pipeline “t”…');
    const failed = {
      state: 'failed' as const,
      id: 't',
      name: 'Team',
      errors: [{ path: 'pipeline', code: 'read-failed', message: 'disk on fire' }],
    };
    expect(calibrationText(failed, { changed: false, fallback }, 'en', en)).to.equal(
      'Pipeline “Team” could not be read (disk on fire): starting from “Sales pipeline”.',
    );
  });
});
