/**
 * Text to speech: `POST text-to-speech/generate` answers with its own event stream (flowise-protocol.md §7.9: a real
 * `event:` line and `data: ` with a space), read here with the prediction's parser.
 */
import { FlowiseError } from './errors.js';
import type { EventOf } from './events.js';
import {
  endpointUrl,
  ERROR_BODY_LIMIT,
  fetchOf,
  readLimited,
  requestHeaders,
  responseError,
  unreachableError,
  type FlowiseConnection,
} from './http.js';

/** What to read aloud: an answer of a conversation, by its `chatMessageId`. */
export interface SpeechRequest {
  /** The chatflow whose text-to-speech settings apply. */
  chatflowId: string;
  /** The conversation. */
  chatId: string;
  /** The answer's id as Flowise stored it (`metadata.chatMessageId`). */
  chatMessageId: string;
  /** The text to speak. */
  text: string;
}

/** An event of a speech stream: `tts_start` (with the format), `tts_data` (base64 audio) or `tts_end`. */
export type SpeechEvent = EventOf<'tts_start'> | EventOf<'tts_data'> | EventOf<'tts_end'>;

/** Streams speech for `request`, calling `onEvent` per event; a `tts_error` or an HTTP failure rejects. */
export async function streamSpeech(
  connection: FlowiseConnection,
  request: SpeechRequest,
  onEvent: (event: SpeechEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchOf(connection)(endpointUrl(connection.apiHost, 'text-to-speech/generate'), {
      method: 'POST',
      headers: requestHeaders(connection, { 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
      body: JSON.stringify(request),
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) return;
    throw new FlowiseError(unreachableError(connection, cause), { cause });
  }
  if (!response.ok || !response.body) {
    const text = await readLimited(response, ERROR_BODY_LIMIT);
    throw new FlowiseError(responseError(response, text, connection, request.chatflowId));
  }
  let failure: string | undefined;
  let ended = false;
  const onMessage = (name: string, data: unknown) => {
    if (name === 'tts_start' || name === 'tts_data' || name === 'tts_end') {
      if (name === 'tts_end') ended = true;
      onEvent({ type: name, data: (isRecord(data) ? data : {}) as SpeechEvent['data'] } as SpeechEvent);
    } else if (name === 'tts_error') {
      const error = isRecord(data) ? data.error : undefined;
      failure = typeof error === 'string' ? error : 'Flowise could not generate speech.';
    }
  };
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = response.body.getReader();
  try {
    while (!ended && failure === undefined) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const blocks = buffered.split(/\r?\n\r?\n/);
      buffered = blocks.pop() ?? '';
      for (const block of blocks) readBlock(block, onMessage);
    }
  } catch (cause) {
    if (signal?.aborted) return;
    throw new FlowiseError({ kind: 'incomplete', message: 'The speech stream was cut short.' }, { cause });
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  if (failure !== undefined) throw new FlowiseError({ kind: 'flow', message: failure, detail: failure });
}

/** One SSE message: its `data:` lines hold the `{event, data}` envelope (the `event:` line repeats the name). */
function readBlock(block: string, onMessage: (name: string, data: unknown) => void): void {
  const data = block
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
    .join('\n');
  if (!data) return;
  try {
    const envelope: unknown = JSON.parse(data);
    if (isRecord(envelope) && typeof envelope.event === 'string') onMessage(envelope.event, envelope.data);
  } catch {
    // not an envelope: nothing to play
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
