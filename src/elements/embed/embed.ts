/**
 * `dist/embed.html`: one `<sales-funnel>` from the page's URL, for hosts that allow an iframe but
 * not a script (WordPress without `unfiltered_html`, Notion, Webflow's free plan). The query's
 * `preset`, `stages`, `lang` and `theme`, and `#scenario=` in the hash, become the element's
 * attributes, so they are read and reported exactly as attributes are (a bad value: a message
 * in place). On load and on every resize the page posts `{ type: 'sales-funnel:resize',
 * height }` to its parent, which may size the iframe to it.
 */
import { toLang } from '../../model/format.js';
import '../sales-funnel/define.js';
import type { SalesFunnel } from '../sales-funnel/sales-funnel.js';

/** The query parameters the embed passes on as attributes. */
const ATTRIBUTES = ['preset', 'stages', 'lang', 'theme', 'orientation', 'shape', 'currency'];
const NOTHING_GIVEN: Record<string, string> = {
  en: 'Nothing to draw: add ?preset=…, ?stages=[…] or #scenario={…} to the address.',
  es: 'Nada que dibujar: añada ?preset=…, ?stages=[…] o #scenario={…} a la dirección.',
};

/** `#scenario=…` of the address, decoded; `undefined` when there is none. */
function scenarioFromHash(hash: string): string | undefined {
  const match = /^#scenario=(.*)$/s.exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // Not valid percent-encoding: handed on as it is, so the element says what is wrong.
    return match[1];
  }
}

function show(funnel: SalesFunnel, message: HTMLParagraphElement): void {
  const query = new URLSearchParams(location.search);
  for (const name of ATTRIBUTES) {
    const value = query.get(name);
    if (value === null) funnel.removeAttribute(name);
    else funnel.setAttribute(name, value);
  }
  const scenario = scenarioFromHash(location.hash);
  if (scenario === undefined) funnel.removeAttribute('scenario');
  else funnel.setAttribute('scenario', scenario);
  // As the element reads it: `es-MX` is Spanish too.
  const lang = toLang(query.get('lang'));
  document.documentElement.lang = lang;
  const given = ['preset', 'stages'].some((n) => query.has(n)) || scenario !== undefined;
  message.hidden = given;
  message.textContent = NOTHING_GIVEN[lang];
  // With nothing given the message says it all (the chart's own "No stages" would repeat it).
  funnel.style.display = given ? '' : 'none';
}

function postHeight(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  // The height is no secret, and the embedding page's origin is not known in advance.
  parent.postMessage({ type: 'sales-funnel:resize', height }, '*');
}

const funnel = document.createElement('sales-funnel');
const message = document.createElement('p');
message.className = 'embed-message';
message.setAttribute('role', 'status');
show(funnel, message);
document.body.append(message, funnel);
addEventListener('hashchange', () => show(funnel, message));
new ResizeObserver(postHeight).observe(document.documentElement);
void funnel.updateComplete.then(postHeight);
