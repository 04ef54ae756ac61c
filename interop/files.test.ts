/**
 * Files Flowise stores for a conversation, against a real Flowise 3.1.4: an image sent with a question is stored under
 * the chat, and comes back byte for byte through both ways the kit reads stored files — `get-upload-file` (the URL
 * `FILE-STORAGE::` artifacts and uploaded images use) and `openai-assistants-file/download` (the file-annotation
 * download).
 */
import { createChatStore } from '@flowise-kit/core';
import { describe, expect, inject, it } from 'vitest';
import { modelAnswer } from './model-server';

const { url, flows } = inject('flowise');
// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('files stored for a conversation', () => {
  it('an uploaded image comes back with its bytes through get-upload-file and the file download', async () => {
    const store = createChatStore({ apiHost: url, chatflowId: flows.conversation });
    const uploads = [{ data: `data:image/png;base64,${PNG}`, type: 'file', name: 'dot.png', mime: 'image/png' }];
    await store.send('Look [[upload]]', { uploads });
    const last = store.getState().messages.at(-1);
    expect(last).toMatchObject({ role: 'assistant', status: 'done', text: modelAnswer('[[upload]]') });

    const expected = Buffer.from(PNG, 'base64');
    const viaUrl = await fetch(store.uploadedFileUrl('dot.png')!);
    expect(viaUrl.status).toBe(200);
    expect(Buffer.from(await viaUrl.arrayBuffer())).toEqual(expected);
    const viaDownload = await store.downloadFile('dot.png');
    expect(Buffer.from(await viaDownload.arrayBuffer())).toEqual(expected);
    await expect(store.downloadFile('missing.txt')).rejects.toMatchObject({ name: 'FlowiseError' });
    store.dispose();
  });
});
