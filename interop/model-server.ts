/**
 * A deterministic OpenAI-compatible test model for Flowise's chat-model and embedding nodes, on 127.0.0.1 only.
 *
 * - `POST /v1/chat/completions` (streaming or not): the answer is {@link modelAnswer} of the last user message, one
 *   word per chunk. When tools are offered and the question contains `[[calc]]`, it first calls the calculator with
 *   `6*7`, then answers with the tool's result. `[[fail]]` streams three words, then an error inside the stream; `[[slow]]`
 *   streams 300 words 20 ms apart.
 * - `POST /v1/embeddings`: a 32-dimension hashed bag of words per input, normalised.
 * - `GET /v1/models`: one model.
 * - `GET /v1/_test/completions`: every streamed completion (its question, words sent of all, and whether the client
 *   hung up before the end): a test in another process sees from it whether Flowise stopped generating.
 * - Audio (transcriptions, speech) and the image log: `model-media.ts`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mediaLog, type MediaLog } from './model-media';

interface ChatMessage {
  role: string;
  content?: string | { type: string; text?: string }[] | null;
  tool_calls?: unknown[];
}
interface ChatRequest {
  model?: string;
  messages: ChatMessage[];
  stream?: boolean;
  tools?: { function: { name: string } }[];
  stream_options?: { include_usage?: boolean };
}

/** What the model answers to a user message that carries `[[key]]` (the tests compute it with this function). */
export function modelAnswer(userMessage: string): string {
  const key = /\[\[([a-z0-9-]+)\]\]/i.exec(userMessage)?.[1] ?? 'none';
  if (key === 'slow') return Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
  return `Reply to ${key}: the fox counts the stones by the river, one by one.`;
}

/** The answer after the calculator ran. */
export function toolAnswer(result: string): string {
  return `The calculator says ${result}.`;
}

const text = (content: ChatMessage['content']): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : '';

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function embed(input: string): number[] {
  const vector = new Array<number>(32).fill(0);
  for (const word of input.toLowerCase().split(/\W+/).filter(Boolean)) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    vector[hash % 32]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A streamed completion as the model saw it. */
export interface CompletionRecord {
  question: string;
  sent: number;
  total: number;
  /** The client closed the connection before the last word: the generation was cancelled. */
  cancelled: boolean;
  /** When the request came and when its response ended or was closed, in milliseconds since the epoch. */
  startedAt: number;
  endedAt?: number;
}

async function chat(req: ChatRequest, res: ServerResponse, log: CompletionRecord[], media: MediaLog): Promise<void> {
  // Images may come as a user message of their own, after the question: the question is the last user text.
  const lastUser = [...req.messages]
    .reverse()
    .find((m) => (m.role === 'user' || m.role === 'human') && text(m.content) !== '');
  const question = text(lastUser?.content);
  media.recordChat(req.messages, question);
  const toolResult = [...req.messages].reverse().find((m) => m.role === 'tool');
  const callTool =
    Boolean(req.tools?.some((t) => t.function.name === 'calculator')) && question.includes('[[calc]]') && !toolResult;
  const answer = toolResult ? toolAnswer(text(toolResult.content)) : modelAnswer(question);
  const base = { id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 0, model: req.model ?? 'test-model' };
  const usage = {
    prompt_tokens: 10,
    completion_tokens: answer.split(' ').length,
    total_tokens: 10 + answer.split(' ').length,
  };

  if (!req.stream) {
    const message = callTool
      ? {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'calculator', arguments: '{"input":"6*7"}' } },
          ],
        }
      : { role: 'assistant', content: answer };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message, finish_reason: callTool ? 'tool_calls' : 'stop' }],
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  const send = (choice: unknown, extra: Record<string, unknown> = {}) =>
    res.write(`data: ${JSON.stringify({ ...base, choices: [choice], ...extra })}\n\n`);
  send({ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null });
  if (callTool) {
    send({
      index: 0,
      delta: {
        tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'calculator', arguments: '' } }],
      },
      finish_reason: null,
    });
    send({
      index: 0,
      delta: { tool_calls: [{ index: 0, function: { arguments: '{"input":"6*7"}' } }] },
      finish_reason: null,
    });
    send({ index: 0, delta: {}, finish_reason: 'tool_calls' });
  } else {
    const words = answer.split(' ');
    const slow = question.includes('[[slow]]');
    const record: CompletionRecord = {
      question,
      sent: 0,
      total: words.length,
      cancelled: false,
      startedAt: Date.now(),
    };
    log.push(record);
    res.on('close', () => {
      record.endedAt = Date.now();
      if (!res.writableFinished) record.cancelled = true;
    });
    for (let i = 0; i < words.length; i++) {
      if (question.includes('[[fail]]') && i === 3) {
        // An error inside the stream, as OpenAI sends one: the client fails the call (a dropped connection would be
        // retried by the OpenAI SDK, re-streaming the words each time).
        res.end(
          `data: ${JSON.stringify({ error: { message: 'the test model failed mid-stream', type: 'server_error' } })}\n\n`,
        );
        return;
      }
      send({ index: 0, delta: { content: i === 0 ? words[i] : ` ${words[i]}` }, finish_reason: null });
      record.sent = i + 1;
      if (slow) await sleep(20);
      if (res.destroyed) return;
    }
    send({ index: 0, delta: {}, finish_reason: 'stop' });
  }
  if (req.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
  res.end('data: [DONE]\n\n');
}

/** Starts the model server; `requests` logs every call (path and body) for assertions. */
export async function startModelServer(): Promise<{
  url: string;
  requests: { path: string; body: unknown }[];
  close: () => Promise<void>;
}> {
  const requests: { path: string; body: unknown }[] = [];
  const completions: CompletionRecord[] = [];
  const media = mediaLog();
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/v1/, '');
      if (await media.handle(req, res, path)) return;
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      requests.push({ path, body });
      if (path === '/chat/completions') return chat(body as ChatRequest, res, completions, media);
      if (path === '/_test/completions') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end(JSON.stringify(completions));
      }
      if (path === '/embeddings') {
        const { input } = body as { input: string | string[] };
        const inputs = Array.isArray(input) ? input : [input];
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end(
          JSON.stringify({
            object: 'list',
            model: 'test-embedding',
            data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: embed(String(t)) })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      }
      if (path === '/models') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end(
          JSON.stringify({ object: 'list', data: [{ id: 'test-model', object: 'model', owned_by: 'flowise-kit' }] }),
        );
      }
      res.writeHead(404).end();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
