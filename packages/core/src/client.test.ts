/** The other endpoints, over real HTTP against the mock Flowise server. */
import { startMockFlowise, type MockFlowise } from '@flowise-kit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFlowiseClient, type FlowiseClient } from './client.js';
import { FlowiseError } from './errors.js';

let mock: MockFlowise;
let client: FlowiseClient;
beforeAll(async () => {
  mock = await startMockFlowise({ port: 0 });
  client = createFlowiseClient({ apiHost: mock.url, apiKey: 'client-key' });
});
afterAll(() => mock.close());
beforeEach(() => mock.clearRequests());

describe('createFlowiseClient', () => {
  it('checkStreaming: true, false for a JSON-only chatflow, not-found for an unknown one', async () => {
    expect(await client.checkStreaming('plain')).toBe(true);
    expect(await client.checkStreaming('json')).toBe(false);
    const error = await client.checkStreaming('unknown').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowiseError);
    expect(error).toMatchObject({ kind: 'not-found', status: 500 });
    expect((error as FlowiseError).message).toContain('unknown');
  });

  it('a call that cannot reach Flowise is a network error that names CORS_ORIGINS (feedback, leads, stop from a page)', async () => {
    const offline = createFlowiseClient({ apiHost: 'http://127.0.0.1:1' });
    await expect(offline.addLead({ chatflowId: 'plain', name: 'Ada' })).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/127\.0\.0\.1:1.*CORS_ORIGINS/s),
    });
  });

  it('addLead posts the lead as Flowise wants it; uploadedFileUrl builds get-upload-file', async () => {
    await expect(
      client.addLead({ chatflowId: 'plain', chatId: 'c1', name: 'Ada', email: 'a@b.co' }),
    ).resolves.toMatchObject({
      chatflowid: 'plain',
      chatId: 'c1',
      id: expect.any(String),
    });
    expect(mock.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/leads',
      body: { chatflowid: 'plain', chatId: 'c1', name: 'Ada', email: 'a@b.co' },
    });
    expect(client.uploadedFileUrl('plain', 'c 1', 'a&b.png')).toBe(
      `${mock.url}/api/v1/get-upload-file?chatflowId=plain&chatId=c+1&fileName=a%26b.png`,
    );
  });

  it('abortPrediction calls the abort endpoint with the key', async () => {
    await client.abortPrediction('plain', 'chat-9');
    expect(mock.requests[0]).toMatchObject({ method: 'PUT', path: '/api/v1/chatmessage/abort/plain/chat-9' });
    expect(mock.requests[0]!.headers.authorization).toBe('Bearer client-key');
  });

  it('sendFeedback and updateFeedback', async () => {
    const record = await client.sendFeedback({ chatflowId: 'plain', chatId: 'c', messageId: 'm', rating: 'THUMBS_UP' });
    expect(record).toMatchObject({ chatflowid: 'plain', chatId: 'c', messageId: 'm', rating: 'THUMBS_UP' });
    expect(typeof record.id).toBe('string');
    // As Flowise: the update answers a status, not the record.
    await expect(client.updateFeedback(record.id, { rating: 'THUMBS_DOWN', content: 'wrong' })).resolves.toEqual({
      status: 'OK',
    });
    expect(mock.requests[1]).toMatchObject({
      method: 'PUT',
      path: `/api/v1/feedback/${record.id}`,
      body: { rating: 'THUMBS_DOWN', content: 'wrong' },
    });
    expect(mock.requests[0]!.body).toMatchObject({
      chatflowid: 'plain',
      chatId: 'c',
      messageId: 'm',
      rating: 'THUMBS_UP',
    });
  });

  it('getChatbotConfig returns starter prompts and upload settings', async () => {
    const config = await client.getChatbotConfig('plain');
    expect(Object.values(config.starterPrompts ?? {}).length).toBeGreaterThan(0);
    expect(config.uploads).toBeDefined();
  });

  it('uploadAttachments sends multipart files', async () => {
    const file = new File(['hello attachments'], 'notes.txt', { type: 'text/plain' });
    const result = await client.uploadAttachments('plain', 'c', [file]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ name: 'notes.txt' });
    expect(String(mock.requests[0]!.headers['content-type'])).toContain('multipart/form-data');
  });

  it('errors keep the server message and never the key', async () => {
    const error = (await createFlowiseClient({ apiHost: mock.url, apiKey: 'client-key' })
      .getChatbotConfig('unknown')
      .catch((e: unknown) => e)) as FlowiseError;
    expect(error.kind).toBe('not-found');
    expect(JSON.stringify(error) + error.message).not.toContain('client-key');
  });
});
