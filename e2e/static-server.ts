import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The repository root. */
export const REPO = resolve(import.meta.dirname, '..');

/** Runs `pnpm <args>` in the repository (a build), unless E2E_SKIP_BUILD is set and `output` exists. */
export function build(output: string, ...args: string[]): void {
  if (process.env.E2E_SKIP_BUILD && existsSync(output)) return;
  execFileSync('pnpm', args, { cwd: REPO, stdio: 'ignore' });
}

/** Serves a folder on 127.0.0.1 (index.html for folders); `extra` maps more URL paths to files. */
export async function serveDirectory(root: string, extra: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const path = extra[pathname] ?? join(root, pathname);
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
    if (!(file.startsWith(root) || Object.values(extra).includes(file)) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}
