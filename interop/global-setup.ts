/**
 * Before the suite: Flowise installed (cached), the test model server and Flowise started, an admin account and the
 * flows created. After it: everything this setup started is stopped, by pid.
 */
import type { TestProject } from 'vitest/node';
import { FlowiseAdmin } from './admin';
import { ensureFlowise, startFlowise, type RunningFlowise } from './flowise';
import { createFlows, type Flows } from './flows';
import { startModelServer } from './model-server';

declare module 'vitest' {
  export interface ProvidedContext {
    flowise: { url: string; modelUrl: string; flows: Flows };
  }
}

const log = (line: string) => console.log(`interop: ${line}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureFlowise(log);
  const model = await startModelServer();
  let flowise: RunningFlowise | undefined;
  const teardown = async () => {
    await flowise?.stop();
    await model.close();
  };
  process.once('SIGINT', () => void teardown().then(() => process.exit(130)));
  try {
    const started = Date.now();
    flowise = await startFlowise(Number(process.env.FLOWISE_PORT ?? 3123), log);
    log(`started in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const admin = new FlowiseAdmin(flowise.url);
    await admin.signUp();
    const flows = await createFlows(admin, model.url);
    log(`flows: ${JSON.stringify({ ...flows, apiKey: '[redacted]' })}`);
    project.provide('flowise', { url: flowise.url, modelUrl: model.url, flows });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
