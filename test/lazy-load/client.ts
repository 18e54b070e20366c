import { executeServerCommand } from '@web/test-runner-commands';

/** The next request whose URL matches `pattern` (`*` any text) fails, as offline; later ones load. */
export async function failNextLoad(pattern: string): Promise<void> {
  await executeServerCommand('fail-next-load', { pattern });
}
