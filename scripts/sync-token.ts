// `npm run sync-token -- <room> [editor|reader] [days]`: prints a token for the sync server,
// signed with SYNC_SECRET, valid 30 days unless told otherwise.
import { signToken, type Role } from './sync/tokens.js';

const [room, role = 'editor', days = '30'] = process.argv.slice(2);
const secret = process.env.SYNC_SECRET;
if (!room || (role !== 'editor' && role !== 'reader') || !(Number(days) > 0) || !secret) {
  console.error('usage: SYNC_SECRET=… npm run sync-token -- <room> [editor|reader] [days]');
  process.exit(1);
}
const exp = Math.floor(Date.now() / 1000) + Number(days) * 24 * 3600;
console.log(signToken({ room, role: role as Role, exp }, secret));
