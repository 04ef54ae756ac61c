/**
 * RAG uploads against a real Flowise 3.1.4: a text file goes through the kit's `upsertFiles` into a chatflow whose
 * vector store takes uploaded files (`POST vector/upsert`, with a workspace API key), then a question with its
 * `file:rag` upload is answered from it: the uploaded text comes back as a source document. Without a key Flowise
 * refuses the upsert (the endpoint is not public since 3.0.13) and the kit says so with a typed error.
 */
import { rmSync } from 'node:fs';
import { createChatStore } from '@flowise-kit/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FlowiseAdmin } from './admin';
import { modelAnswer } from './model-server';
import { createRagFlow } from './rag-flow';

const { url, modelUrl } = inject('flowise');
const HERON = 'The heron counts the silver reeds at dusk by the quiet lake.';
let chatflowId: string;
let storeDir: string;
let apiKey: string;

beforeAll(async () => {
  const admin = new FlowiseAdmin(url);
  await admin.login();
  ({ id: chatflowId, storeDir } = await createRagFlow(admin, modelUrl));
  apiKey = await admin.createApiKey('interop rag uploads');
});
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));

describe('RAG uploads (file:rag)', () => {
  it('upserts a text file with the key, then the answer retrieves it as a source document', async () => {
    const store = createChatStore({ apiHost: url, chatflowId, apiKey });
    const config = await store.loadUploadsConfig();
    expect(config).toMatchObject({ isRAGFileUploadAllowed: true, isRAGFileUploadOffered: true });
    expect(config.fileUploadSizeAndTypes[0]?.fileTypes).toContain('.txt');

    const file = new File([HERON], 'heron.txt', { type: 'text/plain' });
    const uploads = await store.upsertFiles([file]);
    expect(uploads).toEqual([
      {
        type: 'file:rag',
        name: 'heron.txt',
        mime: 'text/plain',
        data: `data:text/plain;base64,${Buffer.from(HERON).toString('base64')}`,
      },
    ]);
    await store.send('What does the heron count? [[rag]]', { uploads });
    const answer = store.getState().messages.at(-1);
    expect(answer).toMatchObject({ role: 'assistant', status: 'done', text: modelAnswer('[[rag]]') });
    expect(answer?.role === 'assistant' && answer.sourceDocuments.map((doc) => doc.pageContent)).toContain(HERON);
    // Flowise stored the file with the conversation too: the question's upload can be shown again after a reload.
    const stored = await fetch(store.uploadedFileUrl('heron.txt')!);
    expect(await stored.text()).toBe(HERON);
    store.dispose();
  });

  it('without a key Flowise refuses the upsert: a typed auth error that says why, and no question is sent', async () => {
    const store = createChatStore({ apiHost: url, chatflowId });
    expect((await store.loadUploadsConfig()).isRAGFileUploadOffered).toBe(false);
    const failure = await store
      .upsertFiles([new File(['x'], 'x.txt', { type: 'text/plain' })])
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'FlowiseError', kind: 'auth', status: 401 });
    expect((failure as Error).message).toMatch(/needs a workspace API key since Flowise 3\.0\.13/);
    expect(store.getState().messages).toHaveLength(0);
    store.dispose();
  });
});
