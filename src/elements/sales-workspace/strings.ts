import type { Lang } from '../../model/types.js';

/** The UI text of `<sales-workspace>`; entries may hold `{name}` placeholders. */
export interface WorkspaceStrings {
  tabsLabel: string;
  tabBoard: string;
  tabFunnel: string;
  tabSimulator: string;
  tabForecast: string;
  funnelHint: string;
  loadSample: string;
  loadingSample: string;
  sampleLoaded: string;
  /** Follows `sampleLoaded` when sample deals the person had changed were kept. */
  sampleKept: string;
  sampleFailed: string;
  /** Name of a pipeline the sample creates. */
  newPipelineName: string;
}

const en: WorkspaceStrings = {
  tabsLabel: 'Pipeline views',
  tabBoard: 'Board',
  tabFunnel: 'Funnel',
  tabSimulator: 'Simulator',
  tabForecast: 'Forecast',
  funnelHint: 'How many deals ever reached each stage and how many were won, live from the board.',
  loadSample: 'Load sample pipeline',
  loadingSample: 'Loading the sample pipeline…',
  sampleLoaded: 'Sample pipeline loaded: {count} deals over the last two quarters.',
  sampleKept: 'Sample deals you had changed, kept as you left them: {kept}.',
  sampleFailed: 'The sample pipeline could not be loaded: {detail}',
  newPipelineName: 'Sales pipeline',
};

const es: WorkspaceStrings = {
  tabsLabel: 'Vistas del flujo de ventas',
  tabBoard: 'Tablero',
  tabFunnel: 'Embudo',
  tabSimulator: 'Simulador',
  tabForecast: 'Previsión',
  funnelHint:
    'Cuántas oportunidades llegaron alguna vez a cada etapa y cuántas se ganaron, en directo desde el tablero.',
  loadSample: 'Cargar flujo de ventas de ejemplo',
  loadingSample: 'Cargando el flujo de ventas de ejemplo…',
  sampleLoaded:
    'Flujo de ventas de ejemplo cargado: {count} oportunidades de los dos últimos trimestres.',
  sampleKept:
    'Oportunidades de ejemplo que usted había modificado, conservadas tal como las dejó: {kept}.',
  sampleFailed: 'No se pudo cargar el flujo de ventas de ejemplo: {detail}',
  newPipelineName: 'Flujo de ventas',
};

export const WORKSPACE_STRINGS: Record<Lang, WorkspaceStrings> = { en, es };

/** The strings for a language with the host's overrides on top. */
export function workspaceStrings(
  lang: Lang,
  overrides?: Partial<WorkspaceStrings>,
): WorkspaceStrings {
  return overrides ? { ...WORKSPACE_STRINGS[lang], ...overrides } : WORKSPACE_STRINGS[lang];
}
