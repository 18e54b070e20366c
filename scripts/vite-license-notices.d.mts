import type { Plugin } from 'vite';

/** V8's explicit compile hint comment (see the .mjs). */
export const COMPILE_HINT: string;

/** License notices and SRI hashes for the script-tag files (see the .mjs). */
export function licenseNotices(
  self: { name: string; license: string },
  options?: { compileHints?: boolean },
): Plugin;
