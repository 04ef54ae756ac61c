/** predict() beyond Node: the same loop under Bun (installed from npm as a dev dependency), against the mock server. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { answerTokens, startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bun = fileURLToPath(new URL('../node_modules/.bin/bun', import.meta.url));
const script = fileURLToPath(new URL('./test-support/runtime-predict.ts', import.meta.url));

let mock: MockFlowise;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0, rate: 0, tokens: 12 });
});
afterAll(() => mock.close());

describe('predict() under Bun', () => {
  it('streams the same typed events and throws the same typed errors', async () => {
    // Asynchronously: the mock answers from this very process.
    const { stdout } = await promisify(execFile)(bun, [script, mock.url], { encoding: 'utf8' });
    const result = JSON.parse(stdout.trim()) as {
      bun?: string;
      status: string;
      text: string;
      types: string[];
      errorKind: string;
    };
    expect(result.bun).toMatch(/^1\./);
    expect(result).toMatchObject({ status: 'completed', text: answerTokens(12).join(''), errorKind: 'not-found' });
    expect(result.types).toEqual(['start', 'token', 'sourceDocuments', 'metadata', 'end']);
  });
});
