/**
 * Every recording of a real Flowise 3.1.4 server, decoded and reduced to the final state a person would expect.
 * The expectations were written by reading the recordings (see ../shared/fixtures/README.md).
 */
import { describe, expect, it } from 'vitest';
import { errorFromStatus } from './errors.js';
import { eventsFromJsonPrediction } from './json-prediction.js';
import { reduceOnto, lastAnswer, parseChunks, splitAt } from './test-support/events.js';
import { STORY, readRecording } from './test-support/recordings.js';
import { createFlowiseClient } from './client.js';
import { createReplayFetch } from './replay.js';
import { serverMessage } from './http.js';

function replay(name: string) {
  const recording = readRecording(name);
  const events = parseChunks([recording.body]);
  const state = reduceOnto(events);
  return { recording, events, state, answer: lastAnswer(state) };
}

describe('recordings of a real Flowise 3.1.4', () => {
  it('conversation-stream: the story streams to done and the server chatId is kept', () => {
    const { recording, events, state, answer } = replay('conversation-stream');
    expect(recording.headers['content-type']).toBe('text/event-stream');
    expect(events.filter((e) => e.type === 'token')).toHaveLength(67);
    expect(answer.text).toBe(STORY);
    expect(answer.status).toBe('done');
    expect(state.status).toBe('done');
    expect(state.chatId).toBe('a0000000-0000-4000-8000-000000000001');
    expect(answer.metadata).toMatchObject({
      chatId: 'a0000000-0000-4000-8000-000000000001',
      memoryType: 'Buffer Memory',
    });
    expect(answer.metadata.chatMessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(state.diagnostics).toEqual([]);
  });

  it('retrieval-stream: a start carrying the first token is not appended twice; sources come after tokens', () => {
    const { answer } = replay('retrieval-stream');
    expect(answer.text).toBe(STORY);
    expect(answer.text.startsWith('OnceOnce')).toBe(false);
    expect(answer.sourceDocuments).toHaveLength(1);
    expect(answer.sourceDocuments[0]!.metadata).toEqual({
      source: 'https://example.com/fox-story',
      title: 'The fox and the river',
    });
    // hostile content is kept as data; escaping it is the renderer's job
    expect(answer.sourceDocuments[0]!.pageContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('toolagent-stream: the calculator call is recorded with its output', () => {
    const { answer } = replay('toolagent-stream');
    expect(answer.text).toBe(STORY);
    expect(answer.usedTools).toEqual([{ tool: 'calculator', toolInput: { input: '6*7' }, toolOutput: '42' }]);
    expect(answer.status).toBe('done');
  });

  it('agentflow-stream: no start event, node timeline, cumulative trace, usage', () => {
    const { events, answer } = replay('agentflow-stream');
    expect(events.some((e) => e.type === 'start')).toBe(false);
    expect(answer.text).toBe(STORY);
    expect(answer.status).toBe('done');
    expect(answer.agentFlow?.status).toBe('FINISHED');
    expect(answer.agentFlow?.nodes).toEqual([
      { nodeId: 'startAgentflow_0', nodeLabel: 'Start', status: 'FINISHED' },
      { nodeId: 'llmAgentflow_0', nodeLabel: 'Translator', status: 'FINISHED' },
    ]);
    expect(answer.agentFlow?.executedData.map((n) => n.nodeId)).toEqual(['startAgentflow_0', 'llmAgentflow_0']);
    expect(answer.usage).toEqual([
      { input_tokens: 10, output_tokens: 67, total_tokens: 77, input_token_details: {}, output_token_details: {} },
    ]);
    expect(answer.calledTools).toEqual([]);
  });

  it('agent-tools-stream: called tools are cleared once the tool ran; the used tool stays', () => {
    const { answer } = replay('agent-tools-stream');
    expect(answer.calledTools).toEqual([]);
    expect(answer.usedTools).toHaveLength(1);
    expect(answer.usedTools[0]!.tool).toBe('current_date_time');
    expect(JSON.parse(answer.usedTools[0]!.toolOutput as string)).toMatchObject({ date: '2026-11-24', day: 'Tuesday' });
    expect(answer.text).toBe(STORY);
  });

  it('hitl-stream: the run stops on a human-input action with approve/reject', () => {
    const { state, answer } = replay('hitl-stream');
    expect(answer.status).toBe('done');
    expect(answer.text).toBe('\n\nAre you sure you want to proceed?');
    expect(answer.agentFlow?.status).toBe('STOPPED');
    expect(answer.action).toMatchObject({
      id: 'ec7384ad-7fd1-4236-8848-873217a0a8d0',
      mapping: { approve: 'Proceed', reject: 'Reject' },
      elements: [
        { type: 'agentflowv2-approve-button', label: 'Proceed' },
        { type: 'agentflowv2-reject-button', label: 'Reject' },
      ],
    });
    expect(answer.agentFlow?.nodes.at(-1)).toMatchObject({ nodeId: 'humanInputAgentflow_0', status: 'STOPPED' });
    expect(state.chatId).toBe('a0000000-0000-4000-8000-000000000010');
  });

  it('hitl-resume-stream: the resumed run finishes the story', () => {
    const { answer } = replay('hitl-resume-stream');
    expect(answer.text).toBe(STORY);
    expect(answer.agentFlow?.status).toBe('FINISHED');
    expect(answer.status).toBe('done');
  });

  it('llm-drops-midstream: the partial text stays and the error names the cause', () => {
    const { state, answer } = replay('llm-drops-midstream');
    expect(answer.text).toBe('Once upon a time, a');
    expect(answer.status).toBe('error');
    expect(answer.error).toMatchObject({ kind: 'flow', message: 'The flow failed: terminated' });
    expect(state.status).toBe('error');
    expect(state.error).toBe(answer.error);
  });

  it('llm-fails-500-stream, error-before-start: an error with no text', () => {
    for (const name of ['llm-fails-500-stream', 'error-before-start']) {
      const { answer } = replay(name);
      expect(answer.text).toBe('');
      expect(answer.status).toBe('error');
      expect(answer.error?.kind).toBe('flow');
    }
    expect(replay('llm-fails-500-stream').answer.error?.message).toBe('The flow failed: 500 fake upstream failure');
  });

  it('no-apikey-stream: a 200 stream with an Unauthorized error is an authentication error', () => {
    const { recording, answer } = replay('no-apikey-stream');
    expect(recording.status).toBe(200);
    expect(answer.error?.kind).toBe('auth');
    expect(answer.error?.detail).toBe('Error: predictionsServices.buildChatflow - Unauthorized');
  });

  it('agentflow-aborted: the partial text stays; the node shows the error', () => {
    const { answer } = replay('agentflow-aborted');
    expect(answer.text).toBe(
      'Once upon a time, a small fox named Ünï lived by a river 🦊. Every morning she counted the stones,',
    );
    expect(answer.agentFlow?.status).toBe('ERROR');
    expect(answer.agentFlow?.nodes.at(-1)).toMatchObject({
      status: 'ERROR',
      error: 'Error in LLM node: This operation was aborted',
    });
    expect(answer.status).toBe('error');
  });

  it('long-5000-tokens-stream: 5,000 tokens, markdown list items intact', () => {
    const { events, answer } = replay('long-5000-tokens-stream');
    const tokens = events.filter((e) => e.type === 'token');
    expect(tokens).toHaveLength(5000);
    expect(answer.text).toBe(tokens.map((t) => t.data).join(''));
    expect(answer.text.match(/\n- /g)?.length).toBeGreaterThanOrEqual(80);
    expect(answer.status).toBe('done');
  });

  it('conversation-json: a JSON prediction reduces to the same answer as the stream', () => {
    const recording = readRecording('conversation-json');
    const state = reduceOnto(eventsFromJsonPrediction(JSON.parse(recording.text)));
    const answer = lastAnswer(state);
    expect(answer.text).toBe(STORY);
    expect(answer.status).toBe('done');
    expect(answer.followUpPrompts).toEqual([]);
    expect(state.chatId).toBe('a0000000-0000-4000-8000-000000000002');
    expect(answer.metadata.chatMessageId).toBe('53755e97-537e-482d-b421-c23edbcb5173');
  });

  it('JSON errors map to typed kinds with the server message', () => {
    const auth = readRecording('no-apikey-json');
    expect(errorFromStatus(auth.status, serverMessage(auth.text), { chatflowId: 'x' }).kind).toBe('auth');

    const unknown = readRecording('unknown-chatflow-json');
    const notFound = errorFromStatus(unknown.status, serverMessage(unknown.text), {
      chatflowId: '00000000-0000-4000-8000-00000000dead',
    });
    expect(notFound).toMatchObject({ kind: 'not-found', status: 404 });
    expect(notFound.message).toContain('00000000-0000-4000-8000-00000000dead');

    const check = readRecording('streamable-check-unknown');
    expect(check.status).toBe(500);
    expect(errorFromStatus(check.status, serverMessage(check.text), { chatflowId: 'dead' }).kind).toBe('not-found');
  });

  it('streamable-check and abort-call: the client reads the recorded answers', async () => {
    const answer = (name: string) => {
      const recording = readRecording(name);
      return createFlowiseClient({
        apiHost: 'http://recorded.invalid',
        fetch: createReplayFetch({
          source: recording.text,
          status: recording.status,
          contentType: recording.headers['content-type'],
        }),
      });
    };
    expect(await answer('streamable-check').checkStreaming('flow')).toBe(true);
    await expect(answer('abort-call').abortPrediction('flow', 'chat')).resolves.toBeUndefined();
    await expect(answer('streamable-check-unknown').checkStreaming('dead')).rejects.toMatchObject({
      kind: 'not-found',
      status: 500,
    });
  });

  it('every stream recording decodes to the same events at every chunk boundary', () => {
    for (const name of [
      'conversation-stream',
      'retrieval-stream',
      'hitl-stream',
      'llm-drops-midstream',
      'agentflow-aborted',
    ]) {
      const body = readRecording(name).body;
      const whole = JSON.stringify(parseChunks([body]));
      // Compared as JSON text and reported together: a deep toEqual per cut made this test
      // take over 5 s on a slow CI machine (about 15,000 cuts).
      const wrong: number[] = [];
      for (let cut = 1; cut < body.length; cut++) {
        if (JSON.stringify(parseChunks(splitAt(body, [cut]))) !== whole) wrong.push(cut);
      }
      expect({ name, wrong }).toEqual({ name, wrong: [] });
    }
  });
});
