import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Turns emulated forced colours on (with a light or dark palette, as `prefers-color-scheme`
 * picks it) or off; resolves once the page's media queries say so.
 */
export async function forcedColors(active: boolean, scheme: 'light' | 'dark' = 'light') {
  await executeServerCommand('forced-colors', { active, scheme });
  if (matchMedia('(forced-colors: active)').matches !== active) {
    throw new Error('forced colours were not emulated');
  }
}
