import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { startSyncServer } from '../../scripts/sync/server.js';
import { signToken } from '../../scripts/sync/tokens.js';
import type { RepositoryNotice } from '../../src/store/repository.js';
import type { SyncRepository } from '../../src/store/sync/sync-repository.js';
import { client, freePort, startRedis, tempDir, until } from './harness.js';

const STAGES = [
  { id: 'a', name: 'A' },
  { id: 'b', name: 'B' },
];
const stageOf = async (repo: SyncRepository, id: string) => (await repo.getDeal(id))?.stageId;
const titles = async (repo: SyncRepository) =>
  (await repo.listDeals('p')).map((d) => d.title).sort();

void describe('sync server (Hocuspocus on 127.0.0.1, SQLite)', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const opened: SyncRepository[] = [];
  const open = async (...args: Parameters<typeof client>) => {
    const repo = await client(...args);
    opened.push(repo);
    return repo;
  };
  before(async () => {
    dir = await tempDir();
  });
  // Each test's clients go with it, so none keeps retrying a stopped server into the next test.
  afterEach(() => {
    for (const repo of opened.splice(0)) repo.close();
  });
  after(async () => {
    await dir.remove();
  });

  void it('listens on loopback only, and two clients converge after concurrent moves, edits and deletes', async () => {
    const { server, close } = await startSyncServer({ port: 0, db: join(dir.dir, 'one.sqlite') });
    try {
      assert.equal(server.address.address, '127.0.0.1');
      const url = `ws://127.0.0.1:${server.address.port}`;
      const ana = await open(url, 'team', { name: 'ana' });
      const ben = await open(url, 'team', { name: 'ben' });
      await ana.createPipeline({ id: 'p', name: 'Team', stages: STAGES });
      const one = await ana.createDeal('p', { title: 'One' });
      const two = await ana.createDeal('p', { title: 'Two' });
      await until(ben, async () => (await titles(ben)).length === 2, 'ben sees both deals');

      const lost: RepositoryNotice[] = [];
      for (const r of [ana, ben]) r.onNotice((n) => n.type === 'move-lost' && lost.push(n));
      await Promise.all([
        ana.moveDeal(one.id, 'b', { expectedVersion: one.version }),
        ben.moveDeal(one.id, 'a', { expectedVersion: one.version, before: null }),
        ben.updateDeal(two.id, { amount: 42 }, two.version),
      ]);
      await ben.deleteDeal(two.id);
      await Promise.all([ana.link!.whenSynced(), ben.link!.whenSynced()]);
      await until(
        ana,
        async () => (await ana.listDeals('p')).length === 1,
        'the delete reaches ana',
      );
      assert.deepEqual(await ana.listDeals('p'), await ben.listDeals('p'));
      assert.deepEqual(await ana.listEvents('p'), await ben.listEvents('p'));
      assert.equal((await ana.listTrash('p'))[0]?.deal.amount, 42);
    } finally {
      await close();
    }
  });

  void it('keeps the data through a restart, and a second room stays apart', async () => {
    const db = join(dir.dir, 'restart.sqlite');
    const first = await startSyncServer({ port: 0, db });
    const port = first.server.address.port;
    const url = `ws://127.0.0.1:${port}`;
    const ana = await open(url, 'kept', { name: 'ana' });
    await ana.createPipeline({ id: 'p', name: 'Team', stages: STAGES });
    await ana.createDeal('p', { title: 'Survives' });
    await ana.link!.whenSynced();
    ana.close();
    await first.close();

    const second = await startSyncServer({ port, db });
    try {
      const ben = await open(url, 'kept', { name: 'ben' });
      await until(ben, async () => (await titles(ben)).length === 1, 'the stored deal');
      assert.deepEqual(await titles(ben), ['Survives']);
      const other = await open(url, 'other-room', { name: 'cy' });
      await other.link!.whenSynced();
      assert.deepEqual(await other.listPipelines(), []);
    } finally {
      await second.close();
    }
  });

  void it('with SYNC_SECRET: refuses a client without a valid token, and a reader cannot write', async () => {
    const secret = 'test-secret';
    const { server, close } = await startSyncServer({
      port: 0,
      db: join(dir.dir, 'auth.sqlite'),
      secret,
    });
    try {
      const url = `ws://127.0.0.1:${server.address.port}`;
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const editor = signToken({ room: 'locked', role: 'editor', exp }, secret);
      const reader = signToken({ room: 'locked', role: 'reader', exp }, secret);
      const ana = await open(url, 'locked', { token: editor, name: 'ana' });
      await ana.createPipeline({ id: 'p', name: 'Team', stages: STAGES });
      await ana.createDeal('p', { title: 'Secret deal' });
      await ana.link!.whenSynced();

      for (const token of [
        undefined,
        'not-a-token',
        signToken({ room: 'elsewhere', role: 'editor', exp }, secret),
      ]) {
        const intruder = await open(url, 'locked', { token, name: 'eve' });
        await until(intruder, () => intruder.link!.refused, 'refusal');
        assert.deepEqual(await intruder.listPipelines(), [], 'a refused client gets no data');
      }

      const reading = await open(url, 'locked', { token: reader, name: 'rita' });
      await until(
        reading,
        async () => (await titles(reading)).length === 1,
        'the reader sees the deal',
      );
      await reading.createDeal('p', { title: 'Written by a reader' });
      // Ana hears of every change the server applies; after one of her own round trips the
      // reader's would have arrived too, had the server taken it.
      await ana.createDeal('p', { title: 'After' });
      await ana.link!.whenSynced();
      const fresh = await open(url, 'locked', { token: editor, name: 'fay' });
      await until(
        fresh,
        async () => (await titles(fresh)).length === 2,
        'a new editor loads the room',
      );
      assert.deepEqual(await titles(fresh), ['After', 'Secret deal']);
    } finally {
      await close();
    }
  });

  void it('a client closed while its connection is still opening raises nothing', async () => {
    // A listener that takes the connection and never answers the upgrade: the client's socket
    // stays "connecting", as it does while it retries a server that has just gone away.
    const sockets: Socket[] = [];
    let arrived!: () => void;
    const connected = new Promise<void>((resolve) => (arrived = resolve));
    const mute = createServer((socket) => {
      sockets.push(socket);
      arrived();
    });
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = mute.address() as { port: number };
      const repo = await client(`ws://127.0.0.1:${port}`, 'never', { name: 'ana' });
      await connected;
      repo.close();
      // The aborted handshake reports itself on the next ticks; unheard, it would be thrown.
      for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => mute.close(resolve));
    }
  });

  void it('two instances behind Redis: a client on each converges', async () => {
    const redisPort = await freePort();
    const redis = await startRedis(redisPort);
    const a = await startSyncServer({
      port: 0,
      db: join(dir.dir, 'a.sqlite'),
      redis: { host: '127.0.0.1', port: redisPort },
    });
    const b = await startSyncServer({
      port: 0,
      db: join(dir.dir, 'b.sqlite'),
      redis: { host: '127.0.0.1', port: redisPort },
    });
    try {
      const ana = await open(`ws://127.0.0.1:${a.server.address.port}`, 'scaled', { name: 'ana' });
      const ben = await open(`ws://127.0.0.1:${b.server.address.port}`, 'scaled', { name: 'ben' });
      await ana.createPipeline({ id: 'p', name: 'Team', stages: STAGES });
      const deal = await ana.createDeal('p', { title: 'Across instances' });
      await until(ben, async () => (await titles(ben)).length === 1, 'ben on instance b sees it');
      const seen = (await ben.getDeal(deal.id))!;
      await ben.moveDeal(deal.id, 'b', { expectedVersion: seen.version });
      await until(ana, async () => (await stageOf(ana, deal.id)) === 'b', 'ana sees ben’s move');
      assert.deepEqual(await ana.listEvents('p'), await ben.listEvents('p'));
    } finally {
      await a.close();
      await b.close();
      await redis.stop();
    }
  });
});
