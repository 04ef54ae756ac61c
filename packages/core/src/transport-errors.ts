/** The transport's own failures, each with a message that says what happened and what to do. */
import type { ChatError } from './errors.js';

/** Nothing came back within the first-byte wait. */
export function silenceError(ms: number, chatflowId: string): ChatError {
  return {
    kind: 'timeout',
    message: `Flowise did not answer within ${seconds(ms)}. Flowise stays silent on a streaming request when the chatflow id "${chatflowId}" does not exist; otherwise the server is overloaded or unreachable.`,
  };
}

/** The response went quiet for the idle wait. */
export function idleError(ms: number): ChatError {
  return {
    kind: 'timeout',
    message: `The answer stalled: nothing arrived for ${seconds(ms)}. The text so far is kept.`,
  };
}

/** The stream closed cleanly, but before Flowise's `end` event. */
export function closedEarlyError(): ChatError {
  return {
    kind: 'incomplete',
    message:
      'The answer stopped before Flowise finished it (the stream closed without its end event). The text so far is kept.',
  };
}

/** The connection failed while the answer was streaming; `reason` is already redacted. */
export function droppedError(reason: string): ChatError {
  return {
    kind: 'incomplete',
    message: `The connection dropped while the answer was streaming (${reason}). The text so far is kept.`,
    detail: reason,
  };
}

/** A 2xx that is neither an event stream nor JSON (a login page, a proxy's answer). */
export function notAPredictionError(status: number, contentType: string): ChatError {
  const what = contentType ? contentType.split(';')[0] : 'no content type';
  return {
    kind: 'bad-response',
    status,
    message: `The server answered HTTP ${status} with ${what} instead of a Flowise prediction. Check that apiHost points at Flowise itself, not at a login page or a proxy.`,
  };
}

/** A JSON answer that does not parse. */
export function badJsonError(status: number): ChatError {
  return { kind: 'bad-response', status, message: 'The server sent a JSON answer that could not be parsed.' };
}

/** What a network failure adds to its message in the transport. */
export const UNREACHABLE_ADVICE =
  ' Check the API host, that the server is running, and that it allows this origin (CORS).';

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
