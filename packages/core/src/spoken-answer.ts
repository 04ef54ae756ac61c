/**
 * Auto-played speech (flowise-protocol.md §4, §7.9): a chatflow with text to speech on auto-play streams the answer's
 * audio (`tts_start`, `tts_data`, `tts_end`) after its last token and before `metadata`. Stopping it
 * (`text-to-speech/abort`) makes Flowise write `tts_abort` into the prediction stream and close it, without `metadata`
 * or `end`.
 */
import { endedFields } from './ended-answer.js';
import type { EventOf } from './events.js';
import type { AssistantMessage } from './state.js';

/** The `chatMessageId` the speech an answer streamed names (its `tts_start`'s; known before `metadata` brings it). */
export function spokenMessageId(answer: AssistantMessage): string | undefined {
  const start = answer.extraEvents.find((event) => event.name === 'tts_start');
  return (start?.data as { chatMessageId?: string } | undefined)?.chatMessageId || undefined;
}

/**
 * A `tts_abort` for the answer's own auto-played speech: Flowise speaks an answer only once it is complete, so the
 * answer is done (with the id its speech named, since no `metadata` follows). A `tts_abort` for another answer's
 * speech leaves it open: the stream it closes is cut short.
 */
export function withSpeechAborted(
  answer: AssistantMessage,
  event: EventOf<'tts_abort'>,
  now: number,
): AssistantMessage {
  const id = spokenMessageId(answer);
  if (!id || event.data.chatMessageId !== id) return answer;
  return {
    ...answer,
    status: 'done',
    metadata: { chatMessageId: id, ...answer.metadata },
    ...endedFields(answer, now),
  };
}
