import type { Plugin } from 'vite';

/** License notices and SRI hashes for the script-tag files (see the .mjs). */
export function licenseNotices(self: { name: string; license: string }): Plugin;
