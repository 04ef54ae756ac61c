/**
 * Flowise in queue mode on one machine: a Redis, the main process (`MODE=queue`, takes predictions and streams them)
 * and two `flowise worker`s (run the flows), all on one SQLite data folder. Each part can be stopped and started
 * again by pid, for the fault tests.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  flowiseDataDir,
  startFlowise,
  startWorker,
  type QueueOptions,
  type RunningFlowise,
  type RunningWorker,
} from './flowise';
import { startRedis, type RunningRedis } from './redis';

export const WORKERS = 2;

export interface RunningCluster {
  url: string;
  redis: RunningRedis;
  /** Kills a worker (SIGKILL, as a crash). */
  killWorker: (index: number) => Promise<void>;
  startWorker: (index: number) => Promise<void>;
  /** Kills Redis (SIGKILL, no save); `startRedis` brings it back on the same port, empty. */
  killRedis: () => Promise<void>;
  startRedis: () => Promise<void>;
  /** Stops the main process (SIGTERM, as an orchestrator does; SIGKILL after 5 s). */
  stopMain: () => Promise<void>;
  startMain: () => Promise<void>;
  /** The pids of the running parts, for the log. */
  pids: () => Record<string, number | undefined>;
  /** How many prediction jobs each worker has started (from its log), to tell which one runs an answer. */
  jobs: () => number[];
  /** Stops everything by pid and removes the data folders. */
  stop: () => Promise<void>;
}

/** Starts the cluster; `env` goes to every process (see `modelEnv`). */
export async function startCluster(
  port: number,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningCluster> {
  const redis = await startRedis(log);
  const dataDir = flowiseDataDir();
  const queue: QueueOptions = { redisUrl: redis.url };
  const workers: (RunningWorker | undefined)[] = [];
  let main: RunningFlowise | undefined;
  const stop = async () => {
    await Promise.all(workers.map((worker) => worker?.stop()));
    await main?.stop({ keepData: true });
    await redis.stop();
    if (!process.env.FLOWISE_KIT_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
  const launchWorker = async (index: number) => {
    workers[index] = await startWorker(`worker-${index}`, dataDir, queue, log, env);
  };
  const launchMain = async () => {
    main = await startFlowise(port, log, { dataDir, queue, env });
  };
  try {
    // The main process runs the migrations; the workers start on a ready database.
    await launchMain();
    await Promise.all(Array.from({ length: WORKERS }, (_, index) => launchWorker(index)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: main!.url,
    redis,
    killWorker: async (index) => {
      await workers[index]?.stop('SIGKILL');
      workers[index] = undefined;
    },
    startWorker: launchWorker,
    killRedis: redis.kill,
    startRedis: redis.start,
    stopMain: async () => {
      await main?.stop({ keepData: true });
      main = undefined;
    },
    startMain: launchMain,
    pids: () => ({
      redis: redis.pid(),
      main: main?.process.pid,
      ...Object.fromEntries(workers.map((worker, index) => [`worker-${index}`, worker?.process.pid])),
    }),
    jobs: () =>
      Array.from({ length: WORKERS }, (_, index) => {
        const file = join(dataDir, `worker-${index}.log`);
        if (!existsSync(file)) return 0;
        return readFileSync(file, 'utf8').match(/Processing job \S+ in \S*prediction/g)?.length ?? 0;
      }),
    stop,
  };
}
