import { eventFromPayload, isRecord } from './decode.js';
import type { FlowiseEvent } from './events.js';

/** Keys of a JSON prediction that carry the same payload as the stream event of the same name. */
const PASSTHROUGH = [
  'sourceDocuments',
  'usedTools',
  'fileAnnotations',
  'agentReasoning',
  'artifacts',
  'action',
  'agentFlowExecutedData',
] as const;

/** Keys of a JSON prediction that the stream sends inside `metadata`. */
const METADATA_KEYS = [
  'chatId',
  'chatMessageId',
  'question',
  'sessionId',
  'memoryType',
  'followUpPrompts',
  'flowVariables',
  'action',
  'executionId',
] as const;

/**
 * Turns a JSON prediction (Flowise answers JSON when streaming is off or the chatflow cannot stream) into the
 * events a stream would have carried, so one reducer serves both and the resulting state is the same.
 */
export function eventsFromJsonPrediction(body: unknown): FlowiseEvent[] {
  if (!isRecord(body))
    return [{ type: 'malformed', raw: String(body), reason: 'the JSON prediction is not an object' }];
  const events: FlowiseEvent[] = [{ type: 'start', data: '' }];
  const text = answerText(body);
  if (text) events.push({ type: 'token', data: text });
  for (const key of PASSTHROUGH) {
    if (body[key] !== undefined && body[key] !== null) events.push(eventFromPayload(key, body[key]));
  }
  const metadata: Record<string, unknown> = {};
  for (const key of METADATA_KEYS) if (body[key] !== undefined && body[key] !== null) metadata[key] = body[key];
  events.push(eventFromPayload('metadata', metadata));
  events.push({ type: 'end', data: '[DONE]' });
  return events;
}

/** `text`, or a structured-output flow's `json` shown as a fenced block. */
function answerText(body: Record<string, unknown>): string {
  if (typeof body.text === 'string') return body.text;
  if (body.json !== undefined) return `\`\`\`json\n${JSON.stringify(body.json, null, 2)}\n\`\`\``;
  return '';
}
