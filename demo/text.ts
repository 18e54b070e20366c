import type { Lang } from '../src/model/types.js';

/** The demo page's own texts (the elements carry theirs). `{name}` placeholders are filled in. */
export const TEXT = {
  en: {
    title: 'sales-funnel — funnel chart, pipeline board and what-if simulator',
    skip: 'Skip to content',
    tagline: 'Sales funnel components for any web page',
    navLabel: 'Demo sections',
    langLabel: 'Language',
    themeLabel: 'Theme',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeSystem: 'System',
    navWorkspace: 'Workspace',
    navSimulator: 'Simulator',
    navGallery: 'Funnel gallery',
    navEmbed: 'Embed',

    workspaceTitle: 'Your pipeline: board, funnel and simulator',
    workspaceLead:
      'Deals live in this browser only (IndexedDB); nothing is sent anywhere. The three views share one pipeline, so they always agree.',
    stepsTitle: 'Try it in three steps',
    step1: 'Press “Load sample pipeline” for 300 realistic deals over the last two quarters.',
    step2:
      'On the Board, drag a card to another stage, or focus it and press Space, the arrows, then Space.',
    step3:
      'Open Funnel to see how many deals reached each stage, and Simulator to plan from the real conversion rates.',

    simulatorTitle: 'Plan and teach with what-if scenarios',
    simulatorLead:
      'Pick a preset, move a rate or the lead volume, and see at once how many sales close and which stage is worth improving first.',
    presenting: 'Training mode',
    calibrate: 'Use the workspace pipeline',
    calibrating: 'Reading the workspace pipeline…',
    calibrated: 'Rates now come from the workspace pipeline ({count} deals).',
    simulatorTips:
      'In training mode the stages appear one by one and + / − nudge the selected rate. “Share as link” puts the scenario in the address: send it and it opens as you left it.',
    changed: 'Scenario changed: {won} expected won deals.',

    galleryTitle: 'Funnel gallery',
    galleryLead:
      'Every built-in preset, a comparison with the previous quarter, a horizontal funnel, a branded one and the dark theme. Each shows the exact markup that draws it.',
    selected: 'Selected: {stage}',

    embedTitle: 'Put it on your site',
    embedLead:
      'Build once with npm run build, copy dist/sales-funnel.js (the funnel alone) or dist/sales-elements.js (every element) next to your page and add one script tag; then paste any element below. Spanish follows the page’s lang attribute.',
    scriptTitle: 'Once per page',
    seeLive: 'See it live',
    embedWorkspace: 'Board, funnel and simulator on one pipeline, with tabs and a sample loader.',
    embedPipeline:
      'The deal board alone: drag, keyboard moves, import and export, kept in IndexedDB.',
    embedSimulator: 'The what-if planner: rates, ranking of improvements, targets, uncertainty.',
    embedFunnel:
      'The funnel chart: from observed counts, a scenario, a preset or a stored pipeline.',

    code: 'Embed code',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Select the code and copy it by hand.',
    footer:
      'Open source, no server, no tracking. Keyboard: Tab moves between controls; in the funnel the arrow keys move between stages.',
  },
  es: {
    title: 'sales-funnel — embudo, tablero de oportunidades y simulador',
    skip: 'Saltar al contenido',
    tagline: 'Componentes de embudo de ventas para cualquier web',
    navLabel: 'Secciones de la demo',
    langLabel: 'Idioma',
    themeLabel: 'Tema',
    themeLight: 'Claro',
    themeDark: 'Oscuro',
    themeSystem: 'Sistema',
    navWorkspace: 'Espacio de trabajo',
    navSimulator: 'Simulador',
    navGallery: 'Galería de embudos',
    navEmbed: 'Insertar',

    workspaceTitle: 'Su flujo de ventas: tablero, embudo y simulador',
    workspaceLead:
      'Las oportunidades se guardan solo en este navegador (IndexedDB); no se envía nada. Las tres vistas comparten un mismo flujo de ventas, así que siempre coinciden.',
    stepsTitle: 'Pruébelo en tres pasos',
    step1:
      'Pulse «Cargar flujo de ventas de ejemplo» para tener 300 oportunidades realistas de los dos últimos trimestres.',
    step2:
      'En el Tablero, arrastre una tarjeta a otra etapa, o enfóquela y pulse Espacio, las flechas y Espacio.',
    step3:
      'Abra Embudo para ver cuántas llegaron a cada etapa, y Simulador para planificar con las tasas de conversión reales.',

    simulatorTitle: 'Planifique y enseñe con escenarios',
    simulatorLead:
      'Elija un escenario, mueva una tasa o el volumen de leads y vea al momento cuántas ventas se cierran y qué etapa conviene mejorar primero.',
    presenting: 'Modo formación',
    calibrate: 'Usar el flujo de ventas del espacio de trabajo',
    calibrating: 'Leyendo el flujo de ventas del espacio de trabajo…',
    calibrated:
      'Las tasas salen ahora del flujo de ventas del espacio de trabajo ({count} oportunidades).',
    simulatorTips:
      'En modo formación las etapas aparecen una a una y + / − ajustan la tasa elegida. «Compartir enlace» guarda el escenario en la dirección: envíela y se abre tal como lo dejó.',
    changed: 'Escenario cambiado: {won} ventas ganadas esperadas.',

    galleryTitle: 'Galería de embudos',
    galleryLead:
      'Todos los escenarios predefinidos, una comparación con el trimestre anterior, un embudo horizontal, uno con la marca de la empresa y el tema oscuro. Cada uno muestra el código exacto que lo dibuja.',
    selected: 'Seleccionada: {stage}',

    embedTitle: 'Póngalo en su web',
    embedLead:
      'Compile una vez con npm run build, copie dist/sales-funnel.js (solo el embudo) o dist/sales-elements.js (todos los elementos) junto a su página y añada una etiqueta script; después pegue cualquiera de estos elementos. El español sigue el atributo lang de la página.',
    scriptTitle: 'Una vez por página',
    seeLive: 'Verlo en marcha',
    embedWorkspace:
      'Tablero, embudo y simulador sobre un mismo flujo de ventas, con pestañas y carga de un ejemplo.',
    embedPipeline:
      'Solo el tablero: arrastrar, mover con el teclado, importar y exportar, guardado en IndexedDB.',
    embedSimulator:
      'El planificador de escenarios: tasas, qué mejora rinde más, objetivos e incertidumbre.',
    embedFunnel:
      'El gráfico de embudo: con cantidades observadas, un escenario, uno predefinido o un flujo de ventas guardado.',

    code: 'Código para insertar',
    copy: 'Copiar',
    copied: 'Copiado al portapapeles.',
    copyFailed: 'Seleccione el código y cópielo a mano.',
    footer:
      'Código abierto, sin servidor y sin rastreo. Teclado: Tab recorre los controles; en el embudo las flechas pasan de una etapa a otra.',
  },
} satisfies Record<Lang, Record<string, string>>;

export type TextKey = keyof (typeof TEXT)['en'];
