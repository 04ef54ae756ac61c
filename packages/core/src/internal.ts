/**
 * @flowise-kit/core/internal — what the kit's own packages (react, widget, mock server, tests) share beyond the
 * public API: the pipeline's lower layers, pure state transitions and pacing. No semver promise: names here may
 * change in any release. An app should need only `@flowise-kit/core`.
 *
 * @packageDocumentation
 */
export { KNOWN_EVENT_NAMES } from './events.js';
export { decode, eventFromPayload, type SseMessage } from './decode.js';
export { createEventParser } from './sse.js';
export { eventsFromJsonPrediction } from './json-prediction.js';
export { errorFromStatus } from './errors.js';
export { createAssistantMessage } from './state.js';
export { abortTurn, beginTurn, dropLastTurn, failTurn, type TurnStart } from './turn.js';
export { endpointUrl } from './http.js';
export { Batcher } from './batching.js';
export { PACING, nextRevealBudget, revealEnd, schedulerFor, type Schedule } from './pacing.js';
export { afterThisTask } from './next-task.js';
export { isSecretKey } from './redact.js';
export { randomId } from './id.js';
