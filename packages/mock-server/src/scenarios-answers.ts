import { answerTokens } from './answer.js';
import { FILE_ANNOTATIONS } from './assistant-files.js';
import type { Scenario } from './scenario-types.js';
import {
  ev,
  metadata,
  END,
  stream,
  chatAnswer,
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

/** Answers as Flowise gives them: plain, with sources, tools, agentflows, artifacts, human input. */
export const answerScenarios: Record<string, Scenario> = {
  plain: { description: 'start, N tokens, metadata, end', reply: (c) => chatAnswer(c) },
  'repeat-start': {
    description: 'start carries the first token, which then also comes as a token (retrieval chains)',
    reply: (c) => {
      const tokens = answerTokens(c.tokens);
      return stream(ev('start', tokens[0] ?? ''), { kind: 'tokens', tokens }, metadata(c), END);
    },
  },
  sources: {
    description: 'an answer with 3 sourceDocuments after the tokens (one hostile)',
    reply: (c) => chatAnswer(c, [ev('sourceDocuments', SOURCES)]),
  },
  tools: {
    description: 'an answer with usedTools (calculator) after the tokens',
    reply: (c) => chatAnswer(c, [ev('usedTools', CALCULATOR)]),
  },
  'agent-tools': {
    description: 'Agentflow v2 agent: calledTools, usedTools, calledTools [] then the answer',
    reply: (c) =>
      stream(
        ...AGENTFLOW_PRELUDE,
        flowNode('agentAgentflow_0', 'Agent', 'INPROGRESS'),
        ev('calledTools', [{ tool: 'current_date_time', toolInput: { input: 'now' }, toolOutput: '' }]),
        ev('usedTools', [
          {
            tool: 'current_date_time',
            toolInput: { input: 'now' },
            toolOutput: '{"date":"2026-11-24","day":"Tuesday"}',
          },
        ]),
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
          {
            agentName: 'Supervisor',
            messages: ['Researcher should look this up.'],
            next: 'Researcher',
            instructions: 'Find the fox story.',
          },
          {
            agentName: 'Researcher',
            messages: ['Found it in the river notes.'],
            usedTools: CALCULATOR,
            sourceDocuments: [SOURCES[0]],
          },
        ]),
        { kind: 'tokens', tokens: answerTokens(c.tokens) },
        metadata(c),
        END,
      ),
  },
  artifacts: {
    description: 'an answer with a PNG and an (untrusted) HTML artifact',
    reply: (c) =>
      chatAnswer(c, [
        ev('artifacts', [
          { type: 'png', data: `data:image/png;base64,${PNG}` },
          { type: 'html', data: '<b>hi</b><script>window.__pwned=1</script>' },
        ]),
      ]),
  },
  'file-annotations': {
    description:
      'an answer whose fileAnnotations name two files (CSV, PNG) that `openai-assistants-file/download` serves',
    reply: (c) => chatAnswer(c, [ev('fileAnnotations', FILE_ANNOTATIONS)]),
  },
  'follow-up': {
    description: 'metadata carries followUpPrompts',
    reply: (c) =>
      chatAnswer(c, [], {
        followUpPrompts: ['What else did the fox learn?', 'Tell me about the river', 'Write it as a poem'],
      }),
  },
  'start-form': {
    description:
      'Agentflow v2 whose Start node asks for a form (chatbot config `flowData`); answers from the `form` sent',
    reply: (c) => {
      const values = Object.entries(c.form ?? {}).map(([name, value]) => `${name}: ${String(value)}`);
      return stream(
        ev('agentFlowEvent', 'INPROGRESS'),
        flowNode('startAgentflow_0', 'Start', 'FINISHED'),
        flowNode('llmAgentflow_0', 'LLM', 'INPROGRESS'),
        { kind: 'tokens', tokens: ['Booked', ' with ', values.length > 0 ? values.join(', ') : 'no form'] },
        flowNode('llmAgentflow_0', 'LLM', 'FINISHED'),
        ev('agentFlowEvent', 'FINISHED'),
        metadata(c),
        END,
      );
    },
  },
  hitl: {
    description: 'Agentflow v2 with a human-input node: stops with an approve/reject action; humanInput resumes',
    reply: (c) => {
      if (c.humanInput?.type === 'reject')
        return stream(
          ev('agentFlowEvent', 'INPROGRESS'),
          { kind: 'tokens', tokens: ['Rejected.'] },
          ev('agentFlowEvent', 'FINISHED'),
          metadata(c),
          END,
        );
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
};
