/**
 * @flowise-kit/mock-server — a Flowise-compatible HTTP server for 127.0.0.1 that plays scripted scenarios in
 * Flowise 3.1.4's exact wire format, and replays recordings of a real server. A test utility.
 *
 * @packageDocumentation
 */
export { startMockFlowise, type MockFlowise, type MockFlowiseOptions, type RecordedRequest } from './server.js';
export { scenarios, scenarioNames } from './scenarios.js';
export type { Reply, Scenario, ScenarioContext, Step } from './scenario-types.js';
export { answerTokens, longAnswerTokens } from './answer.js';
export { UNSAFE_URLS, XSS_PAYLOADS } from './hostile.js';
export { encodeEvent, HEARTBEAT, STREAM_HEADERS } from './wire.js';
export { findFixturesDir, readRecordedResponse, type RecordedResponse } from './fixtures.js';
