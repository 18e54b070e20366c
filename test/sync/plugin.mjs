// Team sync for browser tests: sync servers the test starts and stops (the real
// `scripts/sync-server.ts`, on 127.0.0.1 and a free port, its SQLite file in a temporary
// folder), and peers: pages in browser contexts of their own (separate storage, as another
// person's browser), driven like the two-tab harness's tab B. Every answer is the resolved
// promise of what was asked; nothing waits for time.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOOPBACK = new Set(['localhost', '127.0.0.1']);
const PEER_PAGE = '/test/sync/peer.html';

/** Servers by id: { child, port, dir, secret }. */
const servers = new Map();
/** Peers by id: { context, page }. */
const peers = new Map();
let next = 0;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function launch(server) {
  const env = {
    ...process.env,
    PORT: String(server.port),
    SYNC_DB: join(server.dir, 'sync.sqlite'),
  };
  if (server.secret) env.SYNC_SECRET = server.secret;
  else delete env.SYNC_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sync-server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.child = child;
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      out += chunk.toString();
      if (out.includes('sync server on ws://127.0.0.1:')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`sync server exited (${code}): ${out}`)));
  });
}

function stopChild(server) {
  const child = server.child;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function startServer({ secret } = {}) {
  const id = `s${(next += 1)}`;
  const server = {
    port: await freePort(),
    dir: await mkdtemp(join(tmpdir(), 'sync-wtr-')),
    secret,
  };
  servers.set(id, server);
  await launch(server);
  return { id, url: `ws://127.0.0.1:${server.port}` };
}

async function stopServer({ id }) {
  const server = servers.get(id);
  servers.delete(id);
  if (!server) return true;
  await stopChild(server);
  await rm(server.dir, { recursive: true, force: true });
  return true;
}

/** The same port and SQLite file: what a restart of the service does. */
async function restartServer({ id }) {
  const server = servers.get(id);
  await stopChild(server);
  await launch(server);
  return true;
}

async function openPeer(session) {
  const tabA = session.browser.getPage(session.id);
  const url = new URL(PEER_PAGE, tabA.url());
  if (!LOOPBACK.has(url.hostname)) throw new Error(`refusing to open ${url.origin}`);
  const context = await tabA.browser().createBrowserContext();
  const page = await context.newPage();
  const id = `p${(next += 1)}`;
  peers.set(id, { context, page, session: session.id });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(url.href, { waitUntil: 'load' });
  const ready = await page.evaluate(() => typeof window.peer?.run === 'function');
  if (!ready) throw new Error(`peer did not start: ${errors.map(String).join('; ')}`);
  // The test page stays in front: Chromium gives background pages no frames.
  await tabA.bringToFront();
  return { id };
}

async function runPeer({ id, op, args }) {
  const peer = peers.get(id);
  if (!peer) throw new Error(`no peer ${id}`);
  const value = await peer.page.evaluate((o, a) => window.peer.run(o, a), op, args ?? {});
  return { value };
}

async function closePeer({ id }) {
  const peer = peers.get(id);
  peers.delete(id);
  if (peer) await peer.context.close();
  return true;
}

/** A token from `npm run sync-token`'s script, for a server started with `secret`. */
function makeToken({ secret, room, role }) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/sync-token.ts', room, role ?? 'editor'],
      { env: { ...process.env, SYNC_SECRET: secret }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out))));
  });
}

/** Commands `sync-server-start|stop|restart`, `sync-token`, `sync-peer-open|run|close`. */
export function syncPlugin() {
  return {
    name: 'team-sync',
    async executeCommand({ command, payload, session }) {
      if (command === 'sync-server-start') return startServer(payload);
      if (command === 'sync-server-stop') return stopServer(payload);
      if (command === 'sync-server-restart') return restartServer(payload);
      if (command === 'sync-token') return makeToken(payload);
      if (command === 'sync-peer-open') {
        if (session.browser.type !== 'puppeteer') throw new Error('peers need the Chrome launcher');
        return openPeer(session);
      }
      if (command === 'sync-peer-run') return runPeer(payload);
      if (command === 'sync-peer-close') return closePeer(payload);
      return undefined;
    },
    async serverStop() {
      for (const id of [...peers.keys()]) await closePeer({ id });
      for (const id of [...servers.keys()]) await stopServer({ id });
    },
  };
}
