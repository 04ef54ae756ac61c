/**
 * Render cost is a contract: while tokens stream, the source list and tool trace do not render, earlier rows do
 * not render, and the streaming row commits at most once per animation frame and once per 50 ms (the default batch).
 */
import { act, render } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageRow } from './components/ChatStream/MessageRow.js';
import { SourceList } from './components/SourceList/SourceList.js';
import { ToolTrace } from './components/ToolTrace/ToolTrace.js';
import { FlowiseChatProvider } from './context.js';
import { SOURCES, TOOLS, answerEvents, replayStore } from './test-support/streams.js';
import { createReplayFetch } from '@flowise-kit/core';

afterEach(() => vi.unstubAllGlobals());

describe('render cost while 1,000 tokens stream', () => {
  it('SourceList and ToolTrace render 0 times, earlier rows 0 times, the streaming row at most once per frame and per 50 ms', async () => {
    const store = replayStore(
      answerEvents(3, [
        { event: 'sourceDocuments', data: SOURCES },
        { event: 'usedTools', data: TOOLS },
      ]),
    );
    await store.send('First question');
    const firstAnswerId = store.getState().messages[1]!.id;

    const commits = new Map<string, number>();
    const count: ProfilerOnRenderCallback = (id) => commits.set(id, (commits.get(id) ?? 0) + 1);
    function Harness() {
      const ids = store.getState().messages.map((m) => m.id);
      return (
        <FlowiseChatProvider store={store}>
          <Profiler id="sources" onRender={count}>
            <SourceList messageId={firstAnswerId} />
          </Profiler>
          <Profiler id="tools" onRender={count}>
            <ToolTrace messageId={firstAnswerId} />
          </Profiler>
          {ids.map((id) => (
            <Profiler key={id} id={`row:${id}`} onRender={count}>
              <MessageRow id={id} isLatest={false} store={store} />
            </Profiler>
          ))}
        </FlowiseChatProvider>
      );
    }

    // The second answer streams 1,000 tokens over about a second; the harness shows the first turn's rows
    // and the new turn's rows once they exist.
    store.configure({ fetch: createReplayFetch({ source: answerEvents(1000, [], 1) }) });
    // happy-dom runs animation frames back to back; a browser paints at most every ~16 ms.
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 16));
    vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
    const view = render(<Harness />);
    let sending!: Promise<void>;
    const started = Date.now();
    let streamedMs = 0;
    act(() => {
      sending = store.send('Second question');
    });
    view.rerender(<Harness />); // mount the rows of the new turn
    const afterMount = new Map(commits);
    // Let React schedule its renders as it does in an app: inside act(), React 18 would hold every update
    // until the end of the scope and the commit count would say nothing.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      await sending;
      streamedMs = Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }

    const streamingId = store.getState().messages[3]!.id;
    const delta = (id: string) => (commits.get(id) ?? 0) - (afterMount.get(id) ?? 0);
    expect(store.getState().messages[3]).toMatchObject({ status: 'done' });
    expect(delta('sources')).toBe(0);
    expect(delta('tools')).toBe(0);
    expect(delta(`row:${store.getState().messages[0]!.id}`)).toBe(0);
    expect(delta(`row:${firstAnswerId}`)).toBe(0);
    expect(delta(`row:${store.getState().messages[2]!.id}`)).toBe(0);
    const streamingCommits = delta(`row:${streamingId}`);
    expect(streamingCommits).toBeGreaterThan(1);
    expect(streamingCommits).toBeLessThan(200);
    expect(streamingCommits).toBeLessThanOrEqual(Math.ceil(streamedMs / 50) + 2);
  });
});
