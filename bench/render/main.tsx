/**
 * The render benchmark page: the same answer rendered by flowise-kit (useFlowisePrediction + ChatStream, SourceList,
 * ToolTrace) or by the AI SDK's useChat + react-markdown. `?lib=kit|aisdk|aisdk-throttle&api=…&tokens=…&rate=…`.
 * window.__bench collects React commits; the driver (bench/render.ts) reads it and CDP metrics.
 */
import { DefaultChatTransport } from 'ai';
import { useChat } from '@ai-sdk/react';
import { ChatStream, FlowiseChatProvider, SourceList, ToolTrace, useFlowisePrediction } from '@flowise-kit/react';
import { Profiler, useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

const params = new URLSearchParams(location.search);
const lib = params.get('lib') ?? 'kit';
const api = params.get('api') ?? '';
const tokens = Number(params.get('tokens') ?? 5000);
const rate = Number(params.get('rate') ?? 0);
const batch = params.get('batch');

const bench = { commits: 0, sidePanelCommitsDuringTokens: 0, sourcesArrived: false, done: false, start: () => undefined as unknown };
(window as unknown as { __bench: typeof bench }).__bench = bench;
const countCommit = () => void bench.commits++;
const countSide = () => {
  if (!bench.sourcesArrived && !bench.done) bench.sidePanelCommitsDuringTokens++;
};

function Kit() {
  const chat = useFlowisePrediction({
    apiHost: api,
    chatflowId: 'sources',
    checkStreamable: false,
    ...(batch ? { batch: batch === 'frame' ? 'frame' : Number(batch) } : {}),
    overrideConfig: { mock: { tokens, rate } },
    onEvent: (event) => {
      if (event.type === 'sourceDocuments') bench.sourcesArrived = true;
    },
    onEnd: () => {
      bench.done = true;
    },
  });
  useEffect(() => {
    bench.start = () => chat.send('Go');
  }, [chat]);
  return (
    <FlowiseChatProvider store={chat.store}>
      <Profiler id="stream" onRender={countCommit}>
        <ChatStream className="bench-stream" />
      </Profiler>
      <Profiler id="side" onRender={countSide}>
        <SourceList />
        <ToolTrace />
      </Profiler>
    </FlowiseChatProvider>
  );
}

function AiSdk({ throttle }: { throttle?: number }) {
  const transport = useMemo(() => new DefaultChatTransport({ api: `${api}/api/chat`, body: { tokens, rate } }), []);
  const { messages, sendMessage, status } = useChat({ transport, ...(throttle ? { experimental_throttle: throttle } : {}) });
  useEffect(() => {
    bench.start = () => sendMessage({ text: 'Go' });
  }, [sendMessage]);
  useEffect(() => {
    if (status === 'ready' && messages.length > 1) bench.done = true;
  }, [status, messages.length]);
  return (
    <Profiler id="stream" onRender={countCommit}>
      <div style={{ overflowY: 'auto', flex: 1, padding: 16 }}>
        {messages.map((message) => (
          <div key={message.id}>
            {message.parts.map((part, i) => (part.type === 'text' ? <ReactMarkdown key={i} remarkPlugins={[remarkGfm]}>{part.text}</ReactMarkdown> : null))}
          </div>
        ))}
      </div>
    </Profiler>
  );
}

createRoot(document.getElementById('root')!).render(lib === 'kit' ? <Kit /> : <AiSdk {...(lib === 'aisdk-throttle' ? { throttle: 50 } : {})} />);
