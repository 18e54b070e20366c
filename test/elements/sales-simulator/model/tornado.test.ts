import { expect } from '@open-wc/testing';
import { layoutTornado } from '../../../../src/elements/sales-simulator/model/tornado.js';

describe('layoutTornado', () => {
  it('puts zero in the middle and scales both sides to the widest change', () => {
    const layout = layoutTornado(
      [
        { label: 'A', down: -4, up: 4 },
        { label: 'B', down: -1, up: 2 },
      ],
      { width: 400, valueRoom: 50, labelHeight: 18, barHeight: 14 },
    );
    expect(layout.zero).to.equal(200);
    const [a, b] = layout.bars;
    expect(a.upWidth).to.equal(150);
    expect(a.downWidth).to.equal(150);
    expect(a.downX).to.equal(50);
    expect(b.upWidth).to.equal(75);
    expect(b.downWidth).to.equal(37.5);
    expect(b.y).to.equal(42);
    expect(b.barY).to.equal(60);
    expect(layout.height).to.equal(84);
  });

  it('draws nothing wide for rows without change', () => {
    const layout = layoutTornado([{ label: 'A', down: 0, up: 0 }], { width: 300 });
    expect(layout.bars[0].upWidth).to.equal(0);
    expect(layout.bars[0].downWidth).to.equal(0);
  });
});
