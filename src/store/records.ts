import type { Deal, Pipeline, Scenario, StageEvent } from '../model/types.js';

/** A what-if scenario the simulator saved, optionally tied to a pipeline. */
export interface SavedScenario {
  id: string;
  name: string;
  /** `null` for scenarios that belong to no pipeline. */
  pipelineId: string | null;
  scenario: Scenario;
  createdAt: number;
  updatedAt: number;
}

/** A whole pipeline as a JSON file holds it. */
export interface PipelineExport {
  format: 'sales-funnel/pipeline';
  formatVersion: 1;
  exportedAt: number;
  pipeline: Pipeline;
  deals: Deal[];
  events: StageEvent[];
}
