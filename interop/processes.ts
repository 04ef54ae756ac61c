/** Ports and processes of the interop suite: free ports on 127.0.0.1, and stopping a child's process group by pid. */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port on 127.0.0.1 that nothing listens on now (the OS picks it), so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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
