/**
 * A real Flowise 3.1.4, installed from npm into a cache folder outside the workspace (reused when present) and
 * started on 127.0.0.1 with its data in a temporary folder: one process, or (queue mode) a main process and
 * `flowise worker`s sharing one SQLite folder and a Redis. Stopped by pid (each one's whole process group).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stopByPid } from './processes';

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

/** Where a run keeps its database, secret key, logs and uploads (one per run; shared by a cluster's processes). */
export const flowiseDataDir = (): string => mkdtempSync(join(tmpdir(), 'flowise-kit-interop-'));

/** Queue mode: Flowise's main process hands predictions to workers through this Redis. */
export interface QueueOptions {
  redisUrl: string;
}

function spawnFlowise(command: 'start' | 'worker', dataDir: string, logName: string, env: NodeJS.ProcessEnv) {
  const out = openSync(join(dataDir, logName), 'a');
  return spawn(process.execPath, [join(FLOWISE_DIR, 'node_modules/flowise/bin/run'), command], {
    cwd: FLOWISE_DIR,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      DATABASE_PATH: dataDir,
      SECRETKEY_PATH: dataDir,
      LOG_PATH: join(dataDir, `logs-${logName.replace(/\.log$/, '')}`),
      BLOB_STORAGE_PATH: join(dataDir, 'storage'),
      DISABLE_FLOWISE_TELEMETRY: 'true',
      // Otherwise model base URLs on 127.0.0.1 are refused.
      HTTP_SECURITY_CHECK: 'false',
      NODE_OPTIONS: `--require ${resolve(import.meta.dirname, 'tiktoken-preload.cjs')}`,
      FLOWISE_KIT_FLOWISE_DIR: FLOWISE_DIR,
      // The model list (for usage costs) from the installed package, not GitHub.
      MODEL_LIST_CONFIG_JSON: join(FLOWISE_DIR, 'node_modules/flowise-components/models.json'),
      // LlamaIndex nodes (the RAG-upload flow's SimpleStore) build a default OpenAI client, never called, that needs a key.
      OPENAI_API_KEY: process.env.OPENAI_API_KEY ?? 'sk-interop-unused',
      ...env,
    },
  });
}

const queueEnv = (queue?: QueueOptions) => (queue ? { MODE: 'queue', REDIS_URL: queue.redisUrl } : {});

/**
 * What every Flowise process of a run gets besides its own settings: the `openai` SDK's base URL, pointed at the test
 * model, for the providers that build an OpenAI client from an API key alone (OpenAI Whisper speech to text, OpenAI
 * text to speech). Every chat-model and embedding node of the suite sets its own base path, so nothing else moves.
 */
export const modelEnv = (modelUrl: string): NodeJS.ProcessEnv => ({ OPENAI_BASE_URL: `${modelUrl}/v1` });

export interface RunningFlowise {
  url: string;
  process: ChildProcess;
  dataDir: string;
  /** Stops the process (SIGTERM, SIGKILL after 5 s, or `signal` at once); removes the data folder unless `keepData`. */
  stop: (options?: { signal?: NodeJS.Signals; keepData?: boolean }) => Promise<void>;
}

/**
 * Starts Flowise's main process on 127.0.0.1:port and waits for `GET /api/v1/ping` to answer `pong` (about 30 s).
 * The data folder is a new temporary one unless `dataDir` is given (a restart, or a cluster's shared folder); `env`
 * adds to the process's environment (see {@link modelEnv}).
 */
export async function startFlowise(
  port: number,
  log: (line: string) => void,
  options: { dataDir?: string; queue?: QueueOptions; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningFlowise> {
  const dataDir = options.dataDir ?? flowiseDataDir();
  const child = spawnFlowise('start', dataDir, 'flowise.log', {
    ...options.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...queueEnv(options.queue),
  });
  const url = `http://127.0.0.1:${port}`;
  const stop: RunningFlowise['stop'] = async ({ signal = 'SIGTERM', keepData = false } = {}) => {
    await stopByPid(child, signal);
    if (!keepData && !process.env.FLOWISE_KIT_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
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

/** A `flowise worker` process. */
export interface RunningWorker {
  process: ChildProcess;
  /** Stops it by pid: SIGTERM (SIGKILL after 5 s), or `signal` at once (SIGKILL: a crash mid-answer). */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts `flowise worker` on the cluster's data folder and Redis; resolves once its prediction worker is created. */
export async function startWorker(
  name: string,
  dataDir: string,
  queue: QueueOptions,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningWorker> {
  const logFile = join(dataDir, `${name}.log`);
  // A restarted worker appends to its log: only what this process writes counts.
  const from = existsSync(logFile) ? readFileSync(logFile).length : 0;
  const child = spawnFlowise('worker', dataDir, `${name}.log`, { ...env, ...queueEnv(queue) });
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => stopByPid(child, signal);
  const deadline = Date.now() + 180_000;
  while (!readFileSync(logFile).subarray(from).toString('utf8').includes('Prediction Worker')) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`${name} did not create its prediction worker within 180 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`${name} up (pid ${child.pid})`);
  return { process: child, stop };
}
