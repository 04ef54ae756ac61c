import { createChatStore } from '@flowise-kit/core';
import { workerTransport } from '@flowise-kit/core/worker';

interface Run {
  text: string;
  status: string;
  error?: { kind: string; message: string };
  lastUsed?: string;
  chatId: string;
}

/** Asks one question on `flow` through the worker transport in `mode`; stops after `stopAfterChars` characters. */
async function runChat(apiHost: string, flow: string, mode: 'auto' | 'worker', stopAfterChars = 0): Promise<Run> {
  const transport = workerTransport({ mode });
  const store = createChatStore({ apiHost, chatflowId: flow, transport, checkStreamable: false });
  const sending = store.send('Hello');
  if (stopAfterChars > 0) {
    await new Promise<void>((resolve) => {
      const unsubscribe = store.subscribe((state) => {
        const last = state.messages.at(-1);
        if (last && last.text.length >= stopAfterChars) {
          unsubscribe();
          resolve();
        }
      });
    });
    store.stop();
  }
  await sending;
  const state = store.getState();
  const answer = state.messages.at(-1)!;
  const run: Run = {
    text: answer.text,
    status: answer.role === 'assistant' ? answer.status : 'none',
    chatId: state.chatId,
  };
  if (state.error) run.error = { kind: state.error.kind, message: state.error.message };
  if (transport.lastUsed) run.lastUsed = transport.lastUsed;
  transport.dispose();
  store.dispose();
  return run;
}

(window as unknown as { runChat: typeof runChat }).runChat = runChat;
