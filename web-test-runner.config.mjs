import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { twoTabsPlugin } from './test/two-tabs/plugin.mjs';
import { forcedColorsPlugin } from './test/forced-colors/plugin.mjs';
import { syncPlugin } from './test/sync/plugin.mjs';
import { ssrPlugin } from './test/ssr/plugin.mjs';
import { networkPlugin } from './test/network/plugin.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter(Boolean);
const executablePath = candidates.find((p) => existsSync(p));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const summaryFile = process.env.WTR_SUMMARY_FILE ?? '/dev/null';

/** Writes one plain closing line, `N passed, N failed, N skipped`, for CI logs (scripts/test.sh prints it). */
function closingLine() {
  return {
    stop({ sessions }) {
      const count = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) count.skipped += 1;
          else if (t.passed) count.passed += 1;
          else count.failed += 1;
        }
        suite.suites.forEach(walk);
      };
      let brokenFiles = 0;
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (!s.passed && (!s.testResults || s.errors?.length)) brokenFiles += 1;
      }
      count.failed += brokenFiles;
      writeFileSync(
        summaryFile,
        `Tests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
      );
    },
  };
}

export default {
  reporters: [defaultReporter(), closingLine()],
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One test file at a time: Chromium paints only the page in front, so ResizeObserver, rAF and
  // real pointer input stall in a second, background page. The whole suite still takes < 1 min.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
    twoTabsPlugin(),
    forcedColorsPlugin(),
    syncPlugin(),
    ssrPlugin(),
    networkPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          ...(isRoot ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
          // Test files run side by side in tabs; a background tab must not be throttled.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
