import type {
  AgentFlowState,
  AgentReasoningStep,
  AssistantMessage,
  ChatError,
  ChatMessage,
  ChatState,
  ChatStatus,
  ChatStore,
  SourceDocument,
  ToolCall,
} from '@flowise-kit/core';
import { useCallback, useRef } from 'react';
import { useStore } from 'zustand';
import { useChatStore } from './context.js';

/**
 * Subscribes to a slice of the chat state. The component re-renders only when the slice changes, compared with
 * `equality` (default `Object.is`; pass {@link shallowEqual} for arrays and objects built by the selector).
 *
 * @example
 * const count = useChatSelector((state) => state.messages.length);
 */
export function useChatSelector<T>(
  selector: (state: ChatState) => T,
  equality: (a: T, b: T) => boolean = Object.is,
  store?: ChatStore,
): T {
  const resolved = useChatStore(store);
  const previous = useRef<{ value: T } | null>(null);
  // Returning the previous reference when equal keeps useSyncExternalStore from re-rendering.
  const stable = useCallback(
    (state: ChatState) => {
      const next = selector(state);
      const prev = previous.current;
      if (prev && equality(prev.value, next)) return prev.value;
      previous.current = { value: next };
      return next;
    },
    [selector, equality],
  );
  return useStore(resolved, stable);
}

/** Equal when both are arrays (or plain objects) with `Object.is`-equal items (values). */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

// Indexes are computed once per `messages` array (once per commit), then shared by every subscriber.
const idsCache = new WeakMap<readonly ChatMessage[], string[]>();
const indexCache = new WeakMap<readonly ChatMessage[], Map<string, ChatMessage>>();

/** The ids of the messages, in order (cached per messages array). */
export function selectMessageIds(state: ChatState): string[] {
  let ids = idsCache.get(state.messages);
  if (!ids) {
    ids = state.messages.map((m) => m.id);
    idsCache.set(state.messages, ids);
  }
  return ids;
}

/** A message by id in O(1) (the index is cached per messages array). */
export function selectMessage(state: ChatState, id: string): ChatMessage | undefined {
  let index = indexCache.get(state.messages);
  if (!index) {
    index = new Map(state.messages.map((m) => [m.id, m]));
    indexCache.set(state.messages, index);
  }
  return index.get(id);
}

/** The latest assistant message, if any. */
export function selectLatestAnswer(state: ChatState): AssistantMessage | undefined {
  for (let i = state.messages.length - 1; i >= 0; i--) {
    const message = state.messages[i]!;
    if (message.role === 'assistant') return message;
  }
  return undefined;
}

function answerById(state: ChatState, id: string | undefined): AssistantMessage | undefined {
  const message = id === undefined ? selectLatestAnswer(state) : selectMessage(state, id);
  return message?.role === 'assistant' ? message : undefined;
}

/** The conversation's status. */
export function useChatStatus(store?: ChatStore): ChatStatus {
  return useChatSelector((s) => s.status, Object.is, store);
}

/** The latest turn's error, if it failed. */
export function useChatError(store?: ChatStore): ChatError | undefined {
  return useChatSelector((s) => s.error, Object.is, store);
}

/** The message ids in order; changes only when a message is added or removed, not on tokens. */
export function useMessageIds(store?: ChatStore): string[] {
  return useChatSelector(selectMessageIds, shallowEqual, store);
}

/** One message by id; only this message's changes re-render the caller. */
export function useMessage(id: string, store?: ChatStore): ChatMessage | undefined {
  const selector = useCallback((s: ChatState) => selectMessage(s, id), [id]);
  return useChatSelector(selector, Object.is, store);
}

/** The source documents of an answer (default: the latest). Tokens never change this reference. */
export function useSources(messageId?: string, store?: ChatStore): SourceDocument[] {
  const selector = useCallback(
    (s: ChatState) => answerById(s, messageId)?.sourceDocuments ?? EMPTY_SOURCES,
    [messageId],
  );
  return useChatSelector(selector, Object.is, store);
}

/** Everything an answer's tool and agent trace shows. */
export interface ToolTraceData {
  /** Tools that ran, with their output. */
  usedTools: ToolCall[];
  /** Tool calls requested and not yet answered. */
  calledTools: ToolCall[];
  /** The steps of a multi-agent run. */
  agentReasoning: AgentReasoningStep[];
  /** The Agentflow v2 node timeline, for agentflows. */
  agentFlow: AgentFlowState | undefined;
  /** The agent a multi-agent run handed over to last. */
  nextAgent: string | undefined;
}

/** The tool and agent trace of an answer (default: the latest). Tokens never change it. */
export function useToolTrace(messageId?: string, store?: ChatStore): ToolTraceData {
  const selector = useCallback(
    (s: ChatState): ToolTraceData => {
      const answer = answerById(s, messageId);
      return {
        usedTools: answer?.usedTools ?? EMPTY_TOOLS,
        calledTools: answer?.calledTools ?? EMPTY_TOOLS,
        agentReasoning: answer?.agentReasoning ?? EMPTY_STEPS,
        agentFlow: answer?.agentFlow,
        nextAgent: answer?.nextAgent,
      };
    },
    [messageId],
  );
  return useChatSelector(selector, shallowEqual, store);
}

/** Tool calls requested and not answered yet (they show as running). */
export function pendingToolCalls(trace: Pick<ToolTraceData, 'calledTools' | 'usedTools'>): ToolCall[] {
  const { calledTools, usedTools } = trace;
  return calledTools.filter((call) => !usedTools.some((used) => used.tool === call.tool));
}

/** Whether `ToolTrace` shows anything for this trace (an answer, or what `useToolTrace` gave). */
export function hasToolTrace(
  trace: Pick<ToolTraceData, 'calledTools' | 'usedTools' | 'agentReasoning'> & {
    agentFlow?: AgentFlowState | undefined;
  },
): boolean {
  const shown = pendingToolCalls(trace).length + trace.usedTools.length + trace.agentReasoning.length;
  return shown + (trace.agentFlow?.nodes.length ?? 0) > 0;
}

/**
 * Whether `SourceList` or `ToolTrace` show anything for an answer: for a panel that says so when they do not.
 *
 * @example
 * const empty = useChatSelector((state) => {
 *   const answer = selectLatestAnswer(state);
 *   return answer !== undefined && !hasAnswerDetails(answer);
 * });
 */
export function hasAnswerDetails(answer: AssistantMessage): boolean {
  return answer.sourceDocuments.length > 0 || hasToolTrace(answer);
}

/** The id of the latest answer. */
export function useLatestAnswerId(store?: ChatStore): string | undefined {
  return useChatSelector((s) => selectLatestAnswer(s)?.id, Object.is, store);
}

const EMPTY_SOURCES: SourceDocument[] = [];
const EMPTY_TOOLS: ToolCall[] = [];
const EMPTY_STEPS: AgentReasoningStep[] = [];
