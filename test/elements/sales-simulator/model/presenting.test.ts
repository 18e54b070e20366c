import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  fitPresenting,
  presentingKey,
  revealAll,
  revealNext,
  revealPrevious,
  selectStage,
  type PresentingState,
} from '../../../../src/elements/sales-simulator/model/presenting.js';

const rates = [0.6, 0.5, 0.4];

describe('presenting reducer', () => {
  it('reveals the next stage and selects it, down to one and up to all', () => {
    let s: PresentingState = { revealed: 1, selected: 0 };
    s = presentingKey(s, 'PageDown', rates)!.state;
    expect(s).to.deep.equal({ revealed: 2, selected: 1 });
    s = presentingKey(s, 'PageDown', rates)!.state;
    s = presentingKey(s, 'PageDown', rates)!.state;
    expect(s).to.deep.equal({ revealed: 3, selected: 2 });
    s = presentingKey(s, 'PageUp', rates)!.state;
    expect(s).to.deep.equal({ revealed: 2, selected: 1 });
    s = presentingKey(s, 'PageUp', rates)!.state;
    s = presentingKey(s, 'PageUp', rates)!.state;
    expect(s).to.deep.equal({ revealed: 1, selected: 0 });
  });

  it('selects among the stages shown with [ and ]', () => {
    const s = { revealed: 2, selected: 1 };
    expect(presentingKey(s, '[', rates)!.state).to.deep.equal({ revealed: 2, selected: 0 });
    expect(presentingKey(s, ']', rates)!.state).to.deep.equal(s);
    expect(presentingKey({ revealed: 2, selected: 0 }, '[', rates)!.state.selected).to.equal(0);
  });

  it('nudges the selected rate by one point, rounded, within 0…1', () => {
    const s = { revealed: 2, selected: 1 };
    expect(presentingKey(s, '+', rates)!.rate).to.deep.equal({ index: 1, rate: 0.51 });
    expect(presentingKey(s, '=', rates)!.rate).to.deep.equal({ index: 1, rate: 0.51 });
    expect(presentingKey(s, '-', rates)!.rate).to.deep.equal({ index: 1, rate: 0.49 });
    expect(presentingKey(s, '_', rates)!.rate).to.deep.equal({ index: 1, rate: 0.49 });
    expect(presentingKey({ revealed: 1, selected: 0 }, '+', [0.995])!.rate!.rate).to.equal(1);
    expect(presentingKey({ revealed: 1, selected: 0 }, '-', [0.004])!.rate!.rate).to.equal(0);
    // 0.1 + 0.2 is not 0.3 in floating point; the nudged rate is.
    expect(presentingKey({ revealed: 1, selected: 0 }, '+', [0.29])!.rate!.rate).to.equal(0.3);
  });

  it('moves with the arrows as a clicker sends them, and past the last stage to the answer', () => {
    const one = { revealed: 1, selected: 0 };
    expect(presentingKey(one, 'ArrowRight', rates)!.state).to.deep.equal({
      revealed: 2,
      selected: 1,
    });
    expect(presentingKey(one, 'ArrowDown', rates)!.state).to.deep.equal({
      revealed: 2,
      selected: 1,
    });
    const two = { revealed: 2, selected: 1 };
    expect(presentingKey(two, 'ArrowLeft', rates)!.state).to.deep.equal(one);
    expect(presentingKey(two, 'ArrowUp', rates)!.state).to.deep.equal(one);
    const all = { revealed: 3, selected: 2 };
    // Forward: the answer, then the deck's next step; back: the answer hidden, then the stage.
    expect(presentingKey(all, 'PageDown', rates)).to.deep.equal({ state: all, command: 'answer' });
    expect(presentingKey(all, 'PageDown', rates, true)).to.deep.equal({
      state: all,
      command: 'next-step',
    });
    expect(presentingKey(all, 'PageUp', rates, true)).to.deep.equal({
      state: all,
      command: 'hide-answer',
    });
    expect(presentingKey(one, 'PageUp', rates)).to.deep.equal({
      state: one,
      command: 'previous-step',
    });
  });

  it('blanks with B or ".", toggles full screen with F', () => {
    const one = { revealed: 1, selected: 0 };
    for (const key of ['b', 'B', '.'])
      expect(presentingKey(one, key, rates)!.command).to.equal('blank');
    for (const key of ['f', 'F'])
      expect(presentingKey(one, key, rates)!.command).to.equal('fullscreen');
  });

  it('leaves other keys to the page', () => {
    for (const key of ['a', 'Enter', 'Home', ' ', 'Tab'])
      expect(presentingKey({ revealed: 1, selected: 0 }, key, rates), key).to.equal(undefined);
  });

  it('shows all, hides the last, and fits a state to fewer or more stages', () => {
    expect(revealAll({ revealed: 1, selected: 0 }, 3)).to.deep.equal({ revealed: 3, selected: 0 });
    expect(revealPrevious({ revealed: 3, selected: 2 }, 3)).to.deep.equal({
      revealed: 2,
      selected: 1,
    });
    expect(revealNext({ revealed: 3, selected: 0 }, 3)).to.deep.equal({ revealed: 3, selected: 2 });
    expect(fitPresenting({ revealed: Infinity, selected: 9 }, 4)).to.deep.equal({
      revealed: 4,
      selected: 3,
    });
    expect(selectStage({ revealed: 2, selected: 0 }, 5, 3)).to.deep.equal({
      revealed: 2,
      selected: 1,
    });
    const same = { revealed: 2, selected: 1 };
    expect(fitPresenting(same, 3)).to.equal(same);
  });

  it('keeps revealed in 1…n and selected within revealed, whatever the keys (property)', () => {
    const key = fc.constantFrom(
      '+',
      '=',
      '-',
      '_',
      '[',
      ']',
      'PageDown',
      'PageUp',
      'ArrowLeft',
      'ArrowDown',
      'b',
      'x',
    );
    const action = fc.oneof(
      key.map((k) => ({ key: k })),
      fc.integer({ min: 1, max: 12 }).map((total) => ({ total })),
      fc.integer({ min: -3, max: 15 }).map((select) => ({ select })),
      fc.constantFrom('next', 'previous', 'all').map((reveal) => ({ reveal })),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.record({
          revealed: fc.integer({ min: -5, max: 20 }),
          selected: fc.integer({ min: -5, max: 20 }),
        }),
        fc.array(action, { maxLength: 40 }),
        (n, start, actions) => {
          let total = n;
          let rates = Array.from({ length: total }, (_, i) => (i + 1) / (total + 1));
          let state = fitPresenting(start, total);
          const check = () => {
            expect(state.revealed).to.be.within(1, total);
            expect(state.selected).to.be.within(0, state.revealed - 1);
            expect(Number.isInteger(state.revealed) && Number.isInteger(state.selected)).to.equal(
              true,
            );
          };
          check();
          for (const a of actions) {
            if ('key' in a) {
              const step = presentingKey(state, a.key, rates, a.key.length % 2 === 0);
              if (!step) continue;
              state = step.state;
              if (step.rate) {
                expect(step.rate.index).to.equal(state.selected);
                expect(step.rate.rate).to.be.within(0, 1);
                rates = rates.map((r, i) => (i === step.rate!.index ? step.rate!.rate : r));
              }
            } else if ('total' in a) {
              total = a.total;
              rates = Array.from({ length: total }, (_, i) => rates[i] ?? 1);
              state = fitPresenting(state, total);
            } else if ('select' in a) {
              state = selectStage(state, a.select, total);
            } else {
              const reveal = { next: revealNext, previous: revealPrevious, all: revealAll }[
                a.reveal
              ];
              state = reveal(state, total);
            }
            check();
          }
        },
      ),
    );
  });
});
