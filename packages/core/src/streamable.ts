/** The streamable check as the transport uses it: an answer, never a rejection. */
import type { FlowiseClient } from './client.js';
import { FlowiseError, type ChatError } from './errors.js';
import type { StreamableAnswer } from './prediction-request.js';

/**
 * Asks `GET chatflows-streaming/:id`. Resolves `{ streamable }`, or `{ error }` when the check failed (an unknown
 * chatflow is `not-found`: the transport then fails the prediction at once instead of after the first-byte wait).
 */
export function askStreamable(
  client: FlowiseClient,
  chatflowId: string,
  signal?: AbortSignal,
): Promise<StreamableAnswer> {
  return client.checkStreaming(chatflowId, signal).then(
    (streamable) => ({ streamable }),
    (error: unknown) => ({ error: asChatError(error) }),
  );
}

/** Any thrown value as a {@link ChatError}. */
export function asChatError(error: unknown): ChatError {
  return error instanceof FlowiseError ? error.toChatError() : { kind: 'network', message: String(error) };
}
