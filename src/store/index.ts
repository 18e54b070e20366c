export * from './repository.js';
export { openRepository, type OpenRepositoryOptions } from './open.js';
export * from './errors.js';
export type { SavedScenario, PipelineExport } from './records.js';
export { createMemoryRepository } from './memory-repository.js';
export {
  createIdbRepository,
  channelNameFor,
  type IdbRepositoryOptions,
} from './idb-repository.js';
export type { RepositoryOptions } from './core.js';
export { openDatabase, type OpenDatabaseOptions, type IdbFactoryLike } from './db.js';
export { DB_VERSION, DEFAULT_DB_NAME, UPGRADES, type SalesDB } from './schema.js';
export { DEFAULT_STAGES, stagesFromPreset } from './defaults.js';
export { isUntouchedSample } from './sample-load.js';
export * from './csv.js';
export * from './transfer.js';
