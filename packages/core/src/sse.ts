import { getLines, getMessages } from '@microsoft/fetch-event-source/lib/cjs/parse.js';
import { decode } from './decode.js';
import type { FlowiseEvent } from './events.js';

/**
 * The byte → event pipeline of the transport: fetch-event-source's line and message parser (chunks may split
 * lines, CRLF pairs and UTF-8 characters anywhere), then {@link decode}. Returns the function to feed chunks to.
 * Comments (`:heartbeat`) and `id:`/`retry:` fields never produce an event.
 */
export function createEventParser(onEvent: (event: FlowiseEvent) => void): (chunk: Uint8Array) => void {
  return getLines(
    getMessages(noop, noop, (message) => {
      const event = decode(message);
      if (event) onEvent(event);
    }),
  );
}

function noop(): void {}
