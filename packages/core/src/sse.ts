import { getLines } from '@microsoft/fetch-event-source/lib/cjs/parse.js';
import { decode } from './decode.js';
import type { FlowiseEvent } from './events.js';

const DATA = [100, 97, 116, 97]; // "data"
const EVENT = [101, 118, 101, 110, 116]; // "event"

function fieldIs(line: Uint8Array, name: readonly number[]): boolean {
  for (let i = 0; i < name.length; i++) if (line[i] !== name[i]) return false;
  return true;
}

/**
 * The byte → event pipeline of the transport: fetch-event-source's line splitter (`getLines`: chunks may split
 * lines, CRLF pairs and UTF-8 characters anywhere), then the SSE fields, then {@link decode}. Returns the function to
 * feed chunks to. Comments (`:heartbeat`), `id:`, `retry:` and Flowise's `message:` lines never produce an event.
 *
 * The fields are read here rather than with fetch-event-source's `getMessages`, which decodes every field name and
 * value to a string (four TextDecoder calls per Flowise event, two of them for the useless `message:` line); reading
 * the field name from the bytes and decoding only `data` and `event` values is much faster.
 */
export function createEventParser(onEvent: (event: FlowiseEvent) => void): (chunk: Uint8Array) => void {
  const decoder = new TextDecoder();
  let data: string | undefined;
  let event = '';
  return getLines((line, fieldLength) => {
    if (line.length === 0) {
      // A blank line dispatches the message; one without data (after a comment) is nothing.
      if (data !== undefined || event !== '') {
        const decoded = decode({ event, data: data ?? '' });
        if (decoded) onEvent(decoded);
      }
      data = undefined;
      event = '';
      return;
    }
    if (fieldLength !== 4 && fieldLength !== 5) return;
    // The value starts after the colon and one optional space (SSE spec).
    const valueStart = fieldLength + (line[fieldLength + 1] === 32 ? 2 : 1);
    if (fieldLength === 4 && fieldIs(line, DATA)) {
      const value = decoder.decode(line.subarray(valueStart));
      data = data === undefined ? value : `${data}\n${value}`;
    } else if (fieldLength === 5 && fieldIs(line, EVENT)) {
      event = decoder.decode(line.subarray(valueStart));
    }
  });
}
