// Serves `dist/` as a CDN would, for the checks that load it in Chromium: under a versioned
// path (CDN_PATH) on `localhost`, with the CORS header module scripts need, and a page under test
// at `/page.html` on `127.0.0.1`, another origin of the same server.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { root } from '../bench/lib.mjs';

export const CDN_PATH = '/npm/sales-funnel@0.0.0/dist/';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * `dist/` under CDN_PATH, with the CORS header a CDN sends (module scripts need it), and the
 * page under test at `/page.html`, set through `setPage`.
 */
export async function serveDist() {
  const dist = join(root, 'dist');
  let pageHtml = '';
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml);
      return;
    }
    const file = path.startsWith(CDN_PATH) ? join(dist, path.slice(CDN_PATH.length)) : '';
    try {
      if (!file.startsWith(dist)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    server,
    cdn: `http://localhost:${port}${CDN_PATH}`,
    pageUrl: `http://127.0.0.1:${port}/page.html`,
    setPage: (html) => (pageHtml = html),
  };
}
