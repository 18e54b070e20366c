// Requests that fail as they do offline, or after a deploy removed a chunk, for tests of what an
// element does when a part it loads on first use does not arrive. `block-requests` adds a rule:
// the test page's requests whose URL matches `pattern` (DevTools' wildcards: `*` any text, `?`
// one character) fail at the network level, the next `times` of them or, without `times`, all
// of them; `{ allowAll: true }` drops every rule. Through the DevTools protocol's Fetch domain,
// as DevTools' own request blocking does.

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('puppeteer-core').CDPSession} CDPSession */
/** @typedef {{ pattern: string, match: RegExp, left: number }} Rule */

/** Per test page: its DevTools session and its rules, in the order added. */
const pages = new Map();

/** A DevTools URL pattern as a regular expression over the whole URL. */
function patternRegExp(pattern) {
  const parts = [...pattern].map((c) =>
    c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`^${parts.join('')}$`);
}

/** @param {Page} page */
async function blockerOf(page) {
  const cdp = /** @type {CDPSession} */ (await page.createCDPSession());
  /** @type {{ cdp: CDPSession, rules: Rule[] }} */
  const blocker = { cdp, rules: [] };
  cdp.on('Fetch.requestPaused', ({ requestId, request }) => {
    const rule = blocker.rules.find((r) => r.left > 0 && r.match.test(request.url));
    if (rule) rule.left -= 1;
    const answer = rule
      ? cdp
          .send('Fetch.failRequest', { requestId, errorReason: 'InternetDisconnected' })
          .then(() => (rule.left === 0 ? intercept(blocker) : undefined))
      : cdp.send('Fetch.continueRequest', { requestId });
    // A page closed meanwhile (its test file ended) has no request left to answer.
    answer.catch(() => undefined);
  });
  return blocker;
}

/** Pauses only the requests a rule still applies to; none once no rule does. */
async function intercept(blocker) {
  blocker.rules = blocker.rules.filter((r) => r.left > 0);
  if (!blocker.rules.length) {
    await blocker.cdp.send('Fetch.disable');
    return;
  }
  const patterns = blocker.rules.map((r) => ({ urlPattern: r.pattern }));
  await blocker.cdp.send('Fetch.enable', { patterns });
}

export function networkPlugin() {
  return {
    name: 'block-requests-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'block-requests') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`blocking requests needs the Chrome launcher, not ${session.browser.type}`);
      }
      let blocker = pages.get(session.id);
      if (!blocker || blocker.cdp.detached) {
        const page = /** @type {Page} */ (session.browser.getPage(session.id));
        blocker = await blockerOf(page);
        pages.set(session.id, blocker);
      }
      if (payload?.allowAll) {
        blocker.rules = [];
      } else {
        const { pattern, times } = payload ?? {};
        if (typeof pattern !== 'string' || !pattern) throw new Error('block-requests: no pattern');
        const left = times === undefined ? Infinity : times;
        if (!Number.isInteger(left) && left !== Infinity) {
          throw new Error(`block-requests: times must be a whole number, not ${times}`);
        }
        blocker.rules.push({ pattern, match: patternRegExp(pattern), left });
      }
      await intercept(blocker);
      return true;
    },
  };
}
