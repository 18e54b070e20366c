import { expect, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { make, SCENARIO } from './fixtures.js';
import { byRole, textOf } from './queries.js';

/**
 * The saved scenarios are read again when they or a pipeline's plan changed (here, in another
 * element or in another tab), not after every change to the store: a busy board moving deals
 * must not make every simulator on the page read its whole library each time.
 */

/** The host's repository, counting how often the simulator reads its saved scenarios. */
function counted(inner: SalesRepository): { repo: SalesRepository; reads: () => number } {
  let reads = 0;
  const repo = new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (name !== 'listScenarios') return value.bind(target);
      return (...args: unknown[]) => {
        reads += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { repo, reads: () => reads };
}

const panel = (el: SalesSimulator) => byRole(el, 'region', 'Scenarios');
const item = (el: SalesSimulator, name: string) =>
  [...panel(el).querySelectorAll('li')].find(
    (li) => li.querySelector('.saved-name')?.textContent === name,
  );

/** Lets the store's change reach the simulator and whatever it starts, and the render after. */
async function settle(el: SalesSimulator): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
  }
}

describe('<sales-simulator> saved scenarios, read again only when they changed', () => {
  it('does not read them again for deals moved, edited or closed, nor for stages or a goal', async () => {
    const inner = createMemoryRepository();
    const { stages } = await inner.ensurePipeline('team', { name: 'Team' });
    const [first, second] = stages.map((s) => s.id);
    const deal = await inner.createDeal('team', { title: 'Alpha', stageId: first });
    const { repo, reads } = counted(inner);
    const el = await make({ repository: repo, pipeline: 'team' });
    await settle(el);
    const before = reads();
    expect(before, 'the list was never read').to.be.greaterThan(0);

    const moved = await inner.moveDeal(deal.id, second!, { expectedVersion: deal.version });
    const edited = await inner.updateDeal(deal.id, { amount: 500 }, moved.deal.version);
    await inner.setOutcome(deal.id, 'won', { expectedVersion: edited.version });
    await settle(el);
    expect(reads(), 'read again after deals changed').to.equal(before);
    await inner.renameStage('team', second!, 'First call');
    await inner.updatePipeline('team', { goal: { revenue: 50_000 } });
    await settle(el);
    expect(reads(), 'read again after the stages or the goal changed').to.equal(before);

    // A scenario saved by another element is read, and shown.
    await inner.saveScenario({ name: 'Plan Q3', pipelineId: null, scenario: SCENARIO });
    await waitUntil(() => item(el, 'Plan Q3'), 'the scenario saved elsewhere is not listed');
    expect(reads()).to.be.greaterThan(before);
  });

  it('shows a plan saved and set in another tab, reading only the plan (and the name) for the second', async () => {
    const name = `library-reads-${Math.random().toString(36).slice(2)}`;
    const here = await createIdbRepository({ name });
    const there = await createIdbRepository({ name });
    try {
      await here.ensurePipeline('team', { name: 'Team' });
      const { repo, reads } = counted(here);
      const el = await make({ repository: repo, pipeline: 'team' });
      const saved = await there.saveScenario({
        name: 'Plan Q4',
        pipelineId: null,
        scenario: SCENARIO,
      });
      await waitUntil(() => item(el, 'Plan Q4'), 'the other tab’s scenario is not listed');
      expect(textOf(item(el, 'Plan Q4'))).not.to.include('Plan of pipeline');
      await settle(el);
      const listed = reads();
      await there.updatePipeline('team', { plan: saved.id });
      await waitUntil(
        () => textOf(item(el, 'Plan Q4')).includes('Plan of pipeline “Team”'),
        'the other tab’s plan is not marked',
      );
      expect(reads(), 'the list was read again for a new plan').to.equal(listed);
      // The mark names the pipeline: renamed there, it follows.
      await there.updatePipeline('team', { name: 'Team North' });
      await waitUntil(
        () => textOf(item(el, 'Plan Q4')).includes('Plan of pipeline “Team North”'),
        'the mark kept the old pipeline name',
      );
      expect(reads(), 'the list was read again for a new name').to.equal(listed);
    } finally {
      here.close();
      there.close();
      await deleteDB(name);
    }
  });
});
