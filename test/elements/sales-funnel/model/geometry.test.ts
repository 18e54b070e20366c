import { expect } from '@open-wc/testing';
import {
  layoutFunnel,
  MIN_COLUMN,
  type LayoutOptions,
} from '../../../../src/elements/sales-funnel/model/geometry.js';
import {
  estimateWidth,
  fitWidth,
} from '../../../../src/elements/sales-funnel/model/label-width.js';

const numbersIn = (d: string) =>
  (d.match(/-?\d+(\.\d+)?(e[-+]?\d+)?|NaN|Infinity/g) ?? []).map(Number);

function expectClean(o: LayoutOptions) {
  const layout = layoutFunnel(o);
  for (const b of layout.bands) {
    for (const d of [b.path, b.ghost ?? '']) {
      expect(d).not.to.match(/NaN|Infinity|undefined/);
      for (const n of numbersIn(d)) expect(Number.isFinite(n)).to.equal(true);
    }
    for (const n of [b.cx, b.cy, b.x, b.y, b.width, b.height, b.label.x, b.label.y]) {
      expect(Number.isFinite(n), `${n}`).to.equal(true);
    }
  }
  expect(Number.isFinite(layout.height)).to.equal(true);
  return layout;
}

describe('layoutFunnel', () => {
  it('sizes bands in proportion to their values', () => {
    const { bands } = layoutFunnel({ values: [1000, 500, 250], width: 600, minShare: 0 });
    expect(bands).to.have.length(3);
    expect(bands[1].size / bands[0].size).to.be.closeTo(0.5, 1e-9);
    expect(bands[2].size / bands[0].size).to.be.closeTo(0.25, 1e-9);
  });

  it('keeps tiny, zero and unknown stages at the minimum size', () => {
    const { bands } = layoutFunnel({ values: [1000, 0, null, 1], width: 600, minShare: 0.1 });
    expect(bands[1].size).to.be.closeTo(bands[0].size * 0.1, 1e-9);
    expect(bands[2].size).to.equal(bands[1].size);
    expect(bands[3].size).to.equal(bands[1].size);
    expect(bands[2].value).to.equal(null);
  });

  it('draws a later stage larger than an earlier one wider, honestly', () => {
    const { bands } = layoutFunnel({ values: [100, 50, 80], width: 600, minShare: 0 });
    expect(bands[2].size).to.be.greaterThan(bands[1].size);
  });

  it('stacks vertical bands without overlap and labels in their own rows', () => {
    const { bands, height } = layoutFunnel({ values: [9, 8, 7, 6, 5], width: 280, labelLines: 3 });
    for (let i = 1; i < bands.length; i++) {
      expect(bands[i].y).to.be.at.least(bands[i - 1].y + bands[i - 1].height);
      expect(bands[i].label.y).to.be.at.least(bands[i - 1].label.y + bands[i - 1].label.height);
    }
    expect(bands[4].y + bands[4].height).to.be.at.most(height);
    // Labels sit right of the funnel, inside the width.
    for (const b of bands) {
      expect(b.label.x).to.be.at.least(b.x + b.width);
      expect(b.label.x + b.label.width).to.be.at.most(280 + 1e-9);
    }
  });

  it('lays out horizontally when columns have room, else falls back to vertical', () => {
    const wide = layoutFunnel({ values: [5, 4, 3], width: 900, orientation: 'horizontal' });
    expect(wide.orientation).to.equal('horizontal');
    expect(wide.bands[1].x).to.be.closeTo(300 + 1, 1e-9);
    const narrow = layoutFunnel({
      values: [5, 4, 3, 2, 1],
      width: MIN_COLUMN * 5 - 1,
      orientation: 'horizontal',
    });
    expect(narrow.orientation).to.equal('vertical');
  });

  it('gives curved bands cubic edges and straight ones none', () => {
    const curved = layoutFunnel({ values: [5, 3], width: 400, shape: 'curved' });
    const straight = layoutFunnel({ values: [5, 3], width: 400 });
    expect(curved.bands[0].path).to.contain('C');
    expect(straight.bands[0].path).not.to.contain('C');
  });

  it('draws the compared set on the same scale', () => {
    const { bands } = layoutFunnel({
      values: [100, 50],
      compare: [200, 50],
      width: 600,
      minShare: 0,
    });
    expect(bands[0].ghost).to.be.a('string');
    // The compared 200 is now the widest; 100 is half of it.
    const { bands: alone } = layoutFunnel({ values: [100, 50], width: 600, minShare: 0 });
    expect(bands[0].size).to.be.closeTo(alone[0].size / 2, 1e-9);
  });

  it('never produces NaN with awkward data', () => {
    expectClean({ values: [], width: 300 });
    expectClean({ values: [0, 0, 0], width: 300 });
    expectClean({ values: [null, null], width: 300, shape: 'curved' });
    expectClean({ values: [42], width: 300 });
    expectClean({ values: [1e9, 3e8, 1e6, 12], width: 300, compare: [null, 1e9] });
    expectClean({ values: Array.from({ length: 30 }, (_, i) => 30 - i), width: 280 });
    expectClean({ values: [NaN, Infinity, -5, 3], width: NaN, orientation: 'horizontal' });
    expectClean({ values: [3, 2], width: 0, labelLines: NaN, charWidth: Infinity });
  });

  it('has no bands for no values', () => {
    expect(layoutFunnel({ values: [], width: 300 }).bands).to.deep.equal([]);
  });
});

describe('fitWidth', () => {
  it('keeps the first variant that fits, else shortens the last one to the room', () => {
    const w = estimateWidth;
    expect(fitWidth(['Qualification'], 200, w, false)).to.equal('Qualification');
    expect(fitWidth(['120 · 40%', '120'], 40, w, false)).to.equal('120');
    const cut = fitWidth(['Qualification'], 60, w, true);
    expect(cut).to.match(/^Qual.*…$/);
    expect(w(cut, true)).to.be.at.most(60);
    expect(w(fitWidth([cut.slice(0, -1) + 'i'], 60, w, true), true)).to.be.at.most(60);
  });

  it('cuts wide letters sooner than narrow ones of the same count', () => {
    const wide = fitWidth(['WWWWMMMMWWWWMMMM'], 100, estimateWidth, true);
    const narrow = fitWidth(['iiiillllIIIIiiii'], 100, estimateWidth, true);
    expect(estimateWidth(wide, true)).to.be.at.most(100);
    expect([...wide].length).to.be.lessThan([...narrow].length);
  });
});
