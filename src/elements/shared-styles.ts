import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * What every element's stylesheet shares: host rules and the built-in defaults behind the shared
 * `--sales-*` tokens. Each element keeps its own public `--sales-<element>-*` names; only the
 * last fallback (the value used when the page sets neither) comes from here, so the four
 * elements look alike out of the box and a default is changed in one place.
 *
 * The `@__PURE__` marks let the bundler drop what an element does not use: <sales-funnel>
 * takes only `hostBase`, and its first load is at its size budget. Rolldown honours the mark on
 * a call only, not on a tagged template: a template that must be droppable is built in a marked
 * call (`hostStyles`; left bare, its unused copy cost the funnel's first load 69 B gzip).
 */

/**
 * Host rules of every element: a block that may shrink in a flex or grid parent, honouring
 * `hidden`, and `theme` setting the host's colour scheme: `light`, `dark`, or `auto` (the
 * visitor's system preference). Without `theme` the host inherits the page's `color-scheme`,
 * as a native control does (a page that declares none is light): every element's colours are
 * `light-dark()` pairs (`PALETTE`) that follow it.
 */
export const hostBase = /* @__PURE__ */ css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
`;

/**
 * `hostBase` plus border-box sizing for the host and everything inside. The reset is set here,
 * not inherited from the host: a page rule such as
 * "* { all: unset }" reaches the host (page rules beat :host) and would make padded inputs,
 * cards and panels overflow.
 */
export const hostStyles = /* @__PURE__ */ (() => css`
  ${hostBase}
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* Read by screen readers, not shown: the live region (Announcer), hidden labels. */
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`)();

/**
 * Forced colours (Windows high contrast): the browser puts the person's palette on HTML
 * colours but drops backgrounds that are a mark's only colour, shadows and gradients, and
 * leaves SVG as drawn, so a chart drawn for a light theme vanishes on a black palette. `rules`
 * restyle those marks in system colours; `vars` (each `!important`: theme and training-mode
 * rules are more specific) map an element's private colours onto system colours for its SVG.
 */
export const forcedColors = (rules: CSSResult, vars: CSSResult = css``): CSSResult => css`
  @media (forced-colors: active) {
    .base {
      ${vars}
    }
    ${rules}
  }
`;

/** Colour strings as CSS values, for interpolation into css`` templates. */
function palette<K extends string>(colours: Record<K, string>): Record<K, CSSResult> {
  const entries = Object.entries<string>(colours).map(([k, v]) => [k, unsafeCSS(v)]);
  return Object.fromEntries(entries) as Record<K, CSSResult>;
}

/** Built-in light defaults of the shared tokens (text colours ≥ 4.5:1 on `surface`). */
export const LIGHT = /* @__PURE__ */ palette({
  surface: '#ffffff',
  surfaceAlt: '#f6f7f9',
  text: '#1f2937',
  muted: '#4b5563',
  accent: '#1d4ed8',
  onAccent: '#ffffff',
  warning: '#b93c0a',
  success: '#047857',
  danger: '#b91c1c',
  border: '#d1d5db',
  /** Where to type: ≥ 3:1 on every surface (WCAG 1.4.11), unlike the dividers' `border`. */
  inputBorder: '#6b7280',
  focus: '#7c3aed',
});

/** Built-in dark defaults of the shared tokens (text colours ≥ 4.5:1 on `surface`). */
export const DARK: typeof LIGHT = /* @__PURE__ */ palette({
  surface: '#111827',
  surfaceAlt: '#1a2332',
  text: '#f3f4f6',
  muted: '#cbd5e1',
  accent: '#60a5fa',
  onAccent: '#0b1220',
  warning: '#fb923c',
  success: '#34d399',
  danger: '#fca5a5',
  border: '#4b5563',
  inputBorder: '#8b95a5',
  focus: '#c4b5fd',
});

type Token = keyof typeof LIGHT;

/** `light-dark(light, dark)` for each shared token, from `LIGHT` and `DARK`. */
function pairs(): typeof LIGHT {
  const keys = Object.keys(LIGHT) as Token[];
  return palette(
    Object.fromEntries(keys.map((k) => [k, `light-dark(${LIGHT[k]}, ${DARK[k]})`])) as Record<
      Token,
      string
    >,
  );
}

/**
 * Each shared token's built-in `light-dark(light, dark)` pair: the host's colour scheme (the
 * page's, or `theme`'s in `hostBase`) picks one where the colour is used. Built in one pure
 * call, so a bundle that does not use it (the funnel's) drops it.
 */
export const PALETTE: typeof LIGHT = /* @__PURE__ */ pairs();
