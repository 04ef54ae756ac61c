/** A mock Flowise server for one test file, and chat stores against it that are disposed after each test. */
import { startMockFlowise, type MockFlowise, type MockFlowiseOptions } from '@flowise-kit/mock-server';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { createChatStore } from '../store.js';
import type { ChatStore, ChatStoreOptions } from '../store-types.js';

/** What {@link useMockStores} gives a test file. */
export interface MockStores {
  /** The running server (after `beforeAll`). */
  mock(): MockFlowise;
  /** A store on `chatflowId` of the mock, disposed after the test. */
  chat(chatflowId: string, options?: Partial<ChatStoreOptions>): ChatStore;
}

/** Starts the mock once for the file, clears its requests before each test, disposes the test's stores after it. */
export function useMockStores(options: MockFlowiseOptions): MockStores {
  let server: MockFlowise | undefined;
  const stores: ChatStore[] = [];
  beforeAll(async () => {
    server = await startMockFlowise({ port: 0, ...options });
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.clearRequests());
  afterEach(() => {
    for (const store of stores.splice(0)) store.dispose();
    vi.unstubAllGlobals();
  });
  const mock = () => {
    if (!server) throw new Error('the mock server starts in beforeAll');
    return server;
  };
  return {
    mock,
    chat(chatflowId, storeOptions = {}) {
      const store = createChatStore({ apiHost: mock().url, chatflowId, ...storeOptions });
      stores.push(store);
      return store;
    },
  };
}
