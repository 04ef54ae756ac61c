/** The building blocks of the mock's scenarios: event steps, Flowise-shaped payloads and canned errors. */
import { answerTokens } from './answer.js';
import type { Reply, Scenario, ScenarioContext, Step } from './scenario-types.js';
export const ev = (event: string, data: unknown, extra?: Record<string, unknown>): Step => ({
  kind: 'event',
  event,
  data,
  ...(extra ? { extra } : {}),
});
export const metadata = (c: ScenarioContext, more: Record<string, unknown> = {}) =>
  ev('metadata', {
    chatId: c.chatId,
    chatMessageId: c.chatMessageId,
    question: c.question,
    sessionId: c.chatId,
    memoryType: 'Buffer Memory',
    ...more,
  });
export const END = ev('end', '[DONE]');
export const stream = (...steps: Step[]): Reply => ({ kind: 'stream', steps });
export const chatAnswer = (c: ScenarioContext, after: Step[] = [], meta: Record<string, unknown> = {}): Reply =>
  stream(ev('start', ''), { kind: 'tokens', tokens: answerTokens(c.tokens) }, ...after, metadata(c, meta), END);
const httpError = (status: number, message: string, headers?: Record<string, string>): Scenario => ({
  description: `HTTP ${status} with Flowise's JSON error body`,
  reply: () => ({
    kind: 'json',
    status,
    body: { statusCode: status, success: false, message, stack: {} },
    ...(headers ? { headers } : {}),
  }),
});

/** Flowise's message for each HTTP error the mock can answer with. */
const HTTP_ERRORS: Record<number, string> = {
  400: 'Error: predictionsServices.buildChatflow - Invalid request: question is required',
  401: 'Unauthorized Access',
  403: 'This site is not allowed to access this chatbot',
  404: 'Chatflow {id} not found in the database!',
  // Not Flowise's: @flowise-kit/server's answer to a second prediction on a conversation still answering.
  409: 'This conversation is still answering: stop it or wait before asking again.',
  413: 'request entity too large',
  429: 'Too many requests, please try again later.',
  500: 'Error: predictionsServices.buildChatflow - Internal failure',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** `http-<status>` (Flowise's JSON error body) and `http-<status>-empty` (no body) for every status above. */
export function httpErrors(): Record<string, Scenario> {
  const all: Record<string, Scenario> = {};
  for (const [code, message] of Object.entries(HTTP_ERRORS)) {
    const status = Number(code);
    const headers: Record<string, string> | undefined = status === 429 ? { 'Retry-After': '1' } : undefined;
    all[`http-${status}`] = {
      description: `HTTP ${status} with Flowise's JSON error body`,
      reply: (c) => httpError(status, message.replace('{id}', c.chatflowId), headers).reply(c),
    };
    all[`http-${status}-empty`] = {
      description: `HTTP ${status} with an empty body`,
      reply: () => ({ kind: 'raw', status, body: '', ...(headers ? { headers } : {}) }),
    };
  }
  return all;
}

/** About 1 MiB of words, sent as one token. */
export const HUGE_TOKEN = ' lorem ipsum dolor sit amet,'.repeat(Math.ceil((1024 * 1024) / 28)).slice(0, 1024 * 1024);

export const SOURCES = [
  {
    pageContent:
      'Foxes listen more than they count. The river taught the fox to hear the fish, the reeds and the wind.',
    metadata: {
      source: 'https://example.com/fox-story',
      title: 'The fox and the river',
      loc: { lines: { from: 1, to: 12 } },
    },
  },
  {
    pageContent: 'Stones by the river are counted every morning; notes are kept short.',
    metadata: { source: '/data/uploads/river-notes.pdf', page: 3, loc: { pageNumber: 3 } },
  },
  {
    pageContent:
      'Hostile content: <img src=x onerror=alert(1)> <script>window.__pwned=1</script> [click](javascript:alert(1))',
    metadata: { source: 'javascript:alert(1)', title: '<b>bold title</b>' },
  },
];
export const CALCULATOR = [{ tool: 'calculator', toolInput: { input: '6*7' }, toolOutput: '42' }];
export const flowNode = (nodeId: string, nodeLabel: string, status: string) =>
  ev('nextAgentFlow', { nodeId, nodeLabel, status });
export const START_NODE = {
  nodeId: 'startAgentflow_0',
  nodeLabel: 'Start',
  data: { id: 'startAgentflow_0', name: 'startAgentflow' },
  previousNodeIds: [],
  status: 'FINISHED',
};
export const LLM_NODE = {
  nodeId: 'llmAgentflow_0',
  nodeLabel: 'Storyteller',
  data: {
    id: 'llmAgentflow_0',
    name: 'llmAgentflow',
    input: {
      llmModel: 'chatOpenAICustom',
      llmModelConfig: { modelName: 'test-model', openAIApiKey: 'sk-mock-secret' },
    },
  },
  previousNodeIds: ['startAgentflow_0'],
  status: 'FINISHED',
};
/** How every agentflow run begins: the run starts, the Start node runs, the trace has it. */
export const AGENTFLOW_PRELUDE: Step[] = [
  ev('agentFlowEvent', 'INPROGRESS'),
  flowNode('startAgentflow_0', 'Start', 'INPROGRESS'),
  flowNode('startAgentflow_0', 'Start', 'FINISHED'),
  ev('agentFlowExecutedData', [START_NODE]),
];
export const USAGE = { input_tokens: 10, output_tokens: 60, total_tokens: 70 };
export const ACTION = {
  id: 'mock-action-1',
  mapping: { approve: 'Proceed', reject: 'Reject' },
  elements: [
    { type: 'agentflowv2-approve-button', label: 'Proceed' },
    { type: 'agentflowv2-reject-button', label: 'Reject' },
  ],
  data: {
    nodeId: 'humanInputAgentflow_0',
    nodeLabel: 'Human Input 0',
    input: { messages: [], humanInputEnableFeedback: false },
  },
};
// A 1×1 transparent PNG.
export const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
