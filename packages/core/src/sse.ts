import { decodeMessage } from './decode.js';
import type { FlowiseEvent } from './events.js';

const LF = 10;
const CR = 13;

/**
 * The byte → event pipeline of the transport: UTF-8 text (a character split between chunks is held back), lines
 * (LF, CR or CRLF, a CRLF pair may be split between chunks), the SSE fields, then `decodeMessage`. Returns the
 * function to feed chunks to. Comments (`:heartbeat`), `id:`, `retry:` and Flowise's `message:` lines never produce
 * an event; a field needs its colon (`data:`, `event:`).
 *
 * Each chunk is decoded to a string at once and its lines are found with `indexOf`, both native: a loop over the
 * bytes in JavaScript (fetch-event-source's `getLines`) cost more than JSON-parsing the events (BENCHMARKS.md).
 * A line that spans chunks is kept as a list of parts and joined once, so a long `data:` line arriving in small
 * chunks is not copied again per chunk.
 */
export function createEventParser(onEvent: (event: FlowiseEvent) => void): (chunk: Uint8Array) => void {
  const decoder = new TextDecoder();
  /** The start of a line that has not ended yet. */
  let pending = '';
  /** The last chunk ended with CR: a LF that starts the next one belongs to it. */
  let afterCR = false;
  let data: string | undefined;
  let event = '';

  const line = (text: string, start: number, end: number): void => {
    if (start === end) {
      // A blank line dispatches the message; one without data (after a comment) is nothing.
      if (data !== undefined || event !== '') {
        const decoded = decodeMessage(event, data ?? '');
        if (decoded) onEvent(decoded);
      }
      data = undefined;
      event = '';
      return;
    }
    if (text.startsWith('data:', start)) {
      const value = text.slice(start + (text.charCodeAt(start + 5) === 32 ? 6 : 5), end);
      data = data === undefined ? value : `${data}\n${value}`;
    } else if (text.startsWith('event:', start)) {
      event = text.slice(start + (text.charCodeAt(start + 6) === 32 ? 7 : 6), end);
    }
  };

  return (chunk) => {
    const text = decoder.decode(chunk, { stream: true });
    let at = 0;
    if (afterCR && text.length > 0) {
      afterCR = false;
      if (text.charCodeAt(0) === LF) at = 1;
    }
    // Searched again only once passed. Whether there is a CR at all is asked of the bytes: most streams have none,
    // and a search of the decoded text for one made JSON.parse of its slices several times slower (V8, Node 20).
    let nextCR = chunk.indexOf(CR) === -1 ? -1 : text.indexOf('\r', at);
    let nextLF = text.indexOf('\n', at);
    while (at < text.length) {
      if (nextCR !== -1 && nextCR < at) nextCR = text.indexOf('\r', at);
      if (nextLF !== -1 && nextLF < at) nextLF = text.indexOf('\n', at);
      const end = nextCR === -1 ? nextLF : nextLF === -1 ? nextCR : Math.min(nextCR, nextLF);
      if (end === -1) {
        pending += at === 0 ? text : text.slice(at);
        return;
      }
      if (pending === '') {
        line(text, at, end);
      } else {
        const whole = pending + text.slice(at, end);
        pending = '';
        line(whole, 0, whole.length);
      }
      at = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (at === text.length) afterCR = true;
        else if (text.charCodeAt(at) === LF) at++;
      }
    }
  };
}
