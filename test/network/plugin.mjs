// Requests that fail as they do offline or after a deploy removed a chunk, for tests of what an
// element does when a part it loads on first use never arrives: `block-requests` makes the test
// page's requests whose URL matches one of `patterns` (DevTools' `*` wildcards) fail, through the
// DevTools protocol (DevTools' own "Block request URL"); an empty list lets everything through.

/** @typedef {import('puppeteer-core').Page} Page */

const sessions = new Map();

export function networkPlugin() {
  return {
    name: 'block-requests-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'block-requests') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`blocking requests needs the Chrome launcher, not ${session.browser.type}`);
      }
      const page = /** @type {Page} */ (session.browser.getPage(session.id));
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        sessions.set(session.id, cdp);
      }
      await cdp.send('Network.setBlockedURLs', { urls: payload?.patterns ?? [] });
      return true;
    },
  };
}
