// Types for scripts/vite-minify-html.mjs (a plain ES module, so Node runs it as it is).
import type { Plugin } from 'vite';

/** `code` with the indentation of every html`…` and svg`…` template taken out. */
export function minifyHtmlTemplates(code: string): string;
/** The Vite plugin: takes the indentation out of html`` and svg`` templates in `src/**`. */
export function minifyHtml(): Plugin;
