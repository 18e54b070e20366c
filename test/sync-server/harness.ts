import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserLikeWebSocket } from '../../scripts/sync/node-websocket.js';
import { openSyncRepository } from '../../src/store/sync/connect.js';
import type { SyncRepository } from '../../src/store/sync/sync-repository.js';

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sync-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A client in Node: a synced repository on the room, its document in memory only. */
export async function client(
  url: string,
  room: string,
  options: { token?: string; name?: string } = {},
): Promise<SyncRepository> {
  let n = 0;
  const name = options.name ?? 'node';
  return openSyncRepository({
    url,
    room,
    token: options.token,
    persist: false,
    WebSocketPolyfill: BrowserLikeWebSocket,
    newId: () => `${name}-${Date.now().toString(36)}-${(n += 1)}`,
  });
}

/**
 * Resolves once `check` holds, checked now and after every change and notice the repository
 * hears; rejects after `ms` (a safety net: the tests wait for events, not for time).
 */
export function until(
  repo: SyncRepository,
  check: () => Promise<boolean> | boolean,
  what: string,
  ms = 15_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const offs: (() => void)[] = [];
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const off of offs) off();
      if (error) reject(error);
      else resolve();
    };
    const test = () =>
      void Promise.resolve(check()).then(
        (ok) => ok && finish(),
        (e: unknown) => finish(e as Error),
      );
    const timer = setTimeout(() => finish(new Error(`timed out waiting for: ${what}`)), ms);
    offs.push(repo.subscribe(null, test), repo.onNotice(test));
    test();
  });
}

/** Debian's redis-server on loopback, on `port`, keeping nothing on disk. */
export async function startRedis(port: number): Promise<{ stop: () => Promise<void> }> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error('redis-server is missing: apt-get install -y redis-server');
  }
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
