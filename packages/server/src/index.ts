/**
 * @flowise-kit/server — a streaming proxy for Flowise in the app's own server: the API key stays there.
 *
 * @packageDocumentation
 */
export { createFlowiseHandler } from './handler.js';
export type { Authorization, FlowiseHandlerOptions } from './options.js';
