import type { BoardFilter } from '../../../../src/elements/sales-pipeline/model/board-model.js';
import type { Deal, Pipeline } from '../../../../src/model/types.js';

/** Plain records for the board's pure modules: a two-stage pipeline and deals made to order. */

export const NOW = 1_750_000_000_000;

export const pipeline: Pipeline = {
  id: 'p',
  name: 'P',
  currency: 'EUR',
  stages: [
    { id: 'a', name: 'A', names: { en: 'A', es: 'Á' }, probability: 0.25 },
    { id: 'b', name: 'B' },
  ],
  createdAt: 0,
  updatedAt: 0,
};

export const deal = (id: string, extra: Partial<Deal>): Deal => ({
  id,
  pipelineId: 'p',
  title: id,
  amount: 100,
  currency: 'EUR',
  stageId: 'a',
  outcome: 'open',
  createdAt: NOW,
  updatedAt: NOW,
  stageEnteredAt: NOW,
  version: 1,
  ...extra,
});

export const none: BoardFilter = { text: '', owner: '', staleOnly: false, staleDays: 30, now: NOW };
