/** Type tests, checked by `pnpm typecheck` (tsc). */
import { expectTypeOf } from 'vitest';
import type { EventOf, FlowiseEvent, FlowiseEventType, KnownEventName } from './events.js';
import type { ChatStore } from './store-types.js';
import type { AssistantMessage, ChatMessage } from './state.js';

// Every event type but our own two is a known Flowise name, and every known name is an event type.
expectTypeOf<Exclude<FlowiseEventType, 'unknown' | 'malformed'>>().toEqualTypeOf<KnownEventName>();

// Narrowing by `type` gives the payload type.
declare const event: FlowiseEvent;
if (event.type === 'sourceDocuments') expectTypeOf(event.data[0]!.pageContent).toEqualTypeOf<string>();
if (event.type === 'unknown') expectTypeOf(event.name).toEqualTypeOf<string>();
expectTypeOf<EventOf<'thinking'>['duration']>().toEqualTypeOf<number | undefined>();

// A message narrows by role.
declare const message: ChatMessage;
if (message.role === 'assistant') expectTypeOf(message).toEqualTypeOf<AssistantMessage>();

// The store is a zustand store: selectors infer their result.
declare const store: ChatStore;
expectTypeOf(store.getState().status).toEqualTypeOf<
  'idle' | 'submitted' | 'streaming' | 'done' | 'error' | 'aborted'
>();
expectTypeOf(store.send).returns.toEqualTypeOf<Promise<void>>();
