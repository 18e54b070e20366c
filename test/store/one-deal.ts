import type { Deal, Pipeline } from '../../src/model/types.js';

/** A pipeline of one stage, Lead, and a deal in it, for checks of single fields. */
export const ONE_STAGE: Pipeline = {
  id: 'p',
  name: 'Sales',
  currency: 'EUR',
  stages: [{ id: 'lead', name: 'Lead' }],
  createdAt: 0,
  updatedAt: 0,
};

/** A stored deal of `ONE_STAGE`, with `over` in place of its fields. */
export const storedDeal = (over: Partial<Deal> = {}): Deal => ({
  id: 'd1',
  pipelineId: 'p',
  title: 'Acme',
  amount: 100,
  currency: 'EUR',
  stageId: 'lead',
  outcome: 'open',
  createdAt: Date.UTC(2026, 0, 5),
  updatedAt: Date.UTC(2026, 0, 6),
  stageEnteredAt: Date.UTC(2026, 0, 5),
  rank: 1,
  version: 1,
  ...over,
});
