export * from './project.js';
export * from './random.js';
export * from './exact.js';
export * from './monte-carlo.js';
export * from './sensitivity.js';
export * from './targets.js';
export * from './won-needed.js';
export * from './timeline.js';
export * from './velocity.js';
export * from './diagnosis.js';
// Re-exported so `sales-funnel/sim` alone still offers the bound `leadsNeeded` searches up to.
export { MAX_LEADS } from '../model/validate.js';
