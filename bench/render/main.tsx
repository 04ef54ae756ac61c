/**
 * The render benchmark page: the same answer rendered by flowise-kit (useFlowisePrediction + ChatStream, SourceList,
 * ToolTrace) or by the AI SDK's useChat + react-markdown.
 * `?lib=kit|aisdk|aisdk-throttle|fetch|worker-only&api=…&flow=…&tokens=…&rate=…&batch=…&history=N&latency=1`.
 * window.__bench collects React commits (and their render durations); the driver (bench/render.ts) reads it and CDP
 * metrics. With `latency=1` the page also times each marker token (`⟦k⟧`) from the moment its bytes reach the page
 * to the first animation frame after it appears in the DOM (a separate run: the bookkeeping costs script time).
 */
import { DefaultChatTransport, type UIMessage } from 'ai';
import { useChat } from '@ai-sdk/react';
import { createChatStore, type ChatMessage } from '@flowise-kit/core';
import { createAssistantMessage } from '@flowise-kit/core/internal';
import { workerTransport } from '@flowise-kit/core/worker';
import { ChatStream, FlowiseChatProvider, SourceList, ToolTrace, useFlowisePrediction } from '@flowise-kit/react';
import { Profiler, memo, useEffect, useMemo, type ProfilerOnRenderCallback } from 'react';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

const params = new URLSearchParams(location.search);
const lib = params.get('lib') ?? 'kit';
const api = params.get('api') ?? '';
const flow = params.get('flow') ?? 'bench';
const tokens = Number(params.get('tokens') ?? 5000);
const rate = Number(params.get('rate') ?? 0);
const batch = params.get('batch');
const history = Number(params.get('history') ?? 0);
// `transport=worker`: the stream read in a Web Worker; 'worker' mode, so a run that could not use it fails.
const kitTransport = params.get('transport') === 'worker' ? workerTransport({ mode: 'worker' }) : undefined;

const bench = {
  commits: 0,
  /** Render durations (ms) of the stream's commits, in order. */
  durations: [] as number[],
  sidePanelCommitsDuringTokens: 0,
  tokensStarted: false,
  done: false,
  arrivals: {} as Record<string, number>,
  paints: {} as Record<string, number>,
  start: () => undefined as unknown,
};
(window as unknown as { __bench: typeof bench }).__bench = bench;
const onStreamCommit: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
  bench.commits++;
  bench.durations.push(actualDuration);
};
const countSide = () => {
  if (bench.tokensStarted && !bench.done) bench.sidePanelCommitsDuringTokens++;
};

if (params.get('latency')) installLatencyProbe();

/**
 * Resolves once the page's text has stopped changing for three frames: the stream has ended, but a renderer may
 * still be drawing it (flowise-kit shows a burst a few dozen blocks a frame). Every renderer is measured to here.
 */
function settled(): Promise<void> {
  return new Promise((resolve) => {
    let last = -1;
    let still = 0;
    const check = () => {
      const length = document.getElementById('root')!.textContent!.length;
      still = length === last ? still + 1 : 0;
      last = length;
      if (still >= 3) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Earlier conversation: `history` messages, alternating questions and markdown answers of about 600 characters. */
function earlierMessages(): ChatMessage[] {
  const answer = (i: number) =>
    `Answer ${i}: the fox counted **${i} stones** by the river.\n\n- Listen more than you count.\n- Ask good questions.\n\n\`\`\`js\nconst stones = ${i};\n\`\`\`\n\n${'The river kept its notes short and the moon listened. '.repeat(6)}`;
  return Array.from({ length: history }, (_, i): ChatMessage =>
    i % 2 === 0
      ? { id: `u${i}`, role: 'user', text: `Question ${i}`, createdAt: i }
      : { ...createAssistantMessage(`a${i}`, i), status: 'done', text: answer(i) },
  );
}

const EARLIER = earlierMessages();
let firstToken = false;

// The Profilers sit inside memoised, prop-less components: the hook's owner (Kit) re-renders per frame because it
// reads `messages`, and a Profiler around plain elements would report those parent renders as the panels' commits.
const Stream = memo(function Stream() {
  return (
    <Profiler id="stream" onRender={onStreamCommit}>
      <ChatStream className="bench-stream" />
    </Profiler>
  );
});
const SidePanels = memo(function SidePanels() {
  return (
    <aside style={{ width: 320, overflow: 'auto' }}>
      <Profiler id="sources" onRender={countSide}>
        <SourceList />
      </Profiler>
      <Profiler id="tools" onRender={countSide}>
        <ToolTrace />
      </Profiler>
    </aside>
  );
});

function Kit() {
  const chat = useFlowisePrediction({
    apiHost: api,
    chatflowId: flow,
    checkStreamable: false,
    initialMessages: EARLIER,
    ...(batch ? { batch: batch === 'frame' ? 'frame' : Number(batch) } : {}),
    ...(kitTransport ? { transport: kitTransport } : {}),
    overrideConfig: { mock: { tokens, rate } },
    // Side-panel commits are counted from the frame after the first token's: sources and the tool call arrive just
    // before the first token and may share its frame, where the panels rightly render once with their content.
    onToken: () => {
      if (firstToken) return;
      firstToken = true;
      requestAnimationFrame(() => requestAnimationFrame(() => (bench.tokensStarted = true)));
    },
    onEnd: () => {
      void settled().then(() => (bench.done = true));
    },
  });
  useEffect(() => {
    bench.start = () => chat.send('Go');
  }, [chat]);
  return (
    <FlowiseChatProvider store={chat.store}>
      <div style={{ display: 'flex', height: '100vh' }}>
        <Stream />
        <SidePanels />
      </div>
    </FlowiseChatProvider>
  );
}

function AiSdk({ throttle }: { throttle?: number }) {
  const transport = useMemo(
    () =>
      new DefaultChatTransport({
        api: `${api}/api/chat`,
        body: { tokens, rate, fixture: flow.startsWith('fixture-') },
      }),
    [],
  );
  const messages0 = useMemo(
    () => EARLIER.map((m): UIMessage => ({ id: m.id, role: m.role, parts: [{ type: 'text', text: m.text }] })),
    [],
  );
  const { messages, sendMessage, status } = useChat({
    transport,
    messages: messages0,
    ...(throttle ? { experimental_throttle: throttle } : {}),
  });
  useEffect(() => {
    bench.start = () => sendMessage({ text: 'Go' });
  }, [sendMessage]);
  useEffect(() => {
    if (status === 'ready' && messages.length > history + 1) void settled().then(() => (bench.done = true));
  }, [status, messages.length]);
  return (
    <Profiler id="stream" onRender={onStreamCommit}>
      <div style={{ overflowY: 'auto', height: '100vh', padding: 16 }}>
        {messages.map((message) => (
          <div key={message.id}>
            {message.parts.map((part, i) =>
              part.type === 'text' ? (
                <ReactMarkdown key={i} remarkPlugins={[remarkGfm]}>
                  {part.text}
                </ReactMarkdown>
              ) : null,
            )}
          </div>
        ))}
      </div>
    </Profiler>
  );
}

/**
 * Marker arrival: every response body is teed and scanned for `⟦k⟧` as the page receives it. Marker paint: a
 * MutationObserver notes markers entering the DOM; the next animation frame stamps them as painted.
 */
function installLatencyProbe() {
  const MARKER = /\u27e6(\d+)\u27e7/g;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const response = await realFetch(...args);
    if (!response.body) return response;
    const [mine, theirs] = response.body.tee();
    void (async () => {
      const reader = mine.getReader();
      const decoder = new TextDecoder();
      let tail = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const now = performance.now();
        const text = tail + decoder.decode(value, { stream: true });
        for (const match of text.matchAll(MARKER)) bench.arrivals[match[1]!] ??= now;
        tail = text.slice(-16);
      }
    })();
    return new Response(theirs, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  // "Painted" = after the rendering step that shows the marker. A commit made inside an animation-frame callback
  // (flowise-kit's batching) is painted in that same frame; one made elsewhere (a fetch callback) at the next. Every
  // rAF callback is wrapped to mark its frame, and a message posted from the frame runs after the frame's paint.
  const rawRaf = window.requestAnimationFrame.bind(window);
  const channel = new MessageChannel();
  let inFrame = false;
  let pending: string[] = [];
  channel.port1.onmessage = () => {
    inFrame = false;
    const now = performance.now();
    for (const id of pending) bench.paints[id] ??= now;
    pending = [];
  };
  const markFrame = () => {
    if (inFrame) return;
    inFrame = true;
    channel.port2.postMessage(0);
  };
  window.requestAnimationFrame = (callback) =>
    rawRaf((time) => {
      markFrame();
      callback(time);
    });
  const note = (text: string | null) => {
    if (!text) return;
    for (const match of text.matchAll(MARKER))
      if (!(match[1]! in bench.paints) && !pending.includes(match[1]!)) pending.push(match[1]!);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') note(record.target.textContent);
      else for (const node of record.addedNodes) note(node.textContent);
    }
    if (pending.length && !inFrame) rawRaf(markFrame);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** The floor: the same stream read with fetch and thrown away, nothing rendered. */
function FetchOnly() {
  useEffect(() => {
    bench.start = async () => {
      const response = await fetch(`${api}/api/v1/prediction/${flow}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: 'Go', streaming: true, overrideConfig: { mock: { tokens, rate } } }),
      });
      const reader = response.body!.getReader();
      while (!(await reader.read()).done);
      bench.done = true;
    };
  }, []);
  return null;
}

/**
 * The worker's floor: the same stream through the worker transport into the kit's store, nothing subscribed and
 * nothing rendered. What is left on the main thread is what receiving through a worker costs it.
 */
function WorkerOnly() {
  useEffect(() => {
    const store = createChatStore({
      apiHost: api,
      chatflowId: flow,
      checkStreamable: false,
      transport: workerTransport({ mode: 'worker' }),
      overrideConfig: { mock: { tokens, rate } },
      onEnd: () => void (bench.done = true),
    });
    bench.start = () => store.send('Go');
  }, []);
  return null;
}

createRoot(document.getElementById('root')!).render(
  lib === 'kit' ? (
    <Kit />
  ) : lib === 'fetch' ? (
    <FetchOnly />
  ) : lib === 'worker-only' ? (
    <WorkerOnly />
  ) : (
    <AiSdk {...(lib === 'aisdk-throttle' ? { throttle: 50 } : {})} />
  ),
);
