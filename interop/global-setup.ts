/**
 * Before the suite: Flowise installed (cached), the test model server and Flowise started (FLOWISE_KIT_MODE=queue:
 * Redis, the main process and two workers, plus a control server for the fault tests), an admin account and the flows
 * created. After it: everything this setup started is stopped, by pid.
 */
import type { TestProject } from 'vitest/node';
import { startControl } from './control';
import type { Flows } from './flows';
import type { MediaFlows } from './flows-media';
import { modeFromEnv, startStack, type FlowiseMode, type RunningStack } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    flowise: {
      mode: FlowiseMode;
      url: string;
      modelUrl: string;
      flows: Flows;
      media: MediaFlows;
      controlUrl?: string;
    };
  }
}

const log = (line: string) => console.log(`interop: ${line}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let stack: RunningStack | undefined;
  let control: Awaited<ReturnType<typeof startControl>> | undefined;
  const teardown = async () => {
    await control?.close();
    await stack?.stop();
  };
  process.once('SIGINT', () => void teardown().then(() => process.exit(130)));
  try {
    stack = await startStack(modeFromEnv(), log);
    if (stack.cluster) control = await startControl(stack.cluster);
    const { mode, url, modelUrl, flows, media } = stack;
    log(`flows: ${JSON.stringify({ ...flows, apiKey: '[redacted]', media })}`);
    project.provide('flowise', { mode, url, modelUrl, flows, media, ...(control ? { controlUrl: control.url } : {}) });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
