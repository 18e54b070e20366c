#!/usr/bin/env node
// The iframe embed as a host page uses it (after `npm run build`): the README's host snippet on
// one origin, `dist/embed.html` from another, in headless Chromium. Fails (exit 1) unless a
// preset draws, `lang` and `#scenario=` apply, bad input shows a visible message (never a blank
// page), and the frame posts its height so the snippet resizes the iframe to it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchChromium, root } from '../bench/lib.mjs';
import { serveDist } from './serve-dist.mjs';

/** The README's host snippet (the html block with the iframe), pointed at `src`. */
function hostPage(src) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```html\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((b) => b.includes('<iframe') && b.includes('sales-funnel:resize'));
  assert.ok(block, 'README.md has the iframe host snippet');
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${block.replace(
    /src="[^"]*embed\.html[^"]*"/,
    `src="${src}"`,
  )}</body></html>`;
}

const { server, cdn, pageUrl, setPage } = await serveDist();
const browser = await launchChromium();

/** Opens the host page with the embed at `query`; resolves with the page, frame and iframe. */
async function open(query) {
  setPage(hostPage(`${cdn}embed.html${query}`));
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pageUrl);
  const iframe = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  return { page, iframe, frame, errors };
}

/** The iframe's height once the snippet has applied a posted height (it starts otherwise). */
async function resizedHeight(page) {
  await page.waitForFunction(() => /px$/.test(document.querySelector('iframe').style.height));
  return page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
}

test('?preset= draws the funnel, and the host resizes the iframe to it', async () => {
  const { page, frame, errors } = await open('?preset=saas-b2b&lang=en');
  await frame.locator('sales-funnel svg').first().waitFor();
  const height = await resizedHeight(page);
  const content = await frame
    .locator('html')
    .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  assert.ok(height > 150, `iframe height ${height}`);
  assert.ok(Math.abs(height - content) <= 1, `iframe ${height} px for ${content} px of content`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('?stages= with lang=es, and #scenario=', async () => {
  const stages = encodeURIComponent(
    '[{"name":"Visitas","value":1000},{"name":"Ventas","value":40}]',
  );
  const es = await open(`?stages=${stages}&lang=es`);
  await es.frame.locator('sales-funnel svg').first().waitFor();
  // The data table's cell, in Spanish ("Etapa" heads the stage column).
  await es.frame.locator('sales-funnel td, sales-funnel th').getByText('Ventas').first().waitFor();
  await es.frame.locator('sales-funnel th').getByText('Etapa').first().waitFor();
  await es.page.close();
  const scenario = encodeURIComponent(
    '{"leads":500,"dealValue":100,"stages":[{"name":"Contact","rate":0.5},{"name":"Close","rate":0.2}]}',
  );
  const sc = await open(`#scenario=${scenario}`);
  await sc.frame.locator('sales-funnel svg').first().waitFor();
  await sc.frame.locator('sales-funnel th, sales-funnel td').getByText('Contact').first().waitFor();
  await sc.page.close();
});

test('bad input shows a visible message, never a blank page', async () => {
  const bad = await open('?stages=not-json&theme=blue');
  const errors = bad.frame.locator('sales-funnel [part~="error"]');
  await errors.filter({ hasText: 'stages' }).first().waitFor();
  await errors.filter({ hasText: 'theme' }).first().waitFor();
  assert.ok((await resizedHeight(bad.page)) > 20);
  await bad.page.close();
  const empty = await open('');
  assert.match(await empty.frame.locator('.embed-message').innerText(), /preset/);
  // Said once: the chart (its own "No stages to show.") is not shown beside it.
  assert.equal(await empty.frame.locator('sales-funnel').isVisible(), false);
  assert.ok((await resizedHeight(empty.page)) > 20);
  await empty.page.close();
  // A regional tag is the language the element speaks too.
  const mexico = await open('?lang=es-MX');
  assert.match(await mexico.frame.locator('.embed-message').innerText(), /^Nada que dibujar/);
  await mexico.page.close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
