import { redactSecrets, redactSecretText } from './redact.js';
import {
  KNOWN_EVENT_NAMES,
  type FlowiseEvent,
  type KnownEventName,
  type SourceDocument,
  type ToolCall,
} from './events.js';

/** One server-sent event: its name and its data. */
export interface SseMessage {
  /** The `event:` field; `""` when absent (Flowise never sets it). */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
}

const KNOWN = new Set<string>(KNOWN_EVENT_NAMES);
const STRING_EVENTS = new Set<string>([
  'start',
  'token',
  'thinking',
  'nextAgent',
  'agentFlowEvent',
  'error',
  'abort',
  'end',
]);
const ARRAY_EVENTS = new Set<string>([
  'sourceDocuments',
  'usedTools',
  'calledTools',
  'fileAnnotations',
  'agentReasoning',
  'agentFlowExecutedData',
  'artifacts',
]);
const OBJECT_EVENTS = new Set<string>([
  'nextAgentFlow',
  'action',
  'usageMetadata',
  'metadata',
  'tts_start',
  'tts_data',
  'tts_end',
  'tts_abort',
  'executionEnd',
]);

/**
 * Decodes one SSE message into one event.
 *
 * Accepts the data-only JSON envelope Flowise writes (`data:{"event":"token","data":"Hi"}`) and the
 * named-event form the public docs show (`event: token` + `data: Hi`). Returns `undefined` for a message
 * with no data (the blank dispatch after a `:heartbeat` comment). Never throws: an unknown name becomes an
 * `unknown` event, undecodable input a `malformed` one. Secret-looking values (`openAIApiKey` in a node's echoed
 * configuration …) are redacted here, so the store, callbacks, persistence and exports never hold them.
 */
export function decode(message: SseMessage): FlowiseEvent | undefined {
  return decodeMessage(message.event, message.data);
}

/** {@link decode} for the parser, without a message object per event. */
export function decodeMessage(event: string, data: string): FlowiseEvent | undefined {
  if (event === '' || event === 'message') {
    if (data === '') return undefined;
    return decodeEnvelope(data);
  }
  return decodeNamed(event, data);
}

/** How Flowise writes a token's envelope (JSON.stringify's key order); the data string follows. */
const TOKEN_PREFIX = '{"event":"token","data":"';
/** What a JSON string's body may not hold unescaped; with none of it, the body is the string itself. */
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in a string: those go to JSON.parse.
const NOT_PLAIN = /["\\\u0000-\u001f]/;

function decodeEnvelope(raw: string): FlowiseEvent {
  // Nearly every event of an answer is a token: when its text has no escape, read it without a JSON parse
  // (a property test holds this to JSON.parse's result).
  if (raw.startsWith(TOKEN_PREFIX) && raw.endsWith('"}')) {
    const data = raw.slice(TOKEN_PREFIX.length, -2);
    if (!NOT_PLAIN.test(data)) return { type: 'token', data };
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return malformed(raw, 'data is not valid JSON');
  }
  if (!isRecord(envelope) || typeof envelope.event !== 'string') {
    return malformed(raw, 'data is not a {"event","data"} envelope');
  }
  // The envelope itself carries the extra fields (a thinking event's `duration`): no copy of it per event.
  return eventFromPayload(envelope.event, envelope.data, envelope, raw);
}

function decodeNamed(name: string, raw: string): FlowiseEvent {
  if (!KNOWN.has(name) || STRING_EVENTS.has(name)) return eventFromPayload(name, raw, {}, raw);
  try {
    return eventFromPayload(name, JSON.parse(raw), {}, raw);
  } catch {
    return malformed(raw, `"${name}" data is not valid JSON`);
  }
}

/**
 * Builds the typed event for an event name and its payload, checking and normalising the payload's shape.
 * Used for stream messages and for the fields of a JSON prediction alike.
 */
export function eventFromPayload(
  name: string,
  data: unknown,
  extra: Record<string, unknown> = {},
  raw = '',
): FlowiseEvent {
  if (!KNOWN.has(name)) return { type: 'unknown', name, data: redactSecrets(data) };
  const type = name as KnownEventName;
  if (STRING_EVENTS.has(type)) {
    if (data === undefined || data === null) data = '';
    if (typeof data !== 'string') return malformed(raw, `"${type}" data is not a string`);
    if (type === 'thinking') {
      return typeof extra.duration === 'number' ? { type, data, duration: extra.duration } : { type, data };
    }
    return { type, data } as FlowiseEvent;
  }
  if (ARRAY_EVENTS.has(type) || OBJECT_EVENTS.has(type)) data = redactSecrets(data);
  if (ARRAY_EVENTS.has(type)) {
    if (!Array.isArray(data)) return malformed(raw, `"${type}" data is not an array`);
    if (type === 'sourceDocuments') return { type, data: data.map(toSourceDocument) };
    if (type === 'usedTools' || type === 'calledTools') return { type, data: data.map(toToolCall) };
    return { type, data } as FlowiseEvent;
  }
  if (OBJECT_EVENTS.has(type)) {
    if (!isRecord(data)) return malformed(raw, `"${type}" data is not an object`);
    if (type === 'metadata') return { type, data: normaliseMetadata(data) };
    return { type, data } as FlowiseEvent;
  }
  return { type, data } as FlowiseEvent;
}

function malformed(raw: string, reason: string): FlowiseEvent {
  const text = redactSecretText(raw);
  return { type: 'malformed', raw: text.length > 500 ? `${text.slice(0, 500)}…` : text, reason };
}

/** Makes a source document safe to render: `pageContent` a string, `metadata` an object. */
export function toSourceDocument(value: unknown): SourceDocument {
  if (!isRecord(value)) return { pageContent: typeof value === 'string' ? value : '', metadata: {} };
  return {
    pageContent: typeof value.pageContent === 'string' ? value.pageContent : '',
    metadata: isRecord(value.metadata) ? value.metadata : {},
  };
}

function toToolCall(value: unknown): ToolCall {
  if (!isRecord(value)) return { tool: 'unknown', toolInput: {}, toolOutput: value };
  const call: ToolCall = {
    ...value,
    tool: typeof value.tool === 'string' ? value.tool : 'unknown',
    toolInput: isRecord(value.toolInput) || typeof value.toolInput === 'string' ? value.toolInput : {},
    toolOutput: value.toolOutput ?? '',
  };
  if (Array.isArray(value.sourceDocuments)) call.sourceDocuments = value.sourceDocuments.map(toSourceDocument);
  return call;
}

/** `followUpPrompts` is an array in streams but a JSON-encoded string in JSON answers: always an array here. */
export function normaliseMetadata<T extends Record<string, unknown>>(data: T): T {
  const prompts = parseFollowUpPrompts(data.followUpPrompts);
  if (prompts === data.followUpPrompts) return data;
  const copy: Record<string, unknown> = { ...data };
  if (prompts === undefined) delete copy.followUpPrompts;
  else copy.followUpPrompts = prompts;
  return copy as T;
}

function parseFollowUpPrompts(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  let list = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(list)) return undefined;
  if (list === value && list.every((p) => typeof p === 'string')) return list as string[];
  return list.filter((p): p is string => typeof p === 'string');
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
