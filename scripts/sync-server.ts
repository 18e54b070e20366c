// `npm run sync-server`: the team sync server (see the README's "Team sync" section).
// PORT (default 1234), SYNC_DB (default ./sync-data/sync.sqlite), SYNC_SECRET (tokens
// required when set), REDIS_HOST / REDIS_PORT (several instances sharing changes).
import { startSyncServer } from './sync/server.js';

const port = Number(process.env.PORT ?? 1234);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not “${process.env.PORT}”`);
  process.exit(1);
}
const redisHost = process.env.REDIS_HOST;
const { server, close } = await startSyncServer({
  port,
  db: process.env.SYNC_DB ?? './sync-data/sync.sqlite',
  secret: process.env.SYNC_SECRET || undefined,
  redis: redisHost ? { host: redisHost, port: Number(process.env.REDIS_PORT ?? 6379) } : undefined,
});
const { address, port: bound } = server.address;
console.log(
  `sync server on ws://${address}:${bound} (${process.env.SYNC_SECRET ? 'tokens required' : 'no SYNC_SECRET: any client'})`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void close().then(() => process.exit(0)));
}
