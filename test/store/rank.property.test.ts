import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MIN_RANK_GAP, RANK_STEP, rankBetween } from '../../src/store/rank.js';

/** The next double above `x` (finite `x`): no double lies strictly between the two. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** Two distinct finite doubles, the smaller first: anywhere, or close together. */
const pair = fc.oneof(
  fc
    .tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    )
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => (a < b ? [a, b] : [b, a])),
  // Near neighbours, where splitting stops: a gap of a few MIN_RANK_GAPs or a few ulps.
  fc
    .tuple(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 1, max: 64 }),
      fc.boolean(),
    )
    .map(([a, k, ulps]) => {
      let b = a;
      if (ulps) for (let i = 0; i < k; i++) b = nextUp(b);
      else b = a + (k * MIN_RANK_GAP) / 16;
      return [a, b];
    })
    .filter(([a, b]) => a < b),
);

/**
 * The store's placement, as a model: on top is the first rank − RANK_STEP, at the bottom the
 * last + RANK_STEP, between two deals `rankBetween`, and when that has no room the column is
 * renumbered 0, RANK_STEP, 2 × RANK_STEP… with a gap where the new deal goes.
 */
function insert(ranks: number[], at: number): { ranks: number[]; renumbered: boolean } {
  const next = [...ranks];
  if (ranks.length === 0) return { ranks: [0], renumbered: false };
  if (at === 0) next.unshift(ranks[0] - RANK_STEP);
  else if (at === ranks.length) next.push(ranks[at - 1] + RANK_STEP);
  else {
    const rank = rankBetween(ranks[at - 1], ranks[at]);
    if (rank === undefined) {
      const fresh = ranks.map((_, i) => (i < at ? i : i + 1) * RANK_STEP);
      fresh.splice(at, 0, at * RANK_STEP);
      return { ranks: fresh, renumbered: true };
    }
    next.splice(at, 0, rank);
  }
  return { ranks: next, renumbered: false };
}

describe('rankBetween (properties)', () => {
  it('gives a rank strictly between, or undefined only when too close to split', () => {
    fc.assert(
      fc.property(pair, ([lo, hi]) => {
        const rank = rankBetween(lo, hi);
        if (rank !== undefined) {
          expect(lo < rank && rank < hi, `${lo} < ${rank} < ${hi}`).to.equal(true);
        } else {
          // Refused: the gap is below MIN_RANK_GAP, or no double fits between the two.
          const tooClose = hi - lo < MIN_RANK_GAP || nextUp(lo) >= hi;
          expect(tooClose, `refused ${lo} .. ${hi}`).to.equal(true);
        }
      }),
      { seed: 3, numRuns: 2000 },
    );
  });

  it('keeps every column in the order deals were placed, through renumbering', () => {
    let renumberings = 0;
    fc.assert(
      fc.property(
        // Positions as fractions of the column, in runs: a run splits the same gap again and
        // again, until it is too narrow and the column is renumbered.
        fc
          .array(
            fc.tuple(
              fc.double({ min: 0, max: 1, noNaN: true }),
              fc.noBias(fc.integer({ min: 1, max: 60 })),
            ),
            {
              maxLength: 8,
            },
          )
          .map((runs) => runs.flatMap(([position, count]) => Array<number>(count).fill(position))),
        (positions) => {
          let ranks: number[] = [];
          let ids: number[] = [];
          positions.forEach((position, id) => {
            const at = Math.round(position * ranks.length);
            const placed = insert(ranks, at);
            if (placed.renumbered) renumberings++;
            ranks = placed.ranks;
            ids = [...ids.slice(0, at), id, ...ids.slice(at)];
          });
          const byRank = ids
            .map((id, i) => ({ id, rank: ranks[i] }))
            .sort((a, b) => a.rank - b.rank);
          expect(byRank.map((d) => d.id)).to.deep.equal(ids);
          for (let i = 1; i < ranks.length; i++) expect(ranks[i - 1]).to.be.below(ranks[i]);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
    // The renumbering branch ran: the property covered columns that ran out of room.
    expect(renumberings).to.be.above(0);
  });
});
