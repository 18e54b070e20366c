// Emulated forced colours (Windows high contrast) for element tests: `emulateMedia` of
// @web/test-runner-commands passes `forcedColors` to Playwright only, so with the Chrome
// launcher this sets the media features through the DevTools protocol, as DevTools' own
// "Emulate CSS media feature forced-colors" does: Chromium then applies a forced palette,
// light or dark after `prefers-color-scheme`.

/** @typedef {import('puppeteer-core').Page} Page */

const sessions = new Map();

export function forcedColorsPlugin() {
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`forced colours need the Chrome launcher, not ${session.browser.type}`);
      }
      const page = /** @type {Page} */ (session.browser.getPage(session.id));
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(session.id, cdp);
      }
      const { active, scheme = 'light' } = payload ?? {};
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'forced-colors', value: active ? 'active' : 'none' },
          { name: 'prefers-color-scheme', value: active ? scheme : '' },
        ],
      });
      return true;
    },
  };
}
