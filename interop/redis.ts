/**
 * A real Redis (Debian's `redis-server`) for Flowise's queue mode: on 127.0.0.1, its data in a temporary folder,
 * stopped and started again by pid on the same port (the cluster fault tests restart it mid-answer).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@flowise-kit/testing';
import { stopByPid } from './processes';

const REDIS_SERVER = '/usr/bin/redis-server';

/** Installs Debian's redis-server unless it is there (`apt-get install -y redis-server`; `apt-get update` first if that fails). */
export function ensureRedis(log: (line: string) => void): void {
  if (existsSync(REDIS_SERVER)) return;
  log('installing redis-server (apt-get install -y redis-server)…');
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    install();
  }
}

/** Resolves when something accepts TCP connections on 127.0.0.1:port (or rejects after `ms`). */
export async function waitForPort(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface RunningRedis {
  url: string;
  port: number;
  /** Stops the server (SIGKILL: no save, as a crash) and keeps its folder. */
  kill: () => Promise<void>;
  /** Starts it again on the same port. */
  start: () => Promise<void>;
  /** Stops it and removes its folder. */
  stop: () => Promise<void>;
  /** The running server's pid (undefined while killed). */
  pid: () => number | undefined;
}

/** Starts redis-server on a free port of 127.0.0.1 with no persistence, its working folder temporary. */
export async function startRedis(log: (line: string) => void): Promise<RunningRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'flowise-kit-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
      { detached: true, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    await waitForPort(port, 10_000);
  };
  const kill = async () => {
    if (child) await stopByPid(child, 'SIGKILL');
  };
  await start();
  log(`redis up at 127.0.0.1:${port} (pid ${child!.pid})`);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
  };
}
