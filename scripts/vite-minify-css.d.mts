// Types for scripts/vite-minify-css.mjs (a plain ES module, so Node runs it as it is).
import type { Plugin } from 'vite';

/** One static piece of a css`` template, minified. */
export function minifyCssText(text: string): string;
/** `code` with every css`…` template's CSS minified, interpolations untouched. */
export function minifyCssTemplates(code: string): string;
/** The Vite plugin: minifies css`` templates in `src/**`. */
export function minifyCss(): Plugin;
