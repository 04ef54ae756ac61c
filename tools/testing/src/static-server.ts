import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A folder served on 127.0.0.1. */
export interface ServedDirectory {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** The server: `server.close()` when done. */
  server: Server;
}

/** More than files. */
export interface ServeOptions {
  /**
   * URL path prefixes passed on to another origin, e.g. `{ '/api/': mock.url }`: the page and the API on one
   * origin, as a dev server's proxy does. Each chunk is passed on as it arrives, so streams keep their pace.
   */
  proxy?: Record<string, string>;
  /**
   * URL path prefixes answered by a Node request listener, e.g. `{ '/api/flowise/': createServerAdapter(handler) }`:
   * an app's own server route beside its page.
   */
  handlers?: Record<string, (req: IncomingMessage, res: ServerResponse) => unknown>;
}

/** Passes the request on to `target` and its answer back, chunk by chunk. */
function forward(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = request(
    { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.setNoDelay(true);
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

/**
 * Serves `root` on 127.0.0.1 on a free port (`index.html` for folders, 404 outside `root`); `extra` maps more URL
 * paths to files anywhere, e.g. `{ '/hostile.html': '/abs/path/hostile.html' }`.
 */
export async function serveDirectory(
  root: string,
  extra: Record<string, string> = {},
  options: ServeOptions = {},
): Promise<ServedDirectory> {
  const proxies = Object.entries(options.proxy ?? {});
  const handlers = Object.entries(options.handlers ?? {});
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const proxy = proxies.find(([prefix]) => pathname.startsWith(prefix));
    if (proxy) return forward(req, res, new URL(proxy[1]));
    const handler = handlers.find(([prefix]) => pathname.startsWith(prefix));
    if (handler) return void handler[1](req, res);
    const path = extra[pathname] ?? join(root, pathname);
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
    if (!(file.startsWith(root) || Object.values(extra).includes(file)) || !existsSync(file))
      return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}
