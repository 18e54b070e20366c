#!/usr/bin/env node
// Does the board's search worker start from the script-tag build on another origin? After
// `npm run build`: node bench/faults/worker-origin.mjs. `dist/sales-elements.js` is served as a
// CDN would (localhost, CORS) to a page on 127.0.0.1, once with no policy and once with a
// Content-Security-Policy whose worker-src refuses blob:; a board of 6,000 sample deals is
// searched in each. Prints a table: the worker's URL scheme, the cards found, the console note.
import { launchChromium, markdownTable } from '../lib.mjs';
import { serveDist } from '../../scripts/serve-dist.mjs';

const { server, cdn, pageUrl, setPage } = await serveDist();
const browser = await launchChromium();
const CASES = [
  { name: 'no policy', policy: '' },
  {
    name: "worker-src 'self' (refuses blob:)",
    policy: `default-src 'self' ${new URL(cdn).origin}; worker-src 'self'; style-src 'self' 'unsafe-inline'`,
  },
];
const rows = [['page', 'worker started from', 'search found', 'console note']];
try {
  for (const { name, policy } of CASES) {
    setPage(`<!doctype html><html lang="en"><head><meta charset="utf-8">
${policy ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ''}
<script type="module" src="${cdn}sales-elements.js"></script></head>
<body><sales-pipeline pipeline="bench" database="worker-origin" lang="en"></sales-pipeline></body></html>`);
    const page = await browser.newPage();
    const workers = [];
    const notes = [];
    page.on('worker', (w) => workers.push(new URL(w.url()).protocol));
    page.on('console', (m) => m.type() === 'info' && notes.push(m.text()));
    await page.goto(pageUrl);
    await page.waitForFunction(() => customElements.get('sales-pipeline'));
    const found = await page.evaluate(async () => {
      const el = document.querySelector('sales-pipeline');
      await el.updateComplete;
      await el.loadSample({ deals: 6000, seed: 7 });
      await el.updateComplete;
      const search = el.shadowRoot.querySelector('input[type="search"]');
      search.value = 'a';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      return [...el.shadowRoot.querySelectorAll('.count')].map((p) => p.textContent.trim());
    });
    rows.push([name, workers.join(', ') || 'none', found.join(' · '), notes.join(' ') || 'none']);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(markdownTable(rows));
