import { answerTokens, longAnswerTokens } from './answer.js';
import type { Scenario, Step } from './scenario-types.js';
import { UNSAFE_URLS, XSS_PAYLOADS, hostileTokens } from './hostile.js';
import { encodeEvent } from './wire.js';
import {
  ev,
  metadata,
  END,
  stream,
  chatAnswer,
  httpErrors,
  HUGE_TOKEN,
  SOURCES,
  CALCULATOR,
  flowNode,
  START_NODE,
  LLM_NODE,
  AGENTFLOW_PRELUDE,
  USAGE,
  ACTION,
  PNG,
} from './scenario-parts.js';

/** Every scenario, by name: the chatflow id of a prediction picks one. */
export const scenarios: Record<string, Scenario> = {
  plain: { description: 'start, N tokens, metadata, end', reply: (c) => chatAnswer(c) },
  'repeat-start': {
    description: 'start carries the first token, which then also comes as a token (retrieval chains)',
    reply: (c) => {
      const tokens = answerTokens(c.tokens);
      return stream(ev('start', tokens[0] ?? ''), { kind: 'tokens', tokens }, metadata(c), END);
    },
  },
  sources: { description: 'an answer with 3 sourceDocuments after the tokens (one hostile)', reply: (c) => chatAnswer(c, [ev('sourceDocuments', SOURCES)]) },
  tools: { description: 'an answer with usedTools (calculator) after the tokens', reply: (c) => chatAnswer(c, [ev('usedTools', CALCULATOR)]) },
  'agent-tools': {
    description: 'Agentflow v2 agent: calledTools, usedTools, calledTools [] then the answer',
    reply: (c) =>
      stream(
        ...AGENTFLOW_PRELUDE,
        flowNode('agentAgentflow_0', 'Agent', 'INPROGRESS'),
        ev('calledTools', [{ tool: 'current_date_time', toolInput: { input: 'now' }, toolOutput: '' }]),
        ev('usedTools', [{ tool: 'current_date_time', toolInput: { input: 'now' }, toolOutput: '{"date":"2026-11-24","day":"Tuesday"}' }]),
        ev('calledTools', []),
        ev('usageMetadata', USAGE),
        { kind: 'tokens', tokens: answerTokens(c.tokens) },
        flowNode('agentAgentflow_0', 'Agent', 'FINISHED'),
        ev('agentFlowEvent', 'FINISHED'),
        metadata(c),
        END,
      ),
  },
  agentflow: {
    description: 'Agentflow v2 Start → LLM with reasoning, node timeline and a leaked API key in the trace',
    reply: (c) =>
      stream(
        ...AGENTFLOW_PRELUDE,
        flowNode('llmAgentflow_0', 'Storyteller', 'INPROGRESS'),
        ev('thinking', 'The user wants a story. '),
        ev('thinking', 'A short one about a fox.'),
        ev('thinking', '', { duration: 2 }),
        ev('calledTools', []),
        ev('usageMetadata', USAGE),
        { kind: 'tokens', tokens: answerTokens(c.tokens) },
        flowNode('llmAgentflow_0', 'Storyteller', 'FINISHED'),
        ev('agentFlowExecutedData', [START_NODE, LLM_NODE]),
        ev('agentFlowEvent', 'FINISHED'),
        metadata(c),
        END,
      ),
  },
  'agent-reasoning': {
    description: 'multi-agent: agentReasoning steps and nextAgent',
    reply: (c) =>
      stream(
        ev('start', ''),
        ev('nextAgent', 'Researcher'),
        ev('agentReasoning', [
          { agentName: 'Supervisor', messages: ['Researcher should look this up.'], next: 'Researcher', instructions: 'Find the fox story.' },
          { agentName: 'Researcher', messages: ['Found it in the river notes.'], usedTools: CALCULATOR, sourceDocuments: [SOURCES[0]] },
        ]),
        { kind: 'tokens', tokens: answerTokens(c.tokens) },
        metadata(c),
        END,
      ),
  },
  artifacts: {
    description: 'an answer with a PNG and an (untrusted) HTML artifact',
    reply: (c) => chatAnswer(c, [ev('artifacts', [{ type: 'png', data: `data:image/png;base64,${PNG}` }, { type: 'html', data: '<b>hi</b><script>window.__pwned=1</script>' }])]),
  },
  'follow-up': {
    description: 'metadata carries followUpPrompts',
    reply: (c) => chatAnswer(c, [], { followUpPrompts: ['What else did the fox learn?', 'Tell me about the river', 'Write it as a poem'] }),
  },
  hitl: {
    description: 'Agentflow v2 with a human-input node: stops with an approve/reject action; humanInput resumes',
    reply: (c) => {
      if (c.humanInput?.type === 'reject') return stream(ev('agentFlowEvent', 'INPROGRESS'), { kind: 'tokens', tokens: ['Rejected.'] }, ev('agentFlowEvent', 'FINISHED'), metadata(c), END);
      if (c.humanInput) {
        return stream(
          ev('agentFlowEvent', 'INPROGRESS'),
          flowNode('humanInputAgentflow_0', 'Human Input 0', 'FINISHED'),
          flowNode('llmAgentflow_1', 'Storyteller', 'INPROGRESS'),
          { kind: 'tokens', tokens: answerTokens(c.tokens) },
          flowNode('llmAgentflow_1', 'Storyteller', 'FINISHED'),
          ev('agentFlowEvent', 'FINISHED'),
          metadata(c),
          END,
        );
      }
      return stream(
        ev('agentFlowEvent', 'INPROGRESS'),
        flowNode('startAgentflow_0', 'Start', 'FINISHED'),
        flowNode('humanInputAgentflow_0', 'Human Input 0', 'INPROGRESS'),
        { kind: 'tokens', tokens: ['\n\nAre you sure you want to proceed?'] },
        flowNode('humanInputAgentflow_0', 'Human Input 0', 'STOPPED'),
        ev('agentFlowEvent', 'STOPPED'),
        ev('action', ACTION),
        metadata(c, { action: ACTION }),
        END,
      );
    },
  },
  'error-event': {
    description: 'start, 5 tokens, an error event ("terminated"), end — HTTP 200',
    reply: () => stream(ev('start', ''), { kind: 'tokens', tokens: answerTokens(5) }, ev('error', 'Error: predictionsServices.buildChatflow - terminated'), END),
  },
  'error-before-start': {
    description: 'an error event and end, nothing else',
    reply: () => stream(ev('error', "Error: predictionsServices.buildChatflow - TypeError: Cannot use 'in' operator"), END),
  },
  'auth-error': {
    description: 'a missing or wrong API key: 200 stream with an Unauthorized error (JSON: 500)',
    reply: () => stream(ev('error', 'Error: predictionsServices.buildChatflow - Unauthorized'), END),
  },
  ...httpErrors(),
  'http-502-html': {
    description: "HTTP 502 with a proxy's HTML page",
    reply: () => ({ kind: 'raw', status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>' }),
  },
  html: {
    description: 'HTTP 200 with an HTML page (a login page in front of Flowise)',
    reply: () => ({ kind: 'raw', status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html><body><form>Sign in</form></body></html>' }),
  },
  'empty-body': { description: 'HTTP 200 with an empty body and no content type', reply: () => ({ kind: 'raw', status: 200, body: '' }) },
  empty: { description: 'an event stream that ends at once, with no events', reply: () => stream() },
  malformed: {
    description: 'one broken JSON event among good ones',
    reply: (c) => {
      const tokens = answerTokens(c.tokens);
      const half = Math.ceil(tokens.length / 2);
      return stream(ev('start', ''), { kind: 'tokens', tokens: tokens.slice(0, half) }, { kind: 'raw', text: 'message:\ndata:{"event":"token","data":"oops\n\n' }, { kind: 'tokens', tokens: tokens.slice(half) }, metadata(c), END);
    },
  },
  drop: { description: 'start, 5 tokens, then the connection drops (no end)', reply: () => stream(ev('start', ''), { kind: 'tokens', tokens: answerTokens(5) }, { kind: 'drop' }) },
  stall: { description: 'start, 5 tokens, then silence (no heartbeats) until the client leaves', reply: () => stream(ev('start', ''), { kind: 'tokens', tokens: answerTokens(5) }, { kind: 'stall' }) },
  'slow-model': {
    description: 'only heartbeats for stallMs (the server retrying a failing model), then an error and end',
    reply: () => stream({ kind: 'heartbeats', ms: -1 }, ev('error', 'Error: predictionsServices.buildChatflow - 500 fake upstream failure'), END),
  },
  json: { description: 'a chatflow that cannot stream: JSON even when streaming was asked', streamable: false, reply: (c) => chatAnswer(c, [], { followUpPrompts: ['Tell me more'] }) },
  hostile: {
    description: 'XSS payloads (hostile.ts) split across tokens, in sources and their URLs, tools, agent names, follow-ups, artifacts',
    reply: (c) => {
      const pick = (from: number, n: number) => XSS_PAYLOADS.slice(from, from + n);
      return stream(
        ev('start', ''),
        ev('nextAgent', XSS_PAYLOADS[1]),
        ev('agentReasoning', pick(0, 4).map((p, i) => ({ agentName: p, messages: [XSS_PAYLOADS[i + 10]], next: XSS_PAYLOADS[i + 20], instructions: XSS_PAYLOADS[i + 30] }))),
        { kind: 'tokens', tokens: hostileTokens() },
        ev(
          'sourceDocuments',
          UNSAFE_URLS.map((url, i) => ({ pageContent: XSS_PAYLOADS[i * 5]!, metadata: { source: url, title: XSS_PAYLOADS[i * 5 + 1], url, page: XSS_PAYLOADS[i * 5 + 2] } })),
        ),
        ev('usedTools', pick(5, 3).map((p, i) => ({ tool: p, toolInput: { input: XSS_PAYLOADS[i + 15], url: UNSAFE_URLS[i] }, toolOutput: XSS_PAYLOADS[i + 25] }))),
        ev('artifacts', [{ type: 'html', data: XSS_PAYLOADS.join('\n') }]),
        metadata(c, { followUpPrompts: pick(0, 3) }),
        END,
      );
    },
  },
  'end-without-start': {
    description: 'tokens, metadata and end, but no start event',
    reply: (c) => stream({ kind: 'tokens', tokens: answerTokens(c.tokens) }, metadata(c), END),
  },
  'error-then-tokens': {
    description: 'start, 5 tokens, an error event, 5 more tokens, end (the tokens after the error are not the answer)',
    reply: (c) =>
      stream(
        ev('start', ''),
        { kind: 'tokens', tokens: answerTokens(5) },
        ev('error', 'Error: predictionsServices.buildChatflow - 500 the model went away'),
        { kind: 'tokens', tokens: answerTokens(10).slice(5) },
        metadata(c),
        END,
      ),
  },
  'duplicate-end': {
    description: 'a whole answer, then a second end event',
    reply: (c) => {
      const answer = chatAnswer(c);
      return answer.kind === 'stream' ? stream(...answer.steps, END) : answer;
    },
  },
  'huge-token': {
    description: 'start, one token of 1 MiB, a normal token, end',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: [HUGE_TOKEN, ' THE END'] }, metadata(c), END),
  },
  trickle: {
    description: 'a 250-token answer written one byte per chunk (over 10,000 chunks)',
    reply: (c) => {
      const events = [encodeEvent('start', ''), ...answerTokens(250).map((t) => encodeEvent('token', t))];
      return stream({ kind: 'trickle', text: events.join('') }, metadata(c), END);
    },
  },
  'invalid-utf8': {
    description: 'a token with invalid UTF-8 bytes among good tokens (decoded as U+FFFD, the stream goes on)',
    reply: (c) =>
      stream(
        ev('start', ''),
        { kind: 'tokens', tokens: answerTokens(5) },
        { kind: 'raw', text: 'message:\ndata:{"event":"token","data":" caf' },
        { kind: 'bytes', bytes: [0xc3, 0x28, 0xff, 0xfe] },
        { kind: 'raw', text: '"}\n\n' },
        { kind: 'tokens', tokens: [' and', ' more.'] },
        metadata(c),
        END,
      ),
  },
  'sse-fields': {
    description: 'events carrying id: and retry: fields (a client must not reconnect on them)',
    reply: (c) =>
      stream(
        { kind: 'raw', text: 'retry: 10\n\n' },
        ...[encodeEvent('start', ''), ...answerTokens(c.tokens).map((t) => encodeEvent('token', t))].map(
          (event, i): Step => ({ kind: 'raw', text: `id: ${i + 1}\nretry: 10\n${event}` }),
        ),
        metadata(c),
        END,
      ),
  },
  long: {
    description: 'a long answer (default 5,000 tokens) with a markdown list item every 60 tokens',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: longAnswerTokens(c.tokens) }, metadata(c), END),
  },
};

/** The names of the scripted scenarios. */
export const scenarioNames: readonly string[] = Object.keys(scenarios);
