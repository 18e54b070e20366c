import type { Lang, Scenario } from '../../../model/types.js';
import { enteringCounts } from '../../../sim/project.js';
import type { FunnelSource } from './funnel-model.js';
import { bestPayoff } from './payoff.js';

/**
 * A scenario as a data set: its projected counts (how many enter each stage), what its won
 * stage earns and what pays off most. The element loads this with the first scenario it reads
 * (`scenario`, a preset, a compared scenario, a pipeline's plan): a chart of stage counts never
 * projects anything.
 */
export function fromScenario(scenario: Scenario, lang: Lang): FunnelSource {
  // What `projectUnchecked` projects, without the rest of its figures (costs, lifetime value).
  const flow = enteringCounts(scenario);
  const won = flow[scenario.wonStage + 1] ?? 0;
  return {
    names: scenario.stages.map((s) => s.names?.[lang] ?? s.name),
    values: flow.slice(0, -1),
    projected: {
      scenario,
      won,
      revenue: won * scenario.dealValue,
      payoff: (points) => bestPayoff(scenario, points),
    },
  };
}
