import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { LOST_KEY, WON_KEY } from '../../../../src/elements/sales-pipeline/model/board-model.js';
import {
  announcementText,
  boardKey,
  type KeyColumn,
  type KeyResult,
  type KeyboardState,
} from '../../../../src/elements/sales-pipeline/model/keyboard.js';
import { PIPELINE_STRINGS } from '../../../../src/elements/sales-pipeline/later-strings.js';
import type { DealOutcome } from '../../../../src/model/types.js';

const col = (key: string, name: string, ids: string[], outcome: DealOutcome = 'open') => ({
  key,
  name,
  outcome,
  deals: ids.map((id) => ({ id, title: id.toUpperCase() })),
});

/** Shown top to bottom, as on the board: Lead D C B A, Offer Y X, Negotiation empty. */
const COLUMNS: KeyColumn[] = [
  col('lead', 'Lead', ['d', 'c', 'b', 'a']),
  col('offer', 'Offer', ['y', 'x']),
  col('deal', 'Negotiation', []),
  col(WON_KEY, 'Won', ['w'], 'won'),
  col(LOST_KEY, 'Lost', [], 'lost'),
];

/** Presses `keys` in turn from `state`, as the board does, returning every result. */
function press(state: KeyboardState, ...keys: string[]): KeyResult[] {
  const results: KeyResult[] = [];
  for (const key of keys) {
    const result = boardKey(state, key, COLUMNS, { pageSize: 2 });
    results.push(result);
    state = result.state;
  }
  return results;
}
const last = (state: KeyboardState, ...keys: string[]) => press(state, ...keys).at(-1)!;
const on = (id: string): KeyboardState => ({ activeId: id });

describe('board keyboard reducer', () => {
  it('moves the focus within a column, clamped at its ends, by one, a page or all the way', () => {
    const focusAfter = (id: string, key: string) => last(on(id), key).focus;
    expect(focusAfter('c', 'ArrowDown')).to.equal('b');
    expect(focusAfter('c', 'ArrowUp')).to.equal('d');
    expect(focusAfter('d', 'ArrowUp')).to.equal('d');
    expect(focusAfter('a', 'ArrowDown')).to.equal('a');
    expect(focusAfter('c', 'End')).to.equal('a');
    expect(focusAfter('b', 'Home')).to.equal('d');
    expect(focusAfter('d', 'PageDown')).to.equal('b');
    expect(focusAfter('b', 'PageDown')).to.equal('a');
    expect(focusAfter('a', 'PageUp')).to.equal('c');
    const result = last(on('c'), 'ArrowDown');
    expect(result).to.deep.include({ handled: true, state: { activeId: 'b' } });
    expect(result.announce, 'the focused card is read; nothing else is said').to.equal(undefined);
  });

  it('moves across columns at the same height, skipping empty ones', () => {
    expect(last(on('b'), 'ArrowRight').focus).to.equal('x');
    expect(last(on('x'), 'ArrowLeft').focus).to.equal('c');
    // Past the empty Negotiation column to Won.
    expect(last(on('y'), 'ArrowRight').focus).to.equal('w');
    // Nothing further: the key is taken, the focus stays.
    expect(last(on('w'), 'ArrowRight')).to.deep.equal({ state: on('w'), handled: true });
    expect(last(on('d'), 'ArrowLeft')).to.deep.equal({ state: on('d'), handled: true });
  });

  it('picks a card up with Space or Enter, saying where it is', () => {
    for (const key of [' ', 'Enter']) {
      const result = last(on('c'), key);
      expect(result.state.grab).to.deep.equal({ dealId: 'c', targetKey: 'lead', wanted: 1 });
      expect(result.announce).to.deep.equal({
        kind: 'picked-up',
        title: 'C',
        column: 'Lead',
        position: 2,
        count: 4,
      });
      expect(result.drop).to.equal(undefined);
    }
  });

  it('moves a picked-up card down its column by position, keeping the marker in view, then drops it at the bottom', () => {
    const steps = press(on('c'), ' ', 'ArrowDown', 'ArrowDown', 'ArrowDown', ' ');
    expect(steps[1]!.announce).to.deep.equal({
      kind: 'position',
      title: 'C',
      column: 'Lead',
      position: 3,
      count: 4,
    });
    // Between B and A: the gap above the fourth card (row 3).
    expect(steps[1]!.scroll).to.deep.equal({ key: 'lead', index: 3 });
    // Already at the bottom: it stays 4 of 4, and says so again.
    expect(steps[3]!.announce).to.deep.include({ kind: 'position', position: 4, count: 4 });
    expect(steps[3]!.state.grab).to.deep.include({ targetKey: 'lead' });
    expect(steps[4]).to.deep.include({ handled: true });
    expect(steps[4]!.drop).to.deep.equal({ dealId: 'c', key: 'lead', before: null });
    expect(steps[4]!.state.grab).to.equal(undefined);
    expect(steps[4]!.announce, 'the move announces itself').to.equal(undefined);
  });

  it('moves across columns keeping the position asked for, and up within the new one', () => {
    const steps = press(on('b'), 'Enter', 'ArrowRight', 'ArrowUp', 'Enter');
    // B was third in Lead; Offer has two deals, so third of three there.
    expect(steps[1]!.announce).to.deep.equal({
      kind: 'over-at',
      title: 'B',
      column: 'Offer',
      index: 2,
      columns: 5,
      position: 3,
      size: 3,
    });
    expect(steps[2]!.announce).to.deep.include({ kind: 'position', position: 2, count: 3 });
    expect(steps[3]!.drop).to.deep.equal({ dealId: 'b', key: 'offer', before: 'x' });
  });

  it('says only the column over won and lost, and drops there without a place', () => {
    const steps = press(on('d'), ' ', 'End', ' ');
    expect(steps[1]!.announce).to.deep.equal({
      kind: 'over',
      title: 'D',
      column: 'Lost',
      index: 5,
      columns: 5,
    });
    expect(steps[1]!.scroll).to.equal(undefined);
    expect(steps[2]!.drop).to.deep.equal({ dealId: 'd', key: LOST_KEY });
    expect(last(on('d'), ' ', 'End', 'Home').state.grab).to.deep.include({ targetKey: 'lead' });
  });

  it('cancels with Escape, with Tab (which still moves on), and with a drop back where it was', () => {
    const cancelled = { kind: 'cancelled', title: 'C' };
    const escape = last(on('c'), ' ', 'ArrowDown', 'Escape');
    expect(escape).to.deep.include({ handled: true, announce: cancelled });
    expect(escape.state.grab).to.equal(undefined);
    const tab = last(on('c'), ' ', 'Tab');
    expect(tab).to.deep.include({ handled: false, announce: cancelled });
    expect(tab.state.grab).to.equal(undefined);
    // Right to Offer (position 2 of 3), Left back to Lead: position 2 again, so no move.
    const back = press(on('c'), ' ', 'ArrowRight', 'ArrowLeft', ' ');
    expect(back[2]!.announce).to.deep.include({ kind: 'over-at', position: 2, size: 4 });
    expect(back[3]).to.deep.include({ announce: cancelled });
    expect(back[3]!.drop).to.equal(undefined);
  });

  it('hands edit, move and delete to the board, and lets other keys through', () => {
    for (const key of ['e', 'E', 'F2']) {
      expect(last(on('x'), key).command).to.deep.equal({ kind: 'edit', dealId: 'x' });
    }
    for (const key of ['m', 'M']) {
      expect(last(on('x'), key).command).to.deep.equal({ kind: 'move', dealId: 'x' });
    }
    expect(last(on('x'), 'Delete').command).to.deep.equal({ kind: 'delete', dealId: 'x' });
    expect(last(on('x'), 'q')).to.deep.equal({ state: on('x'), handled: false });
    expect(last(on('gone'), 'ArrowDown')).to.deep.equal({ state: on('gone'), handled: false });
    // A picked-up card ignores keys it has no use for, and edits nothing.
    const grabbed = last(on('x'), ' ').state;
    expect(last(grabbed, 'e')).to.deep.equal({ state: grabbed, handled: false });
  });

  it('words each announcement in English and Spanish', () => {
    const say = (result: KeyResult, lang: 'en' | 'es') =>
      announcementText(result.announce!, PIPELINE_STRINGS[lang], lang);
    const pickUp = last(on('c'), ' ');
    expect(say(pickUp, 'en')).to.match(/^Picked up C in Lead, position 2 of 4\./);
    expect(say(pickUp, 'es')).to.match(/^C levantada en Lead, posición 2 de 4\./);
    const over = last(on('b'), ' ', 'ArrowRight');
    expect(say(over, 'en')).to.equal('B: over Offer, column 2 of 5, position 3 of 3.');
    expect(say(last(on('c'), ' ', 'ArrowDown'), 'en')).to.equal('C: position 3 of 4 in Lead.');
    expect(say(last(on('d'), ' ', 'End'), 'es')).to.equal('D: sobre Lost, columna 5 de 5.');
    expect(say(last(on('c'), ' ', 'Escape'), 'en')).to.equal('Move of C cancelled.');
  });
});

/** Any board: 1 to 6 columns (the last two won and lost when there are three or more). */
const anyColumns = fc
  .array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 6 })
  .filter((sizes) => sizes.some((n) => n > 0))
  .map((sizes) => {
    let n = 0;
    return sizes.map((size, c): KeyColumn => {
      const outcome: DealOutcome =
        sizes.length >= 3 && c === sizes.length - 2
          ? 'won'
          : sizes.length >= 3 && c === sizes.length - 1
            ? 'lost'
            : 'open';
      return col(
        `c${c}`,
        `Column ${c}`,
        Array.from({ length: size }, () => `d${(n += 1)}`),
        outcome,
      );
    });
  });

const KEYS = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  ' ',
  'Enter',
  'Escape',
  'Tab',
  'e',
  'F2',
  'm',
  'Delete',
  'x',
];

describe('board keyboard reducer, any key sequence', () => {
  it('keeps the focus on a card, the target in the columns, and says one thing per change', () => {
    fc.assert(
      fc.property(
        anyColumns,
        fc.nat(),
        fc.array(fc.constantFrom(...KEYS), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (columns, pick, keys, pageSize) => {
          const ids = columns.flatMap((c) => c.deals.map((d) => d.id));
          const keysOf = columns.map((c) => c.key);
          let state: KeyboardState = { activeId: ids[pick % ids.length]! };
          for (const key of keys) {
            const was = state;
            const result = boardKey(state, key, columns, { pageSize });
            state = result.state;
            expect(ids, `focus after ${key}`).to.include(state.activeId);
            if (result.focus !== undefined) expect(result.focus).to.equal(state.activeId);
            if (state.grab) {
              expect(keysOf).to.include(state.grab.targetKey);
              expect(state.grab.dealId).to.equal(state.activeId);
            }
            const said = Number(result.announce !== undefined) + Number(result.drop !== undefined);
            if (was.grab && result.handled) {
              // Every key a picked-up card takes is said once: by itself, or by the move.
              expect(said, `${key} with a card picked up`).to.equal(1);
            } else if (!was.grab && state.grab) {
              expect(result.announce?.kind).to.equal('picked-up');
              expect(said).to.equal(1);
            } else if (!was.grab) {
              // Browsing moves the focus; the focused card is what a reader says.
              expect(said, `${key} while browsing`).to.equal(0);
            }
            if (!result.handled && !(was.grab && key === 'Tab')) {
              expect(state).to.deep.equal(was);
              expect(said).to.equal(0);
            }
            if (result.drop) expect(state.grab).to.equal(undefined);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
