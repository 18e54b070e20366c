import type { Deal, DealOutcome } from '../../model/types.js';

/** Where a deal sits on the board: its stage column, and whether it is open, won or lost. */
export interface BoardPlace {
  stageId: string;
  outcome: DealOutcome;
}

/** `deal-before-move`: a move is about to be written; `preventDefault()` vetoes it. */
export interface DealBeforeMoveDetail {
  /** The deal as the board shows it, before the move. */
  deal: Deal;
  from: BoardPlace;
  to: BoardPlace;
  /** How the move was made: a drag, the keyboard, a card's "Move to…" dialog, `moveDeal()`, undo. */
  source: 'pointer' | 'keyboard' | 'menu' | 'api' | 'undo';
  /**
   * Where in the column: above the deal with this id, or at the bottom (`null`). Absent when
   * no place was chosen (a move to the top of a stage, or to won / lost). A reorder within a
   * column has `from` equal to `to` and a `before`.
   */
  before?: string | null;
}

/** `deal-moved`: the move (and its history event) is stored. */
export interface DealMovedDetail {
  /** The deal as stored after the move. */
  deal: Deal;
  from: BoardPlace;
  to: BoardPlace;
  source: DealBeforeMoveDetail['source'];
  /** As in `DealBeforeMoveDetail`. */
  before?: string | null;
}

export type DealBeforeMoveEvent = CustomEvent<DealBeforeMoveDetail>;
export type DealMovedEvent = CustomEvent<DealMovedDetail>;

// Lets the shared `dispatch` helper type these events; the map is an interface, so it merges.
declare module '../events.js' {
  interface SalesEventMap {
    'deal-before-move': DealBeforeMoveDetail;
    'deal-moved': DealMovedDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'deal-before-move': DealBeforeMoveEvent;
    'deal-moved': DealMovedEvent;
  }
}
