import type { AssistantMessage } from './state.js';

/**
 * `text` made flat, the same value. Appending a token makes a rope (a node per append, several times the text's own
 * size) that stays one until something reads it whole; reading one character makes the engines (V8, JavaScriptCore,
 * SpiderMonkey) copy it into one flat string, in place, so every holder of the string gets the flat copy.
 */
export function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** An answer's fields once it has ended (done, stopped or failed): the end time, its text and reasoning flat. */
export function endedFields(
  message: AssistantMessage,
  now: number,
): Pick<AssistantMessage, 'timings' | 'text' | 'reasoning'> {
  return {
    timings: { ...message.timings, endedAt: now },
    text: flatten(message.text),
    reasoning: flatten(message.reasoning),
  };
}
