// Run by scripts/ssr-check.mjs (which bundles the elements first): each element rendered on a
// server, with no DOM but Lit's minimal shim, as declarative shadow DOM.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

await import(pathToFileURL(process.env.SALES_SSR_BUNDLE).href);

const ssr = (template) => collectResult(render(template));
const STAGES = JSON.stringify([
  { name: 'Leads', value: 1200 },
  { name: 'Offers', value: 300 },
  { name: 'Won', value: 61 },
]);
/** The markup of the element's declarative shadow root, without Lit's comment markers. */
function shadowOf(out, tag) {
  const open = new RegExp(`<${tag}[^>]*>\\s*<template shadowroot(?:mode)?="open"[^>]*>`).exec(out);
  assert.ok(open, `<${tag}> has no declarative shadow root`);
  return out.slice(open.index + open[0].length).replace(/<!--[^>]*-->/g, '');
}
const count = (text, pattern) => (text.match(pattern) ?? []).length;

test('<sales-funnel stages> renders its whole chart and data table', async () => {
  const out = shadowOf(
    await ssr(html`<sales-funnel stages=${STAGES}></sales-funnel>`),
    'sales-funnel',
  );
  assert.match(out, /part="base"/);
  assert.match(out, /<svg[^>]*role="img"|<svg/);
  assert.equal(count(out, /part="stage[" ]/g), 3, 'one band per stage');
  assert.match(out, /<table[^>]*part="table"/);
  for (const cell of ['Leads', 'Offers', 'Won', '1,200', '300', '61']) {
    assert.match(out, new RegExp(`<t[dh][^>]*>\\s*${cell}\\s*</t[dh]>`), `table cell ${cell}`);
  }
});

test('<sales-funnel lang="es"> renders in Spanish on the server too', async () => {
  const out = shadowOf(
    await ssr(html`<sales-funnel lang="es" stages=${STAGES}></sales-funnel>`),
    'sales-funnel',
  );
  assert.match(out, /Datos del embudo/);
  assert.match(out, /<th[^>]*>\s*Etapa\s*<\/th>/);
});

for (const [tag, template] of [
  ['sales-pipeline', html`<sales-pipeline no-sample></sales-pipeline>`],
  ['sales-simulator', html`<sales-simulator></sales-simulator>`],
  ['sales-workspace', html`<sales-workspace no-sample></sales-workspace>`],
]) {
  test(`<${tag}> renders its base part and a visible placeholder`, async () => {
    const out = shadowOf(await ssr(template), tag);
    assert.match(out, /part="base/);
    const text = out.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
    assert.match(text, /\p{L}{3,}/u, 'some visible text');
  });
}
