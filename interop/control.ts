/**
 * The fault tests run in a vitest worker; the cluster belongs to the global setup. This small HTTP server on
 * 127.0.0.1 lets a test stop and start the cluster's parts: `POST /<action>` with `kill-worker-0`, `start-worker-0`,
 * `kill-redis`, `start-redis`, `stop-main`, `start-main`; `GET /state` (pids, and the prediction jobs each worker started).
 */
import { createServer } from 'node:http';
import type { RunningCluster } from './cluster';

export async function startControl(cluster: RunningCluster): Promise<{ url: string; close: () => Promise<void> }> {
  const actions: Record<string, () => Promise<void>> = {
    'kill-redis': cluster.killRedis,
    'start-redis': cluster.startRedis,
    'stop-main': cluster.stopMain,
    'start-main': cluster.startMain,
  };
  const server = createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    const worker = /^(kill|start)-worker-(\d)$/.exec(name);
    const action =
      actions[name] ??
      (worker ? () => (worker[1] === 'kill' ? cluster.killWorker : cluster.startWorker)(Number(worker[2])) : undefined);
    const state = () => JSON.stringify({ pids: cluster.pids(), jobs: cluster.jobs() });
    if (req.method === 'GET' && name === 'state') return void res.end(state());
    if (req.method !== 'POST' || !action) return void res.writeHead(404).end();
    action().then(
      () => res.end(state()),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
