import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { editDistance } from '../../src/model/explain.js';

/** The textbook table of optimal string alignment distances, whole, to check the rows against. */
function tableDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

describe('editDistance', () => {
  it('counts insertions, deletions, changes and a swap of neighbours as one edit each', () => {
    expect(editDistance('nmae', 'name')).to.equal(1);
    expect(editDistance('', 'leads')).to.equal(5);
    expect(editDistance('leads', '')).to.equal(5);
    expect(editDistance('leadz', 'leads')).to.equal(1);
    expect(editDistance('dealvalue', 'dealvalue')).to.equal(0);
    expect(editDistance('ca', 'abc')).to.equal(3);
  });

  it('equals the whole table for any two keys (few letters, so swaps and repeats are common)', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(key, key, (a, b) => editDistance(a, b) === tableDistance(a, b)),
      { numRuns: 2000 },
    );
  });
});
