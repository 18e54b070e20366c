import { expect } from '@open-wc/testing';
import { bandNote } from '../../../../src/elements/sales-forecast/model/forecast-view.js';
import { noteText, type Fmt } from '../../../../src/elements/sales-forecast/panels/format.js';
import { FORECAST_STRINGS } from '../../../../src/elements/sales-forecast/strings.js';

const band = (p10: number, expected: number, p90: number) => ({ p10, expected, p50: p10, p90 });
const en: Fmt = { s: FORECAST_STRINGS.en, lang: 'en', currency: 'EUR' };

describe('bandNote: why an expected value lies outside its low–high range', () => {
  it('says a win is rare when p90 is what is won already, with its chance', () => {
    expect(bandNote(band(0, 503, 0), 0.06)).to.deep.equal({ kind: 'rare', chance: 0.06 });
    // This quarter: €10K won already, the open deals most likely add nothing.
    const note = bandNote(band(10000, 10503, 10000), 0.06, 10000)!;
    expect(note).to.deep.equal({ kind: 'rare', chance: 0.06 });
    expect(noteText(en, note, 'Q4 2026', band(10000, 10503, 10000), 10000)).to.equal(
      'Q4 2026: most likely nothing more is won (6% chance of another win); the expected €10.5K is the average over every outcome.',
    );
  });

  it('says a large, unlikely deal lifts the mean above a high that is not 0', () => {
    expect(bandNote(band(0, 9000, 2000), 0.4)).to.deep.equal({ kind: 'above' });
    expect(noteText(en, { kind: 'above' }, 'March 2027', band(0, 9000, 2000))).to.equal(
      'March 2027: the expected €9,000 is above the high: a large deal with a small chance of closing then lifts the average.',
    );
  });

  it('says likely wins put the mean below the low', () => {
    // One deal of €1,000 at 95 %: p10 is €1,000, the mean €950.
    expect(bandNote(band(1000, 950, 1000), 0.95)).to.deep.equal({ kind: 'below' });
  });

  it('needs no note inside the range, or outside it by no more than rounding shows', () => {
    expect(bandNote(band(10, 50, 90), 1)).to.equal(undefined);
    expect(bandNote(band(0, 0.08, 0), 0.0001)).to.equal(undefined);
    // €45,120 against €45,100: both read €45.1K.
    expect(bandNote(band(20000, 45120, 45100), 1)).to.equal(undefined);
  });
});
