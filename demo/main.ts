import '../src/index.js';
import type { Lang } from '../src/model/types.js';
import { EXAMPLES } from './examples.js';

const TEXT: Record<Lang, Record<string, string>> = {
  en: {
    tagline: 'An embeddable, accessible funnel chart. Paste one script tag and one element.',
    embed: 'Embed',
    footer: 'Keyboard: Tab to the chart, arrow keys move between stages, Enter selects one.',
    selected: 'Selected',
  },
  es: {
    tagline: 'Un gráfico de embudo accesible para insertar. Una etiqueta script y un elemento.',
    embed: 'Código',
    footer:
      'Teclado: Tab hasta el gráfico, flechas para moverse entre etapas, Intro para elegir una.',
    selected: 'Seleccionada',
  },
};

const main = document.querySelector<HTMLElement>('#examples')!;

function render(lang: Lang): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    el.textContent = TEXT[lang][el.dataset.t!] ?? '';
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
  for (const ex of EXAMPLES) {
    const card = document.getElementById(ex.id)!;
    card.querySelector('h2')!.textContent = ex.title[lang];
    card.querySelector('.note')!.textContent = ex.note[lang];
    card.querySelector('summary')!.textContent = TEXT[lang].embed;
  }
}

/** Builds each card once; switching language only changes texts (the funnels follow `lang`). */
function build(): void {
  for (const ex of EXAMPLES) {
    const card = document.createElement('section');
    card.className = ex.wide ? 'card wide' : 'card';
    card.id = ex.id;
    card.innerHTML = `<h2></h2><p class="note"></p><div class="live">${ex.markup}</div>
      <details><summary></summary><pre><code></code></pre></details><p class="status" aria-live="polite"></p>`;
    card.querySelector('code')!.textContent = ex.css
      ? `${ex.markup}\n\n<style>\n${ex.css}\n</style>`
      : ex.markup;
    card.addEventListener('stage-selected', (e) => {
      const lang = document.documentElement.lang as Lang;
      card.querySelector('.status')!.textContent = `${TEXT[lang].selected}: ${e.detail.stage}`;
    });
    main.append(card);
  }
}

build();
const saved = new URLSearchParams(location.search).get('lang');
render(saved === 'es' ? 'es' : 'en');
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  b.addEventListener('click', () => render(b.dataset.lang as Lang));
}
