export * from './types.js';
export * from './format.js';
