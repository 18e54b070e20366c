// A chunk that fails to load once, as it does for a visitor whose connection drops: the next
// request whose URL matches `pattern` fails at the network level (through the DevTools
// protocol's Fetch domain, as DevTools' request blocking does); later requests go through.

/** @typedef {import('puppeteer-core').Page} Page */

export function lazyLoadPlugin() {
  return {
    name: 'fail-next-load-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'fail-next-load') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`failing a load needs the Chrome launcher, not ${session.browser.type}`);
      }
      const page = /** @type {Page} */ (session.browser.getPage(session.id));
      const cdp = await page.createCDPSession();
      const { pattern } = payload ?? {};
      cdp.on('Fetch.requestPaused', async ({ requestId }) => {
        await cdp.send('Fetch.failRequest', { requestId, errorReason: 'InternetDisconnected' });
        await cdp.detach();
      });
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: pattern }] });
      return true;
    },
  };
}
