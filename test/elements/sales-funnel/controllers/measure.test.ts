import { expect } from '@open-wc/testing';
import { textWidth } from '../../../../src/elements/sales-funnel/controllers/measure.js';

const LABELS = [
  'Prospects',
  'Negotiation',
  '12K · 100%',
  '7.2K · 60%',
  'AVATAR Te Wo',
  'Office fi',
];

/** Calls of the canvas's measureText while `run` runs. */
function measureCalls(run: () => void): number {
  const proto = CanvasRenderingContext2D.prototype;
  const original = proto.measureText;
  let calls = 0;
  proto.measureText = function (text: string) {
    calls++;
    return original.call(this, text);
  };
  try {
    run();
  } finally {
    proto.measureText = original;
  }
  return calls;
}

describe('textWidth (label measuring)', () => {
  it('gives a text at least the room the canvas draws it in, and at most ~10 % more', () => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const font of ['600 13px sans-serif', '400 13px serif']) {
      ctx.font = font;
      for (const text of LABELS) {
        const drawn = ctx.measureText(text).width;
        const width = textWidth(text, font);
        expect(width, `${font}: ${text}`).to.be.at.least(drawn - 1e-6);
        expect(width, `${font}: ${text}`).to.be.at.most(drawn * 1.1);
      }
    }
  });

  it('measures each character once per font: new numbers in known digits measure nothing', () => {
    const font = '400 13px monospace';
    expect(measureCalls(() => textWidth('12,345 · 60%', font))).to.equal(
      new Set('12,345 · 60%').size,
    );
    expect(measureCalls(() => textWidth('54,321 · 06%', font))).to.equal(0);
    expect(textWidth('54,321 · 06%', font)).to.equal(textWidth('12,345 · 60%', font));
    // Another weight is another font.
    expect(measureCalls(() => textWidth('12', '600 13px monospace'))).to.equal(2);
  });
});
