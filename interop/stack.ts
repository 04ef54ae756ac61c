/**
 * Everything a run against a real Flowise needs: the test model, Flowise (one process, or the queue-mode cluster), an
 * admin account and the flows. Used by the interop suite's global setup and by the load benchmark.
 */
import { FlowiseAdmin } from './admin';
import { startCluster, type RunningCluster } from './cluster';
import { ensureFlowise, modelEnv, startFlowise } from './flowise';
import { createFlows, type Flows } from './flows';
import { startModelServer } from './model-server';
import { freePort } from '@flowise-kit/testing';
import { ensureRedis } from './redis';

/** `single`: one `flowise start`. `queue`: Redis, the main process with `MODE=queue` and two workers. */
export type FlowiseMode = 'single' | 'queue';

/** The mode of this run: FLOWISE_KIT_MODE=queue, else single. */
export const modeFromEnv = (): FlowiseMode => (process.env.FLOWISE_KIT_MODE === 'queue' ? 'queue' : 'single');

export interface RunningStack {
  mode: FlowiseMode;
  url: string;
  modelUrl: string;
  flows: Flows;
  /** Queue mode only: the cluster's parts, to stop and start. */
  cluster?: RunningCluster;
  stop: () => Promise<void>;
}

export async function startStack(mode: FlowiseMode, log: (line: string) => void): Promise<RunningStack> {
  ensureFlowise(log);
  if (mode === 'queue') ensureRedis(log);
  const model = await startModelServer();
  let stopFlowise: (() => Promise<void>) | undefined;
  const stop = async () => {
    await stopFlowise?.();
    await model.close();
  };
  try {
    const started = Date.now();
    // A free port unless FLOWISE_PORT says otherwise: another run on this machine never collides.
    const port = Number(process.env.FLOWISE_PORT ?? (await freePort()));
    let url: string;
    let cluster: RunningCluster | undefined;
    if (mode === 'queue') {
      cluster = await startCluster(port, log, modelEnv(model.url));
      ({ url } = cluster);
      stopFlowise = cluster.stop;
    } else {
      const flowise = await startFlowise(port, log, { env: modelEnv(model.url) });
      ({ url } = flowise);
      stopFlowise = () => flowise.stop();
    }
    log(
      `${mode === 'queue' ? 'queue-mode cluster' : 'flowise'} started in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    const admin = new FlowiseAdmin(url);
    await admin.signUp();
    const flows = await createFlows(admin, model.url);
    return { mode, url, modelUrl: model.url, flows, ...(cluster ? { cluster } : {}), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
