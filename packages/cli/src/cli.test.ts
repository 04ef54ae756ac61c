/** The `flowise-kit` bin as a process: Ctrl-C stops the prediction and asks Flowise to stop generating. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT_CODES } from './exit-codes.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const bin = fileURLToPath(new URL('./cli.ts', import.meta.url));

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 40, tokens: 400 });
});
afterAll(() => mock.close());

describe('the flowise-kit process', () => {
  it('Ctrl-C: the partial answer stays printed, Flowise is asked to stop, exit code 130', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@flowise-kit/source',
        bin,
        'predict',
        '--host',
        mock.url,
        '--chatflow',
        'plain',
        'Hi',
      ],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await vi.waitFor(() => expect(stdout.split(' ').length).toBeGreaterThan(5), { timeout: 15_000, interval: 20 });
    child.kill('SIGINT');
    expect(await exited).toBe(EXIT_CODES.stopped);
    expect(stdout.length).toBeGreaterThan(10);
    expect(stderr).toMatch(/stopped; Flowise was asked to stop generating/);
    const chatId = (mock.predictions()[0]!.body as { chatId: string }).chatId;
    expect(
      mock.requests.some((r) => r.method === 'PUT' && r.path === `/api/v1/chatmessage/abort/plain/${chatId}`),
    ).toBe(true);
    expect(mock.predictions()).toHaveLength(1);
  });
});
