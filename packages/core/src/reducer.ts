import { endedFields } from './ended-answer.js';
import { errorFromEvent } from './errors.js';
import { withSpeechAborted } from './spoken-answer.js';
import type { AgentFlowNodeStatus, EventOf, FlowiseEvent } from './events.js';
import {
  MAX_DIAGNOSTICS,
  isOpenAnswer,
  type AgentFlowState,
  type AssistantMessage,
  type ChatState,
  type Diagnostic,
} from './state.js';

type Patch = (message: AssistantMessage) => AssistantMessage;

/**
 * Applies one stream event to the open answer (the last message, while it is `submitted` or `streaming`).
 *
 * Pure and total: it never throws, unknown events are kept, and an event that arrives when no answer is open
 * is recorded as a diagnostic. Structural sharing is the contract: only the open answer and the `messages`
 * array are replaced; every other reference (earlier messages, this answer's other fields) stays identical.
 *
 * @param now - the time to record (first token, end); the reducer never reads the clock itself.
 */
export function reduce(state: ChatState, event: FlowiseEvent, now = 0): ChatState {
  switch (event.type) {
    case 'start':
      return patchOpen(state, event, now, markStreaming);
    case 'token':
      return patchOpen(state, event, now, (m) => appendToken(m, event.data, now));
    case 'thinking':
      return patchOpen(state, event, now, (m) => appendThinking(m, event));
    case 'sourceDocuments':
      return patchOpen(state, event, now, (m) => ({ ...m, sourceDocuments: event.data }));
    case 'usedTools':
      return patchOpen(state, event, now, (m) => ({ ...m, usedTools: event.data }));
    case 'calledTools':
      return patchOpen(state, event, now, (m) => ({ ...m, calledTools: event.data }));
    case 'agentReasoning':
      return patchOpen(state, event, now, (m) => ({ ...m, agentReasoning: event.data }));
    case 'nextAgent':
      return patchOpen(state, event, now, (m) => ({ ...m, nextAgent: event.data }));
    case 'fileAnnotations':
      return patchOpen(state, event, now, (m) => ({ ...m, fileAnnotations: event.data }));
    case 'artifacts':
      return patchOpen(state, event, now, (m) => ({ ...m, artifacts: event.data }));
    case 'action':
      return patchOpen(state, event, now, (m) => ({ ...m, action: event.data }));
    case 'usageMetadata':
      return patchOpen(state, event, now, (m) => ({ ...m, usage: [...m.usage, event.data] }));
    case 'agentFlowEvent':
      return patchOpen(state, event, now, (m) => withAgentFlow(m, { status: event.data }));
    case 'nextAgentFlow':
      return patchOpen(state, event, now, (m) => withAgentFlow(m, { nodes: upsertNode(m.agentFlow, event.data) }));
    case 'agentFlowExecutedData':
      return patchOpen(state, event, now, (m) => withAgentFlow(m, { executedData: event.data }));
    case 'metadata':
      return applyMetadata(state, event, now);
    case 'error':
      return applyError(state, event, now);
    case 'abort':
      return patchOpen(state, event, now, (m) => ({ ...m, status: 'aborted', ...endedFields(m, now) }));
    case 'end':
      return patchOpen(state, event, now, (m) => ({ ...m, status: 'done', ...endedFields(m, now) }));
    case 'malformed':
      return addDiagnostic(state, { at: now, kind: 'malformed-event', detail: event.reason, raw: event.raw });
    case 'unknown':
      return patchOpen(state, event, now, (m) => withExtra(m, event.name, event.data));
    case 'tts_abort':
      return patchOpen(state, event, now, (m) => withSpeechAborted(withExtra(m, event.type, event.data), event, now));
    case 'tool':
    case 'tts_start':
    case 'tts_data':
    case 'tts_end':
    case 'executionEnd':
      return patchOpen(state, event, now, (m) => withExtra(m, event.type, event.data));
    default: {
      // The compiler proves this unreachable; at run time (plain JS callers) the reducer stays total.
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

/**
 * Applies events in order, exactly as {@link reduce} one by one would; adjacent tokens for an open answer are
 * joined first, so a frame's burst of tokens costs one message copy instead of one per token.
 */
export function reduceAll(state: ChatState, events: readonly FlowiseEvent[], now = 0): ChatState {
  let next = state;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (
      event.type === 'token' &&
      events[i + 1]?.type === 'token' &&
      isOpenAnswer(next.messages[next.messages.length - 1])
    ) {
      let text = event.data;
      while (events[i + 1]?.type === 'token') text += (events[++i] as EventOf<'token'>).data;
      next = reduce(next, { type: 'token', data: text }, now);
    } else {
      next = reduce(next, event, now);
    }
  }
  return next;
}

/** Replaces the open answer with `patch(answer)`, keeping every other reference. */
function patchOpen(state: ChatState, event: FlowiseEvent, now: number, patch: Patch): ChatState {
  const last = state.messages[state.messages.length - 1];
  if (!isOpenAnswer(last)) return lateEvent(state, event, now);
  const next = patch(last);
  if (next === last) return state;
  const messages = state.messages.slice();
  messages[messages.length - 1] = next;
  return { ...state, messages, status: next.status, ...(next.error ? { error: next.error } : {}) };
}

function markStreaming(message: AssistantMessage): AssistantMessage {
  return message.status === 'streaming' ? message : { ...message, status: 'streaming' };
}

function appendToken(message: AssistantMessage, text: string, now: number): AssistantMessage {
  const timings =
    message.timings.firstTokenAt === undefined ? { ...message.timings, firstTokenAt: now } : message.timings;
  return { ...message, status: 'streaming', text: message.text + text, timings };
}

function appendThinking(message: AssistantMessage, event: EventOf<'thinking'>): AssistantMessage {
  const next: AssistantMessage = { ...message, status: 'streaming', reasoning: message.reasoning + event.data };
  if (event.duration !== undefined) next.reasoningDuration = event.duration;
  return next;
}

function withAgentFlow(message: AssistantMessage, patch: Partial<AgentFlowState>): AssistantMessage {
  const flow: AgentFlowState = { ...(message.agentFlow ?? { nodes: [], executedData: [] }), ...patch };
  return { ...message, status: 'streaming', agentFlow: flow };
}

function upsertNode(flow: AgentFlowState | undefined, node: AgentFlowNodeStatus): AgentFlowNodeStatus[] {
  const nodes = flow?.nodes ?? [];
  const index = nodes.findIndex((n) => n.nodeId === node.nodeId);
  if (index === -1) return [...nodes, node];
  const copy = nodes.slice();
  copy[index] = node;
  return copy;
}

function withExtra(message: AssistantMessage, name: string, data: unknown): AssistantMessage {
  return { ...message, extraEvents: [...message.extraEvents, { name, data }] };
}

function applyMetadata(state: ChatState, event: EventOf<'metadata'>, now: number): ChatState {
  const next = patchOpen(state, event, now, (m) => {
    const message: AssistantMessage = { ...m, metadata: { ...m.metadata, ...event.data } };
    if (event.data.followUpPrompts) message.followUpPrompts = event.data.followUpPrompts;
    if (event.data.action) message.action = event.data.action;
    return message;
  });
  // The server's chatId wins over ours: it is the key Flowise stored the conversation under.
  const chatId = event.data.chatId;
  const withId = chatId && chatId !== next.chatId && next !== state ? { ...next, chatId } : next;
  return next !== state && event.data.question ? withTranscript(withId, event.data.question) : withId;
}

/** A spoken question (an `audio` upload, no text) shows what the server heard: `metadata.question`. */
function withTranscript(state: ChatState, question: string): ChatState {
  const index = state.messages.length - 2;
  const user = state.messages[index];
  if (user?.role !== 'user' || user.text !== '' || !user.uploads?.some((u) => u.type === 'audio')) return state;
  const messages = state.messages.slice();
  messages[index] = { ...user, text: question };
  return { ...state, messages };
}

function applyError(state: ChatState, event: EventOf<'error'>, now: number): ChatState {
  const error = errorFromEvent(event.data);
  return patchOpen(state, event, now, (m) => ({ ...m, status: 'error', error, ...endedFields(m, now) }));
}

function lateEvent(state: ChatState, event: FlowiseEvent, now: number): ChatState {
  // `end` and `abort` after an `error` event are Flowise's normal closing: nothing to note.
  if (event.type === 'end' || event.type === 'abort') return state;
  const name = event.type === 'unknown' ? event.name : event.type;
  return addDiagnostic(state, { at: now, kind: 'late-event', detail: `"${name}" arrived when no answer was open` });
}

/** Appends a diagnostic, keeping at most {@link MAX_DIAGNOSTICS}. */
export function addDiagnostic(state: ChatState, diagnostic: Diagnostic): ChatState {
  const diagnostics = [...state.diagnostics, diagnostic];
  if (diagnostics.length > MAX_DIAGNOSTICS) diagnostics.splice(0, diagnostics.length - MAX_DIAGNOSTICS);
  return { ...state, diagnostics };
}
