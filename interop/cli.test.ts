/** `flowise-kit predict` against a real Flowise 3.1.4 (global-setup.ts starts it), run in-process. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CODES, processIO, run } from '@flowise-kit/cli';
import { startMockFlowise } from '@flowise-kit/mock-server';
import { describe, expect, inject, it } from 'vitest';
import { modelAnswer } from './model-server';

const { url, flows } = inject('flowise');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    ...processIO(),
    stdout: {
      write: (chunk: string | Uint8Array) => (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk)),
    },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
  };
  return { code: await run(args, io), stdout, stderr };
}

describe('the CLI against a real Flowise 3.1.4', () => {
  it('predict prints the model text exactly; --json ends with end; sources are summarised', async () => {
    const text = await cli(['predict', '--host', url, '--chatflow', flows.conversation, 'CLI says [[alpha]]']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(`${modelAnswer('[[alpha]]')}\n`);
    expect(text.stderr).toMatch(/chat id [0-9a-f-]{36} · first token after \d+ ms/);
    const json = await cli(['predict', '--host', url, '--chatflow', flows.conversation, '--json', 'Again [[alpha]]']);
    expect(JSON.parse(json.stdout.trim().split('\n').at(-1)!)).toMatchObject({ type: 'end' });
    const rag = await cli(['predict', '--host', url, '--chatflow', flows.retrieval, 'Who counts the stones? [[rag]]']);
    expect(rag.code).toBe(0);
    expect(rag.stderr).toMatch(/^sources \(\d+\):/m);
  });

  it('typed exit codes: an unknown chatflow is not found, a wrong key is auth, and the key is never printed', async () => {
    const missing = await cli(['predict', '--host', url, '--chatflow', '00000000-0000-4000-8000-000000000000', 'Hi']);
    expect(missing.code).toBe(EXIT_CODES['not-found']);
    const key = 'wrong-key-cli-12345';
    const wrong = await cli(['predict', '--host', url, '--chatflow', flows.protected, '--api-key', key, 'Hi [[key]]']);
    expect(wrong.code).toBe(EXIT_CODES.auth);
    expect(wrong.stdout + wrong.stderr).not.toContain(key);
  });

  it('record saves a real response that the mock server replays as the same answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fk-interop-record-'));
    try {
      const out = join(dir, 'real-answer.http');
      const recorded = await cli([
        'record',
        '--host',
        url,
        '--chatflow',
        flows.conversation,
        '--out',
        out,
        'Keep [[beta]]',
      ]);
      expect(recorded.code).toBe(0);
      expect(readFileSync(out, 'latin1')).toMatch(/^HTTP\/1\.1 200 /);
      const mock = await startMockFlowise({ port: 0, rate: 0, fixturesDir: dir });
      try {
        const replayed = await cli([
          'predict',
          '--host',
          mock.url,
          '--chatflow',
          'fixture-real-answer',
          'Keep [[beta]]',
        ]);
        expect(replayed.stdout).toBe(recorded.stdout);
        expect(replayed.stdout).toBe(`${modelAnswer('[[beta]]')}\n`);
      } finally {
        await mock.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
