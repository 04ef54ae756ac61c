/** Processes of the interop suite: stopping a child's process group by pid. (Free ports: `@flowise-kit/testing`.) */
import type { ChildProcess } from 'node:child_process';

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Stops a detached child and everything it started (its process group, by pid): `signal` first, SIGKILL after
 * `graceMs`. Resolves once it has exited.
 */
export async function stopByPid(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 5000,
): Promise<void> {
  if (exited(child) || !child.pid) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  const send = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  send(signal);
  await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  if (!exited(child)) {
    send('SIGKILL');
    await gone;
  }
}
