export * from './types.js';
export * from './format.js';
export * from './rates.js';
export * from './messages.js';
export * from './validate.js';
export * from './scenario-error.js';
export * from './presets.js';
export * from './pipeline-stages.js';
