import '../src/elements/sales-pipeline/define.js';
import type { Lang } from '../src/model/types.js';

const TEXT: Record<Lang, Record<string, string>> = {
  en: {
    title: 'Pipeline board',
    tagline:
      'Your deals by stage, saved in this browser. Drag a card, or use the keyboard: Space picks it up, arrows move it, Space drops it.',
    embed: 'Embed',
    moved: 'Last move: {title}.',
  },
  es: {
    title: 'Tablero de oportunidades',
    tagline:
      'Sus oportunidades por etapa, guardadas en este navegador. Arrastre una tarjeta o use el teclado: Espacio la levanta, las flechas la mueven y Espacio la suelta.',
    embed: 'Código',
    moved: 'Último movimiento: {title}.',
  },
};

// The self-contained build of every element, copied next to the page (no third-party host).
const SNIPPET = `<script type="module" src="sales-elements.js"></script>
<sales-pipeline pipeline="default" stale-days="21"></sales-pipeline>`;

const board = document.querySelector('sales-pipeline')!;
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

// Screenshots can force a theme (?theme=dark) and a board of its own (?pipeline=…).
const theme = params.get('theme');
if (theme === 'dark' || theme === 'light') board.theme = theme;
const pipeline = params.get('pipeline');
if (pipeline) board.pipeline = pipeline;

board.addEventListener('deal-moved', (e) => {
  document.querySelector('#moved')!.textContent = TEXT[lang].moved.replace(
    '{title}',
    e.detail.deal.title,
  );
});

document.querySelector('#snippet')!.textContent = SNIPPET;
render();

// ?sample loads the sample pipeline once the board is ready (for screenshots and trainings).
if (params.has('sample')) {
  void board.updateComplete.then(async () => {
    await board.load();
    await board.loadSample();
  });
}
