import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stores } from '../store/open.js';
import { PageImages } from './page-images.js';
import { apiReply, BadRequest, type Reply } from './routes.js';

/** The files of the web app, by the only URLs that serve them; nothing else on disk is reachable. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/static/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/static/common.js': { file: 'common.js', type: 'text/javascript; charset=utf-8' },
  '/static/search.js': { file: 'search.js', type: 'text/javascript; charset=utf-8' },
  '/static/document.js': { file: 'document.js', type: 'text/javascript; charset=utf-8' },
  '/static/document.html': { file: 'document.html', type: 'text/html; charset=utf-8' },
};

/**
 * Disclosure text is untrusted: the pages put it in with textContent only, and the policy forbids inline script,
 * other origins and framing, so a department named `<script>` stays text.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

export interface ServeOptions {
  stores: Stores;
  /** Where page images are cached (a folder of the store directory). */
  cacheDir: string;
  host: string;
  port: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

async function loadAssets(): Promise<Map<string, { body: Buffer; type: string }>> {
  let dir = new URL('./static/', import.meta.url);
  // Compiled to dist/src/serve/ (npm run build), where tsc copies no HTML or CSS: the sources' folder serves then.
  if (!existsSync(new URL('index.html', dir))) dir = new URL(dir.href.replace('/dist/src/serve/', '/src/serve/'));
  const out = new Map<string, { body: Buffer; type: string }>();
  for (const [path, a] of Object.entries(ASSETS))
    out.set(path, { body: await readFile(new URL(a.file, dir)), type: a.type });
  return out;
}

/** `budgetdoc serve`: the read-only API and the pages built on it, on node:http. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const assets = await loadAssets();
  const images = new PageImages(opts.stores.blobs, opts.cacheDir);
  const loopback = LOOPBACK.test(opts.host);
  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) send(res, req, { status: 500, json: { error: err.message } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, req, { status: 405, json: { error: `${req.method} is not allowed: the viewer is read-only` } });
    }
    // A page of another site must not reach a loopback server through a name that resolves to it (DNS rebinding).
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (loopback && !LOOPBACK.test(host)) return send(res, req, { status: 421, json: { error: 'unexpected Host' } });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, req, { status: 400, json: { error: 'bad URL' } });
    }
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      try {
        return send(res, req, await apiReply(opts.stores, images, path, url.searchParams));
      } catch (err) {
        if (err instanceof BadRequest) return send(res, req, { status: 400, json: { error: err.message } });
        throw err;
      }
    }
    // Browsers ask for an icon on their own; there is none.
    if (path === '/favicon.ico') return send(res, req, { status: 204, body: new Uint8Array(), type: 'image/x-icon' });
    const asset = /^\/documents\/[0-9a-f]{64}$/.test(path) ? assets.get('/static/document.html') : assets.get(path);
    if (!asset)
      return send(res, req, { status: 404, body: Buffer.from('not found\n'), type: 'text/plain; charset=utf-8' });
    return send(res, req, { status: 200, body: asset.body, type: asset.type });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    url: `http://${shown}:${port}/`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await images.close();
    },
  };
}

function send(res: ServerResponse, req: IncomingMessage, reply: Reply): void {
  const body = 'json' in reply ? Buffer.from(`${JSON.stringify(reply.json)}\n`) : reply.body;
  const type = 'json' in reply ? 'application/json; charset=utf-8' : reply.type;
  res.writeHead(reply.status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': body.byteLength,
    // A page image is named by the file's sha256 and never changes; everything else reflects the store now.
    'cache-control': 'cacheable' in reply && reply.cacheable ? 'private, max-age=86400' : 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
