import * as presets from '../../model/preset-scenarios.js';
import * as scenarioReader from '../../model/validate-scenario.js';
import { preloaded } from './controllers/data-sources.js';
import * as exportMenu from './controllers/export-menu.js';
import * as scenarioSource from './model/scenario-source.js';

/**
 * For server rendering: the parts `<sales-funnel>` loads on first use in a browser (the
 * presets, the scenario reader and projection, the export menu), given at once, so `preset`,
 * `scenario` and `exportable` render their chart in the server's one pass.
 */
preloaded.presets = presets;
preloaded.scenarioReader = scenarioReader;
preloaded.scenarioSource = scenarioSource;
preloaded.exportMenu = exportMenu;
