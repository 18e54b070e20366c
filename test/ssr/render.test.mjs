// Run by scripts/ssr-check.mjs (which bundles the elements first): each element rendered on a
// server, with no DOM but Lit's minimal shim, as declarative shadow DOM.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const { renderFunnelSvg, getPreset } = await import(
  pathToFileURL(process.env.SALES_SSR_BUNDLE).href
);

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
  // Each band's shade (first stage's colour to the last's) is in the HTML, not left to a script.
  const shades = [...out.matchAll(/<path\b[^>]*part="stage"[^>]*>/g)].map(
    ([tag]) => /style="--_t:([\d.]+)"/.exec(tag)?.[1],
  );
  assert.deepEqual(shades, ['0', '0.5', '1']);
  // What the browser's first update lays out with, to hydrate the server's DOM as it is.
  assert.match(out, /<div class="base" part="base" data-char-width="\d+(\.\d)?"/);
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

/** A scenario given whole (a preset's, written out as a page would pass it). */
const SCENARIO = getPreset('pipeline-7').scenario;

for (const [what, template] of [
  ['preset', html`<sales-funnel preset="saas-b2b"></sales-funnel>`],
  ['scenario', html`<sales-funnel scenario=${JSON.stringify(SCENARIO)}></sales-funnel>`],
]) {
  test(`<sales-funnel ${what}> renders its whole chart and data table on the server`, async () => {
    const out = shadowOf(await ssr(template), 'sales-funnel');
    const stages = what === 'preset' ? getPreset('saas-b2b').scenario.stages : SCENARIO.stages;
    assert.equal(count(out, /part="stage[" ]/g), stages.length, 'one band per stage');
    assert.equal(count(out, /<tr>/g), stages.length + 1, 'a table row per stage, and the head');
    for (const { name } of stages) {
      assert.match(out, new RegExp(`<th scope="row">\\s*${name}\\s*</th>`), `row ${name}`);
    }
  });
}

/** The bands' outlines and the label lines, as the element or the SVG file draws them. */
function drawing(markup) {
  const bands = [...markup.matchAll(/<path\b([^>]*)>/g)]
    .map(([, attrs]) => attrs)
    .filter((attrs) => /part="stage"/.test(attrs) || /fill="(?!none)/.test(attrs))
    .map((attrs) => /\bd="([^"]+)"/.exec(attrs)[1]);
  // A line is a tspan in the file, a text of its own in the element.
  const lines = [...markup.matchAll(/<(tspan|text)\b[^>]*>([^<]*)<\/\1>/g)].map(([, , t]) =>
    t.trim(),
  );
  return { bands, lines };
}

for (const [what, template, data, options] of [
  ['stage counts', html`<sales-funnel stages=${STAGES}></sales-funnel>`, JSON.parse(STAGES), {}],
  [
    'a scenario, in Spanish',
    html`<sales-funnel lang="es" scenario=${JSON.stringify(SCENARIO)}></sales-funnel>`,
    SCENARIO,
    { lang: 'es' },
  ],
  [
    'a preset, curved and horizontal',
    html`<sales-funnel preset="saas-b2b" shape="curved" orientation="horizontal"></sales-funnel>`,
    getPreset('saas-b2b').scenario,
    { shape: 'curved', orientation: 'horizontal' },
  ],
]) {
  test(`renderFunnelSvg draws what the server-rendered element draws: ${what}`, async () => {
    const out = shadowOf(await ssr(template), 'sales-funnel');
    // 480 px: the width the element lays out at where there is no box to measure.
    const svg = renderFunnelSvg(data, { ...options, width: 480 });
    assert.ok(drawing(out).bands.length > 0);
    assert.deepEqual(drawing(svg), drawing(out));
  });
}

test('renderFunnelSvg refuses bad input in Node, naming the field, in the given language', () => {
  assert.throws(() => renderFunnelSvg([{ name: 'A', value: -1 }]), {
    name: 'FunnelSvgError',
    field: 'data',
    message: /data\[0\]\.value/,
  });
  assert.throws(() => renderFunnelSvg({ ...SCENARIO, leads: 'many' }, { lang: 'es' }), {
    field: 'data',
    message: /data\.leads debe ser un número/,
  });
  assert.throws(() => renderFunnelSvg(JSON.parse(STAGES), { orientation: 'diagonal' }), {
    field: 'orientation',
    message: /orientation must be one of vertical, horizontal, not “diagonal”/,
  });
});

test('<sales-pipeline> on a server says it is loading and renders no control that does nothing yet', async () => {
  const out = shadowOf(
    await ssr(html`<sales-pipeline no-sample></sales-pipeline>`),
    'sales-pipeline',
  );
  assert.match(out, /Loading the pipeline…/);
  // A checkbox rendered there showed as ticked (`checked="false"`) before the page's script ran.
  assert.doesNotMatch(out, /<(input|button|select)\b/);
});

for (const [tag, template] of [
  ['sales-pipeline', html`<sales-pipeline no-sample></sales-pipeline>`],
  ['sales-simulator', html`<sales-simulator></sales-simulator>`],
  ['sales-workspace', html`<sales-workspace no-sample></sales-workspace>`],
  ['sales-forecast', html`<sales-forecast></sales-forecast>`],
]) {
  test(`<${tag}> renders its base part and a visible placeholder`, async () => {
    const out = shadowOf(await ssr(template), tag);
    assert.match(out, /part="base/);
    const text = out.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
    assert.match(text, /\p{L}{3,}/u, 'some visible text');
  });
}
