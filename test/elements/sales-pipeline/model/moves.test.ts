import { expect } from '@open-wc/testing';
import { LOST_KEY, WON_KEY } from '../../../../src/elements/sales-pipeline/model/board-model.js';
import {
  movedText,
  planMove,
  positionInStage,
  stepPlace,
  undoEntryOf,
  undoLabel,
  undoTarget,
  wonAt,
} from '../../../../src/elements/sales-pipeline/model/moves.js';
import { PIPELINE_STRINGS } from '../../../../src/elements/sales-pipeline/later-strings.js';
import { deal, none } from './fixtures.js';

const en = PIPELINE_STRINGS.en;
// Stage a, top to bottom: p q r; q is lost, s sits in stage b.
const p = deal('p', { rank: 0 });
const q = deal('q', { rank: 1 });
const r = deal('r', { rank: 2 });
const lost = deal('l', { rank: 3, outcome: 'lost', lostReason: 'Price' });
const s = deal('s', { stageId: 'b' });
const all = [p, q, r, lost, s];

describe('move rules', () => {
  it('steps a card one place up or down its column, and not past either end', () => {
    const column = [p, q, r];
    expect(stepPlace(column, 'q', -1)).to.equal('p');
    expect(stepPlace(column, 'q', 1)).to.equal(null);
    expect(stepPlace(column, 'p', 1)).to.equal('r');
    expect(stepPlace(column, 'p', -1)).to.equal(undefined);
    expect(stepPlace(column, 'r', 1)).to.equal(undefined);
    expect(stepPlace(column, 'gone', 1)).to.equal(undefined);
    // Each step, made, is where the card then sits.
    expect(planMove(q, 'a', stepPlace(column, 'q', 1))?.place).to.deep.equal({ before: null });
  });

  it('dates a won deal now for today, at noon of an earlier day, never before its stage', () => {
    const now = new Date(2026, 5, 10, 9, 30).getTime();
    expect(wonAt('2026-06-10', now, 0)).to.equal(now);
    expect(wonAt('2026-06-03', now, 0)).to.equal(new Date(2026, 5, 3, 12).getTime());
    const entered = new Date(2026, 5, 3, 15).getTime();
    expect(wonAt('2026-06-03', now, entered)).to.equal(entered);
  });

  it('plans a move to a stage, won or lost, and nothing for a drop where the deal is', () => {
    expect(planMove(q, 'b')).to.deep.equal({
      from: { stageId: 'a', outcome: 'open' },
      to: { stageId: 'b', outcome: 'open' },
      place: {},
    });
    // Won and lost keep the stage the deal closed in, and have no place to choose.
    expect(planMove(q, WON_KEY, 'p')).to.deep.equal({
      from: { stageId: 'a', outcome: 'open' },
      to: { stageId: 'a', outcome: 'won' },
      place: {},
    });
    expect(planMove(q, 'a')).to.equal(undefined);
    expect(planMove(lost, LOST_KEY, null)).to.equal(undefined);
    // A place in its own column is a reorder.
    expect(planMove(q, 'a', null)?.place).to.deep.equal({ before: null });
    // A lost deal back into its own stage is a reopen.
    expect(planMove(lost, 'a')?.to).to.deep.equal({ stageId: 'a', outcome: 'open' });
  });

  it('remembers the deal below for undo, and puts it back there while that deal stays', () => {
    const entry = undoEntryOf(q, { stageId: 'a', outcome: 'open' }, all);
    expect(entry).to.deep.equal({
      kind: 'move',
      dealId: 'q',
      title: 'q',
      from: { stageId: 'a', outcome: 'open' },
      before: 'r',
    });
    if (entry.kind !== 'move') throw new Error('a move');
    const moved = { ...q, stageId: 'b' };
    expect(undoTarget(entry, moved, all)).to.deep.equal({ key: 'a', before: 'r', reason: '' });
    // The deal it was above has left the stage: the top of the stage it left…
    const rLeft = all.map((d) => (d.id === 'r' ? { ...r, stageId: 'b' } : d));
    expect(undoTarget(entry, moved, rLeft)).to.deep.equal({ key: 'a', reason: '' });
    // …or, for a reorder within the stage, its bottom.
    expect(undoTarget(entry, { ...q, rank: 9 }, rLeft)).to.deep.equal({
      key: 'a',
      before: null,
      reason: '',
    });
  });

  it('reopens a closed deal on undo with its lost reason kept for the way back', () => {
    const entry = undoEntryOf(lost, { stageId: 'a', outcome: 'lost' }, all);
    expect(entry).to.deep.include({ lostReason: 'Price' });
    expect(entry).to.not.have.property('before');
    if (entry.kind !== 'move') throw new Error('a move');
    expect(undoTarget(entry, { ...lost, outcome: 'open' }, all)).to.deep.equal({
      key: LOST_KEY,
      reason: 'Price',
    });
  });

  it('labels Undo with what it would undo', () => {
    expect(undoLabel(undefined, en)).to.equal('Undo');
    const entry = undoEntryOf(q, { stageId: 'a', outcome: 'open' }, all);
    expect(undoLabel(entry, en)).to.equal('Undo moving “q”');
  });

  it('finds where a reordered deal now is among the deals shown in its stage', () => {
    expect(positionInStage(all, r, none)).to.deep.equal({ position: 3, count: 3 });
    expect(positionInStage(all, r, { ...none, text: 'r' })).to.deep.equal({
      position: 1,
      count: 1,
    });
  });

  it('says how each kind of move ended, once', () => {
    const say = (plan: ReturnType<typeof planMove>, extra = {}) =>
      movedText({ source: 'keyboard', plan: plan!, title: 'Q', column: 'B', ...extra }, en, 'en');
    expect(say(planMove(q, 'b'))).to.equal('Q moved to B.');
    expect(say(planMove(q, WON_KEY))).to.equal('Q marked as won.');
    expect(say(planMove(q, LOST_KEY), { reason: 'Price' })).to.equal('Q marked as lost: Price.');
    expect(say(planMove(lost, 'b'))).to.equal('Q reopened in B.');
    expect(say(planMove(q, 'a', null), { position: { position: 3, count: 3 } })).to.equal(
      'Q moved to position 3 of 3 in B.',
    );
    expect(
      movedText({ source: 'undo', plan: planMove(q, 'b')!, title: 'Q', column: 'B' }, en, 'en'),
    ).to.equal('Undone.');
  });
});
