import type { ScenarioContext, Step } from './scenario-types.js';

/** What a non-streaming request gets instead of the stream the steps describe. */
export type JsonOutcome = { status: number; body: unknown } | { drop: true } | { hang: true };

const PASSTHROUGH = new Set([
  'sourceDocuments',
  'usedTools',
  'fileAnnotations',
  'agentReasoning',
  'artifacts',
  'action',
  'agentFlowExecutedData',
]);

/**
 * The JSON prediction Flowise answers with when not streaming: the text of all tokens, the other payloads under
 * their own keys, metadata flattened in, `followUpPrompts` JSON-encoded (as Flowise does), `isStreamValid: false`.
 * An `error` step becomes Flowise's 500 error body.
 */
export function jsonFromSteps(steps: Step[], context: ScenarioContext): JsonOutcome {
  const body: Record<string, unknown> = {
    text: '',
    question: context.question,
    chatId: context.chatId,
    chatMessageId: context.chatMessageId,
  };
  for (const step of steps) {
    if (step.kind === 'drop') return { drop: true };
    if (step.kind === 'stall') return { hang: true };
    if (step.kind === 'tokens') body.text += step.tokens.join('');
    if (step.kind !== 'event') continue;
    if (step.event === 'error') {
      return { status: 500, body: { statusCode: 500, success: false, message: String(step.data), stack: {} } };
    }
    if (PASSTHROUGH.has(step.event)) body[step.event] = step.data;
    if (step.event === 'metadata') {
      const { followUpPrompts, ...rest } = step.data as Record<string, unknown>;
      Object.assign(body, rest);
      if (followUpPrompts) body.followUpPrompts = JSON.stringify(followUpPrompts);
    }
  }
  body.isStreamValid = false;
  return { status: 200, body };
}
