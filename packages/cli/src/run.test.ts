/** `flowise-kit predict` and `record`, run in-process against the mock Flowise server (real HTTP). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from './exit-codes.js';
import { processIO, run } from './run.js';

let mock: MockFlowise;
const dir = mkdtempSync(join(tmpdir(), 'fk-cli-'));
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 10 });
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => mock.clearRequests());

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    ...processIO(),
    stdout: {
      write: (chunk: string | Uint8Array) => (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk)),
    },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
const predict = (flow: string, ...more: string[]) => cli(['predict', '--host', mock.url, '--chatflow', flow, ...more]);
const ANSWER = answerTokens(10).join('');

describe('flowise-kit predict', () => {
  it('prints the answer on stdout, then sources and timings on stderr; exit 0', async () => {
    const { code, stdout, stderr } = await predict('sources', 'Tell', 'me');
    expect(code).toBe(0);
    expect(stdout).toBe(`${ANSWER}\n`);
    expect(stderr).toMatch(/^sources \(3\):\n {2}1\. The fox and the river/m);
    expect(stderr).toMatch(/chat id [0-9a-f-]{36} · first token after \d+ ms · 10 tokens/);
    expect(mock.predictions()).toHaveLength(1);
    expect(mock.predictions()[0]!.body).toMatchObject({ question: 'Tell me', streaming: true });
  });

  it('summarises tools and agentflow nodes', async () => {
    expect((await predict('tools', 'Hi')).stderr).toMatch(/tool calculator\(\{"input":"6\*7"\}\) → 42/);
    expect((await predict('agentflow', 'Hi')).stderr).toMatch(/agentflow: Start FINISHED → \w+/);
  });

  it('--json prints one event per line, secrets redacted', async () => {
    const { code, stdout } = await predict('agentflow', '--json', 'Hi');
    expect(code).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(events.at(-1)).toEqual({ type: 'end', data: '[DONE]' });
    expect(stdout).toContain('agentFlowExecutedData');
    expect(stdout).not.toContain('sk-mock-secret');
  });

  it('--raw prints the wire as Flowise sent it, the echoed key redacted', async () => {
    const plain = await predict('plain', '--raw', 'Hi');
    expect(plain.stdout.startsWith('message:\ndata:{"event":"start"')).toBe(true);
    expect(plain.stdout).toContain('data:{"event":"end","data":"[DONE]"}');
    const agentflow = await predict('agentflow', '--raw', 'Hi');
    expect(agentflow.stdout).toContain('"openAIApiKey":"[redacted]"');
    expect(agentflow.stdout).not.toContain('sk-mock-secret');
  });

  it('--raw keeps the exact bytes of a stream written one byte per chunk (lines and characters cut anywhere)', async () => {
    const { stdout } = await predict('trickle', '--raw', 'Hi');
    const direct = await fetch(`${mock.url}/api/v1/prediction/trickle`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: 'Hi', streaming: true }),
    });
    // The same bytes but for the ids each answer gets.
    const ids = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
    expect(ids(stdout)).toBe(ids(await direct.text()));
    expect(stdout).toContain('Ünï');
  });

  it('--raw redacts a secret even when its line arrives a byte at a time', async () => {
    // The mock's real response, handed over one byte per chunk.
    const byteByByte: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at < bytes.length) controller.enqueue(bytes.subarray(at, ++at));
          else controller.close();
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    let stdout = '';
    const io = {
      ...processIO(),
      stdout: { write: (chunk: string | Uint8Array) => (stdout += String(chunk)) },
      stderr: { write: () => true },
      env: {},
      fetch: byteByByte,
    };
    expect(await run(['predict', '--host', mock.url, '--chatflow', 'agentflow', '--raw', 'Hi'], io)).toBe(0);
    expect(stdout).toContain('"openAIApiKey":"[redacted]"');
    expect(stdout).not.toContain('sk-mock-secret');
  });

  it('--raw and record redact the echoed key of a JSON answer too (--no-stream)', async () => {
    const raw = await predict('agentflow', '--raw', '--no-stream', 'Hi');
    expect(raw.code).toBe(0);
    expect(raw.stdout).toContain('agentFlowExecutedData');
    expect(raw.stdout).not.toContain('sk-mock-secret');
    const out = join(dir, 'json-answer.http');
    await cli(['record', '--host', mock.url, '--chatflow', 'agentflow', '--no-stream', '--out', out, 'Hi']);
    const file = readFileSync(out, 'utf8');
    expect(file).toContain('[redacted]');
    expect(file).not.toContain('sk-mock-secret');
    expect(file).not.toMatch(/^(content-length|transfer-encoding|content-encoding):/im);
  });

  it('--no-stream asks for JSON and prints the same answer; --chat-id continues a conversation', async () => {
    const { stdout } = await predict('plain', '--no-stream', '--chat-id', 'c-42', 'Hi');
    expect(stdout).toBe(`${ANSWER}\n`);
    expect(mock.predictions()[0]!.body).toMatchObject({ streaming: false, chatId: 'c-42' });
  });

  it('takes the host, chatflow and API key from the environment, and never prints the key', async () => {
    const env = { FLOWISE_API_HOST: mock.url, FLOWISE_CHATFLOW_ID: 'http-401', FLOWISE_API_KEY: 'sk-env-SECRET-9999' };
    const { code, stdout, stderr } = await cli(['predict', 'Hi'], env);
    expect(code).toBe(EXIT_CODES.auth);
    expect(mock.predictions()[0]!.headers.authorization).toBe('Bearer sk-env-SECRET-9999');
    expect(stdout + stderr).not.toContain('sk-env-SECRET-9999');
  });

  it.each([
    ['http-404', 'not-found'],
    ['unknown-flow', 'not-found'],
    ['http-429', 'rate-limited'],
    ['http-500', 'server'],
    ['html', 'bad-response'],
    ['drop', 'incomplete'],
    ['error-event', 'flow'],
    ['auth-error', 'auth'],
  ] as const)('%s: a typed message on stderr and exit code %s', async (flow, kind) => {
    const { code, stderr } = await predict(flow, 'Hi');
    expect(code).toBe(EXIT_CODES[kind]);
    expect(stderr).toMatch(new RegExp(`^flowise-kit: ${kind}: .{10,}`, 'm'));
  });

  it('a refused connection is a network error', async () => {
    const { code, stderr } = await cli(['predict', '--host', 'http://127.0.0.1:1', '--chatflow', 'x', 'Hi']);
    expect(code).toBe(EXIT_CODES.network);
    expect(stderr).toMatch(/network: Could not reach Flowise at http:\/\/127\.0\.0\.1:1/);
  });

  it('sends an image as a data URL and a text file through the attachments endpoint', async () => {
    const image = join(dir, 'dot.png');
    const note = join(dir, 'note.txt');
    writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(note, 'the fox counts stones');
    expect((await predict('plain', '--upload', image, '--upload', note, 'Look')).code).toBe(0);
    const uploads = (mock.predictions()[0]!.body as { uploads: { type: string; name: string; data: string }[] })
      .uploads;
    expect(uploads[0]).toMatchObject({
      type: 'file',
      name: 'dot.png',
      mime: 'image/png',
      data: 'data:image/png;base64,iVBORw==',
    });
    expect(uploads[1]).toMatchObject({ type: 'file:full', name: 'note.txt', data: 'the fox counts stones' });
    expect(mock.requests.some((r) => r.method === 'POST' && r.path.startsWith('/api/v1/attachments/plain/'))).toBe(
      true,
    );
  });

  it('says what is wrong with a command line, with exit code 2', async () => {
    expect((await cli(['predict', 'Hi'])).stderr).toMatch(
      /no Flowise address: give --host URL or set FLOWISE_API_HOST/,
    );
    expect((await cli(['ask'])).code).toBe(EXIT_CODES.usage);
    expect((await predict('plain')).stderr).toMatch(/no question/);
    expect((await cli(['--help'])).stdout).toMatch(/^flowise-kit predict \[options\]/);
    const missing = await predict('plain', '--upload', join(dir, 'no-such-file.png'), 'Hi');
    expect(missing).toMatchObject({
      code: EXIT_CODES.usage,
      stderr: expect.stringMatching(/cannot read .*no-such-file\.png: ENOENT/),
    });
    expect(mock.predictions()).toHaveLength(0);
  });
});

describe('flowise-kit record', () => {
  it('a recording that cannot be written is a command-line error, exit 2', async () => {
    const out = join(dir, 'no-such-dir', 'x.http');
    const { code, stderr } = await cli(['record', '--host', mock.url, '--chatflow', 'plain', '--out', out, 'Hi']);
    expect(code).toBe(EXIT_CODES.usage);
    expect(stderr).toMatch(/cannot write .*x\.http: ENOENT/);
  });

  it('saves the response as a recording the mock server replays as the same answer', async () => {
    const out = join(dir, 'agentflow-answer.http');
    const recorded = await cli(['record', '--host', mock.url, '--chatflow', 'agentflow', '--out', out, 'Hi']);
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toMatch(/recorded HTTP 200, \d+ bytes, to /);
    const file = readFileSync(out);
    expect(file.toString('latin1')).toMatch(
      /^HTTP\/1\.1 200 OK\r\n[\s\S]*content-type: text\/event-stream\r\n[\s\S]*?\r\n\r\nmessage:\n/,
    );
    expect(file.toString('utf8')).not.toContain('sk-mock-secret');

    const replaying = await startMockFlowise({ port: 0, rate: 0, fixturesDir: dir });
    try {
      const original = await predict('agentflow', '--json', 'Hi');
      const replayed = await cli([
        'predict',
        '--host',
        replaying.url,
        '--chatflow',
        'fixture-agentflow-answer',
        '--json',
        'Hi',
      ]);
      const types = (text: string) =>
        text
          .trim()
          .split('\n')
          .map((line) => (JSON.parse(line) as { type: string }).type);
      expect(types(replayed.stdout)).toEqual(types(original.stdout));
    } finally {
      await replaying.close();
    }
  });
});
