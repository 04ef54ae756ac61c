/**
 * A real Flowise 3.1.4, installed from npm into a cache folder outside the workspace (reused when present) and
 * started on 127.0.0.1 with its data in a temporary folder. Stopped by pid (its whole process group).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FLOWISE_VERSION = '3.1.4';
/** Where Flowise is installed: FLOWISE_KIT_CACHE, else ~/.cache/flowise-kit/flowise-<version>. */
export const FLOWISE_DIR =
  process.env.FLOWISE_KIT_CACHE ?? join(homedir(), '.cache', 'flowise-kit', `flowise-${FLOWISE_VERSION}`);

const sqliteBuilt = () => existsSync(join(FLOWISE_DIR, 'node_modules/sqlite3/build/Release/node_sqlite3.node'));

/** Installs Flowise (about 3 GB, 5–6 minutes on 2 cores) unless it is there; builds sqlite3 from source (the prebuilt download needs GitHub). */
export function ensureFlowise(log: (line: string) => void): void {
  if (!existsSync(join(FLOWISE_DIR, 'node_modules/flowise/package.json'))) {
    mkdirSync(FLOWISE_DIR, { recursive: true });
    if (!existsSync(join(FLOWISE_DIR, 'package.json')))
      writeFileSync(join(FLOWISE_DIR, 'package.json'), '{"name":"flowise-cache","private":true}\n');
    log(`installing flowise@${FLOWISE_VERSION} into ${FLOWISE_DIR} (about 3 GB, a few minutes)…`);
    // --ignore-scripts: a dependency's install script downloads from GitHub and fails offline.
    execFileSync('npm', ['install', `flowise@${FLOWISE_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: FLOWISE_DIR,
      stdio: 'inherit',
    });
  }
  if (!sqliteBuilt()) {
    log('building sqlite3 from source (about a minute)…');
    execFileSync('npm', ['rebuild', 'sqlite3'], { cwd: FLOWISE_DIR, stdio: 'inherit' });
  }
}

export interface RunningFlowise {
  url: string;
  process: ChildProcess;
  dataDir: string;
  stop: () => Promise<void>;
}

/** Starts Flowise on a free-ish port and waits for `GET /api/v1/ping` to answer `pong` (about 30 s). */
export async function startFlowise(port: number, log: (line: string) => void): Promise<RunningFlowise> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowise-kit-interop-'));
  const out = openSync(join(dataDir, 'flowise.log'), 'a');
  const child = spawn(process.execPath, [join(FLOWISE_DIR, 'node_modules/flowise/bin/run'), 'start'], {
    cwd: FLOWISE_DIR,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: dataDir,
      SECRETKEY_PATH: dataDir,
      LOG_PATH: join(dataDir, 'logs'),
      BLOB_STORAGE_PATH: join(dataDir, 'storage'),
      DISABLE_FLOWISE_TELEMETRY: 'true',
      // Otherwise model base URLs on 127.0.0.1 are refused.
      HTTP_SECURITY_CHECK: 'false',
      NODE_OPTIONS: `--require ${resolve(import.meta.dirname, 'tiktoken-preload.cjs')}`,
      FLOWISE_KIT_FLOWISE_DIR: FLOWISE_DIR,
      // The model list (for usage costs) from the installed package, not GitHub.
      MODEL_LIST_CONFIG_JSON: join(FLOWISE_DIR, 'node_modules/flowise-components/models.json'),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([
        new Promise((resolve) => child.once('exit', resolve)),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    if (!process.env.FLOWISE_KIT_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Flowise exited with ${child.exitCode}; see ${join(dataDir, 'flowise.log')}`);
    try {
      const res = await fetch(`${url}/api/v1/ping`);
      if ((await res.text()).includes('pong')) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('Flowise did not answer /api/v1/ping within 180 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`flowise up at ${url} (data in ${dataDir})`);
  return { url, process: child, dataDir, stop };
}
