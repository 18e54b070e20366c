// A second tab for tests that need two pages on one origin (cross-tab sync, races between
// tabs). The test page (tab A) asks through server commands; this plugin drives a second
// real page (tab B) of the same browser with puppeteer: it opens `tab-b.html` from the test
// server itself, runs store operations there and hands back their results, and closes it.
// Only the page's own origin, on this machine's loopback, is ever opened. Nothing waits for
// time: every answer is the resolved promise of tab B's operation.

/** @typedef {import('puppeteer-core').Page} Page */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const HELPER = '/test/two-tabs/tab-b.html';

/** Tab B per test session (one test file runs in one session). */
const tabs = new Map();

/** The puppeteer page of the session's test page (tab A). */
function pageOf(session) {
  if (session.browser.type !== 'puppeteer') {
    throw new Error(`two tabs need the Chrome launcher, not ${session.browser.type}`);
  }
  return /** @type {Page} */ (session.browser.getPage(session.id));
}

async function open(session) {
  if (tabs.has(session.id)) throw new Error('tab B is already open');
  const tabA = pageOf(session);
  const url = new URL(HELPER, tabA.url());
  if (!LOOPBACK.has(url.hostname)) throw new Error(`refusing to open ${url.origin}`);
  const tabB = await tabA.browserContext().newPage();
  tabs.set(session.id, tabB);
  const errors = [];
  tabB.on('pageerror', (e) => errors.push(e));
  // `load` comes after the module script ran, so `window.tabB` is there once this resolves.
  await tabB.goto(url.href, { waitUntil: 'load' });
  const ready = await tabB.evaluate(() => typeof window.tabB?.run === 'function');
  if (!ready)
    throw new Error(`tab B did not start: ${errors.map(String).join('; ') || 'no run()'}`);
  // Tab A stays the page in front: Chromium gives background pages no frames.
  await tabA.bringToFront();
  return true;
}

async function run(session, payload) {
  const tabB = tabs.get(session.id);
  if (!tabB) throw new Error('tab B is not open: call openTabB() first');
  const result = await tabB.evaluate(
    (op, args) => window.tabB.run(op, args),
    payload.op,
    payload.args,
  );
  // Wrapped: a bare `null` or `undefined` would read as "no plugin handled the command".
  return { value: result };
}

async function close(session) {
  const tabB = tabs.get(session.id);
  tabs.delete(session.id);
  if (tabB && !tabB.isClosed()) await tabB.close();
  return true;
}

/**
 * The wtr plugin: commands `two-tabs-open`, `two-tabs-run` ({ op, args } → { value }),
 * `two-tabs-close`.
 */
export function twoTabsPlugin() {
  return {
    name: 'two-tabs',
    async executeCommand({ command, payload, session }) {
      if (command === 'two-tabs-open') return open(session);
      if (command === 'two-tabs-run') return run(session, payload);
      if (command === 'two-tabs-close') return close(session);
      return undefined;
    },
    async serverStop() {
      for (const tabB of tabs.values()) if (!tabB.isClosed()) await tabB.close();
      tabs.clear();
    },
  };
}
