import { expect } from '@open-wc/testing';
import {
  STAGE_EVENT_ORDER,
  compareEventTimes,
  compareStageEvents,
} from '../../src/model/stage-events.js';
import type { StageEvent, StageEventKind } from '../../src/model/types.js';

const event = (id: string, kind: StageEventKind, at: number): StageEvent => ({
  id,
  pipelineId: 'p',
  dealId: 'd',
  kind,
  from: null,
  to: 'a',
  at,
});

describe('stage event order', () => {
  it('sorts by time, then created, reopened, moved, closed at one instant, then by id', () => {
    const events = [
      event('e1', 'won', 5),
      event('e2', 'moved', 5),
      event('e3', 'created', 9),
      event('e4', 'reopened', 5),
      event('e0', 'created', 5),
      event('e6', 'lost', 5),
      event('e5', 'moved', 1),
    ];
    expect(
      [...events].sort(compareStageEvents).map((e) => `${e.at}:${e.kind}:${e.id}`),
    ).to.deep.equal([
      '1:moved:e5',
      '5:created:e0',
      '5:reopened:e4',
      '5:moved:e2',
      '5:won:e1',
      '5:lost:e6',
      '9:created:e3',
    ]);
  });

  it('ranks won and lost alike, and ties equal instants of one rank without ids', () => {
    expect(STAGE_EVENT_ORDER.won).to.equal(STAGE_EVENT_ORDER.lost);
    expect(compareEventTimes(event('b', 'won', 3), event('a', 'lost', 3))).to.equal(0);
    expect(compareStageEvents(event('b', 'won', 3), event('a', 'lost', 3))).to.be.above(0);
    expect(compareEventTimes(event('x', 'moved', 3), event('y', 'created', 3))).to.be.above(0);
  });
});
