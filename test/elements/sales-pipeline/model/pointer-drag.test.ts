import { expect } from '@open-wc/testing';
import {
  DRAG_THRESHOLD,
  EDGE,
  EDGE_SPEED,
  dropKey,
  edgeSpeed,
  followDrag,
  isClick,
  shiftDrag,
  startDrag,
} from '../../../../src/elements/sales-pipeline/model/pointer-drag.js';

const press = (clientX: number, clientY: number) => ({ pointerId: 3, clientX, clientY });
const columns = [
  { key: 'lead', left: 0, right: 280 },
  { key: 'offer', left: 290, right: 570 },
];
const start = () =>
  startDrag(
    press(100, 200),
    'd1',
    { left: 20, top: 150, right: 280, width: 260 },
    { left: 10, top: 5, right: 1200, width: 1190 },
    columns,
  );

describe('pointer drag geometry', () => {
  it('starts as a click where the card was pressed, and becomes a drag past the threshold', () => {
    const drag = start();
    expect(drag).to.deep.include({
      dealId: 'd1',
      pointerId: 3,
      offsetX: 80,
      offsetY: 50,
      width: 260,
      active: false,
      origin: { left: 10, top: 5 },
    });
    expect(isClick(drag, press(100 + DRAG_THRESHOLD - 1, 200))).to.equal(true);
    expect(isClick(drag, press(100 + DRAG_THRESHOLD, 200))).to.equal(false);
    const moving = followDrag(drag, press(300, 210));
    expect(moving).to.deep.include({ active: true, x: 300, y: 210, targetKey: 'offer' });
    // Once a drag, always a drag: coming back near the start is no click.
    expect(isClick(moving, press(101, 200))).to.equal(false);
  });

  it('keeps its target over the gap between columns, and drops where the pointer is released', () => {
    const moving = followDrag(start(), press(300, 210));
    expect(followDrag(moving, press(285, 210)).targetKey).to.equal('offer');
    expect(dropKey(moving, press(50, 210))).to.equal('lead');
    expect(dropKey(moving, press(285, 210))).to.equal('offer');
  });

  it('moves the columns under a still pointer when the board scrolls sideways', () => {
    const moving = followDrag(start(), press(270, 210));
    expect(moving.targetKey).to.equal('lead');
    expect(shiftDrag(moving, 0)).to.equal(moving);
    const shifted = shiftDrag(moving, 100);
    expect(shifted.columns.map((c) => [c.left, c.right])).to.deep.equal([
      [-100, 180],
      [190, 470],
    ]);
    expect(shifted.targetKey).to.equal('offer');
  });

  it('scrolls faster the nearer the pointer is to an edge, and not at all away from one', () => {
    // A box from 100 to 600 px with 48 px zones at both ends; full speed is 16 px a frame.
    expect([EDGE, EDGE_SPEED]).to.deep.equal([48, 16]);
    const at = (pos: number) => edgeSpeed(pos, 100, 600);
    expect([148, 350, 552].map(at)).to.deep.equal([0, 0, 0]);
    // 24 px deep: half speed; at the edge or past it (up to one zone): full speed.
    expect([124, 100, 60, 576, 600, 640].map(at)).to.deep.equal([-8, -16, -16, 8, 16, 16]);
    // Barely in: still moving; far outside: still.
    expect([147.5, 552.5].map(at)).to.deep.equal([-1, 1]);
    expect([51, 649].map(at)).to.deep.equal([0, 0]);
    // A 60 px box splits at its middle: 30 px zones.
    expect([
      edgeSpeed(115, 100, 160),
      edgeSpeed(130, 100, 160),
      edgeSpeed(160, 100, 160),
    ]).to.deep.equal([-8, 0, 16]);
  });
});
