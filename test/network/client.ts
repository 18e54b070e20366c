import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Requests of this page whose URL matches `pattern` (`*` any text, `?` one character) fail as
 * they do offline: the next `times` of them, or all of them until `allowRequests()`.
 */
export async function blockRequests(pattern: string, options: { times?: number } = {}) {
  await executeServerCommand('block-requests', { pattern, times: options.times });
}

/** Lets every request through again. */
export async function allowRequests() {
  await executeServerCommand('block-requests', { allowAll: true });
}
