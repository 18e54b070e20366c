import '../src/elements/sales-simulator/define.js';
import { sampleHistory } from '../src/analytics/sample.js';
import { sharedRepository } from '../src/elements/controllers/repository-controller.js';
import type { Lang } from '../src/model/types.js';
import { formatNumber } from '../src/model/format.js';

const TEXT: Record<Lang, Record<string, string>> = {
  en: {
    title: 'What-if simulator',
    tagline:
      'Change a rate or the lead volume and see at once how many sales close, and which stage to improve first.',
    presenting: 'Training mode',
    sample: 'Calibrate from a sample pipeline',
    embed: 'Embed',
    changed: 'Scenario changed: {won} expected won deals.',
  },
  es: {
    title: 'Simulador de escenarios',
    tagline:
      'Cambie una tasa o el volumen de leads y vea al momento cuántas ventas se cierran y qué etapa conviene mejorar primero.',
    presenting: 'Modo formación',
    sample: 'Calibrar con un embudo de ejemplo',
    embed: 'Código',
    changed: 'Escenario cambiado: {won} ventas esperadas.',
  },
};

const SNIPPET = `<script type="module" src="https://unpkg.com/sales-funnel/dist/sales-funnel.js"></script>
<sales-simulator preset="pipeline-7"></sales-simulator>`;

const sim = document.querySelector('sales-simulator')!;
const params = new URLSearchParams(location.search);
let lang: Lang = params.get('lang') === 'es' ? 'es' : 'en';

function render(): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    el.textContent = TEXT[lang][el.dataset.t!] ?? '';
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
}

for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  b.addEventListener('click', () => {
    lang = b.dataset.lang === 'es' ? 'es' : 'en';
    render();
  });
}

const presenting = document.querySelector<HTMLButtonElement>('#presenting')!;
presenting.addEventListener('click', () => {
  sim.presenting = !sim.presenting;
  presenting.setAttribute('aria-pressed', String(sim.presenting));
});

// Screenshots and trainers can force a theme: ?theme=dark or ?theme=light.
const theme = params.get('theme');
if (theme === 'dark' || theme === 'light') {
  sim.theme = theme;
  document.documentElement.dataset.theme = theme;
}
if (params.has('presenting')) presenting.click();

// The pipeline-calibrated example: a few hundred realistic deals over two quarters, stored
// once in this browser's IndexedDB, then read by the simulator through its `pipeline` attribute.
const sample = document.querySelector<HTMLButtonElement>('#sample')!;
sample.addEventListener('click', async () => {
  sample.disabled = true;
  try {
    const repo = await sharedRepository();
    if (!(await repo.getPipeline('sample'))) {
      const now = Date.now();
      const history = sampleHistory({ seed: 7, now, lang });
      await repo.importPipeline({
        format: 'sales-funnel/pipeline',
        formatVersion: 1,
        exportedAt: now,
        ...history,
      });
    }
    sim.pipeline = 'sample';
  } finally {
    sample.disabled = false;
  }
});
if (params.get('pipeline') === 'sample') sample.click();

sim.addEventListener('scenario-changed', (e) => {
  const won = formatNumber(e.detail.projection.won, lang);
  document.querySelector('#changed')!.textContent = TEXT[lang].changed.replace('{won}', won);
});

document.querySelector('#snippet')!.textContent = SNIPPET;
render();
