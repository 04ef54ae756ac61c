import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { findFixturesDir, readRecordedResponse, replayRecording } from './fixtures.js';
import { jsonFromSteps } from './json-answer.js';
import {
  attachments,
  mediaConfigFor,
  speechRoute,
  StoredFiles,
  TRANSCRIPT,
  upsertVector,
  type BodyUpload,
} from './media.js';
import type { Reply, ScenarioContext } from './scenario-types.js';
import { scenarios } from './scenarios.js';
import { assistantFileReply } from './assistant-files.js';
import { chatbotConfigFor, hang, isUnknown, parseJson, readBody } from './request-helpers.js';
import { playSteps } from './stream-player.js';
import { sendJson, sendJsonError, sendRaw, startStream } from './wire.js';

/** Options of {@link startMockFlowise}. */
export interface MockFlowiseOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The scenario for chatflow ids that are not scenario names. Default `plain`. */
  scenario?: string;
  /** Tokens per second; 0 (the default) = as fast as possible. */
  rate?: number;
  /** Tokens in a generated answer. Default 60 (`long`: 5,000). */
  tokens?: number;
  /** Interval of `:heartbeat` comments. Default 30,000 ms, as Flowise. */
  heartbeatMs?: number;
  /** How long `slow-model` sends only heartbeats. Default 3,000 ms. */
  stallMs?: number;
  /** Where `fixture-<name>` recordings are read from. Default: `$FLOWISE_FIXTURES` or `../shared/fixtures`. */
  fixturesDir?: string;
  /** When set, every prediction without `Authorization: Bearer <apiKey>` gets Flowise's Unauthorized answer. */
  apiKey?: string;
  /** Whether the abort endpoint stops a running stream (agentflows do; conversation chains do not). Default true. */
  honourAbort?: boolean;
}

/** A request the server received. */
export interface RecordedRequest {
  /** `GET`, `POST`, `PUT` ... */
  method: string;
  /** The path with its query. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body was JSON, else the raw text. */
  body: unknown;
  /** When it arrived, in milliseconds since the epoch. */
  receivedAt: number;
}

/** A running mock server. */
export interface MockFlowise {
  /** e.g. `http://127.0.0.1:54321`: use it as `apiHost`. */
  url: string;
  /** The port it listens on (the chosen one when `port: 0`). */
  port: number;
  /** Every request, in order. */
  requests: RecordedRequest[];
  /** Only the prediction POSTs. */
  predictions(): RecordedRequest[];
  /** Empties `requests`, e.g. between tests. */
  clearRequests(): void;
  /** Changes behaviour for the next requests. */
  configure(
    options: Partial<
      Pick<MockFlowiseOptions, 'scenario' | 'rate' | 'tokens' | 'heartbeatMs' | 'stallMs' | 'apiKey' | 'honourAbort'>
    >,
  ): void;
  /** Ends open streams and hanging connections, then stops listening. */
  close(): Promise<void>;
}

const PREFIX = '/api/v1/';

/** Starts a Flowise-compatible server on 127.0.0.1 that plays scripted scenarios (see the README's table). */
export async function startMockFlowise(options: MockFlowiseOptions = {}): Promise<MockFlowise> {
  const settings = {
    scenario: 'plain',
    rate: 0,
    tokens: 60,
    heartbeatMs: 30_000,
    stallMs: 3000,
    honourAbort: true,
    ...options,
  };
  const fixturesDir = findFixturesDir(options.fixturesDir);
  const requests: RecordedRequest[] = [];
  const abortedChats = new Set<string>();
  const sockets = new Set<Socket>();
  const feedback = new Map<string, Record<string, unknown>>();
  const stored = new StoredFiles();
  const stoppedSpeech = new Set<string>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJsonError(res, 500, String(error));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = req.url ?? '/';
    const contentType = String(req.headers['content-type'] ?? '');
    const body = contentType.includes('json') ? parseJson(raw.toString('utf8')) : raw.toString('utf8');
    requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers }, body, receivedAt: Date.now() });

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE,OPTIONS',
        'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? '*'),
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const route = new URL(path, 'http://mock').pathname;
    if (!route.startsWith(PREFIX)) return sendJsonError(res, 404, `Cannot ${req.method} ${route}`);
    const [endpoint, ...params] = route.slice(PREFIX.length).split('/').map(decodeURIComponent);

    if (endpoint === 'prediction' && req.method === 'POST' && params[0]) return predict(req, res, params[0], body);
    if (endpoint === 'chatflows-streaming' && params[0]) {
      const id = params[0];
      if (isUnknown(id))
        return sendJsonError(
          res,
          500,
          `Error: chatflowsService.checkIfChatflowIsValidForStreaming - Chatflow ${id} not found`,
        );
      return sendJson(res, 200, { isStreaming: scenarioFor(id).streamable !== false });
    }
    if (endpoint === 'chatmessage' && params[0] === 'abort' && req.method === 'PUT' && params[2]) {
      if (settings.honourAbort) abortedChats.add(params[2]);
      return sendJson(res, 200, { status: 200, message: 'Chat message aborted' });
    }
    if (endpoint === 'public-chatbotConfig' && params[0]) {
      if (isUnknown(params[0])) return sendJsonError(res, 404, `Chatflow ${params[0]} not found`);
      return sendJson(res, 200, chatbotConfigFor(params[0]));
    }
    if (endpoint === 'feedback') return handleFeedback(req, res, params, body);
    if (endpoint === 'leads' && req.method === 'POST') {
      const lead = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const { chatflowid, chatId, name, email, phone } = lead;
      if (!chatflowid) return sendJsonError(res, 500, 'Error: leadsService.createLead - chatflowid is required');
      const saved = { chatflowid, chatId: chatId ?? randomUUID(), name, email, phone, id: randomUUID() };
      return sendJson(res, 200, { ...saved, createdDate: new Date().toISOString() });
    }
    if (endpoint === 'attachments' && req.method === 'POST' && params[0]) {
      return attachments(res, params[0], raw, contentType);
    }
    if (endpoint === 'vector' && params[0] === 'upsert' && req.method === 'POST' && params[1]) {
      const authorization = req.headers.authorization;
      const authorized = settings.apiKey ? authorization === `Bearer ${settings.apiKey}` : Boolean(authorization);
      if (authorized && isUnknown(params[1])) return sendJsonError(res, 404, `Chatflow ${params[1]} not found`);
      return upsertVector(res, params[1], raw, contentType, authorized);
    }
    if (endpoint === 'chatflows-uploads' && params[0]) {
      if (isUnknown(params[0])) return sendJsonError(res, 404, `Chatflow ${params[0]} not found`);
      return sendJson(res, 200, chatbotConfigFor(params[0]).uploads);
    }
    if (endpoint === 'get-upload-file') return stored.serve(res, new URL(path, 'http://mock').searchParams);
    if (endpoint === 'text-to-speech' && req.method === 'POST' && params[0]) {
      return speechRoute(res, params[0], body, stoppedSpeech);
    }
    if (endpoint === 'openai-assistants-file' && params[0] === 'download' && req.method === 'POST') {
      const file = assistantFileReply(body);
      const disposition = file.name ? { 'Content-Disposition': `attachment; filename="${file.name}"` } : undefined;
      return sendRaw(res, file.status, file.type, file.content, disposition);
    }
    if (endpoint === 'ping') return sendRaw(res, 200, 'text/html; charset=utf-8', 'pong');
    return sendJsonError(res, 404, `Cannot ${req.method} ${route}`);
  }

  function scenarioFor(chatflowId: string) {
    return scenarios[chatflowId] ?? scenarios[settings.scenario] ?? scenarios.plain!;
  }

  async function predict(req: IncomingMessage, res: ServerResponse, chatflowId: string, body: unknown): Promise<void> {
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const streaming = request.streaming === true || request.streaming === 'true';
    const mock = ((request.overrideConfig as Record<string, unknown> | undefined)?.mock ?? {}) as {
      rate?: number;
      tokens?: number;
      scenario?: string;
    };
    const name = mock.scenario ?? chatflowId;

    if (name.startsWith('fixture-') && fixturesDir) {
      const recording = readRecordedResponse(fixturesDir, name.slice('fixture-'.length));
      if (recording) return replayRecording(res, recording, mock.rate ?? settings.rate);
    }
    if (isUnknown(name)) {
      // Real Flowise writes nothing at all for a streaming request to an unknown chatflow.
      if (streaming) return hang(res);
      return sendJsonError(res, 404, `Chatflow ${chatflowId} not found in the database!`);
    }
    const authorized = !settings.apiKey || req.headers.authorization === `Bearer ${settings.apiKey}`;
    const scenario = authorized ? scenarioFor(name) : scenarios['auth-error']!;
    const uploads = (Array.isArray(request.uploads) ? request.uploads : []) as BodyUpload[];
    const chatId = typeof request.chatId === 'string' && request.chatId ? request.chatId : randomUUID();
    stored.keep(chatflowId, chatId, uploads);
    // Speech to text: the server transcribes the recording and the transcript becomes the question.
    const spoken = uploads.some((u) => u.type === 'audio') && mediaConfigFor(name) !== undefined;
    const context: ScenarioContext = {
      chatflowId,
      question: spoken ? TRANSCRIPT : typeof request.question === 'string' ? request.question : '',
      chatId,
      uploads: uploads.map(summarise),
      chatMessageId: randomUUID(),
      streaming,
      tokens: mock.tokens ?? (name === 'long' && options.tokens === undefined ? 5000 : settings.tokens),
      ...(typeof request.humanInput === 'object' && request.humanInput
        ? { humanInput: request.humanInput as ScenarioContext['humanInput'] }
        : {}),
      ...(typeof request.form === 'object' && request.form ? { form: request.form as Record<string, unknown> } : {}),
    };
    abortedChats.delete(context.chatId);
    return reply(
      res,
      scenario.reply(context),
      context,
      streaming && scenario.streamable !== false,
      mock.rate ?? settings.rate,
    );
  }

  async function reply(
    res: ServerResponse,
    answer: Reply,
    context: ScenarioContext,
    streaming: boolean,
    rate: number,
  ): Promise<void> {
    if (answer.kind === 'hang') return hang(res);
    if (answer.kind === 'raw') return sendRaw(res, answer.status, answer.contentType, answer.body, answer.headers);
    if (answer.kind === 'json') return sendJson(res, answer.status, answer.body, answer.headers);
    if (!streaming) {
      const outcome = jsonFromSteps(answer.steps, context);
      if ('drop' in outcome) return void res.socket?.destroy();
      if ('hang' in outcome) return hang(res);
      return sendJson(res, outcome.status, outcome.body);
    }
    startStream(res);
    await playSteps(res, answer.steps, {
      rate,
      heartbeatMs: settings.heartbeatMs,
      stallMs: settings.stallMs,
      aborted: () => abortedChats.has(context.chatId),
    });
  }

  function handleFeedback(req: IncomingMessage, res: ServerResponse, params: string[], body: unknown): void {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (req.method === 'POST' && params[0]) {
      if (!input.chatId || !input.messageId || (input.rating !== 'THUMBS_UP' && input.rating !== 'THUMBS_DOWN')) {
        return sendJsonError(
          res,
          400,
          'Invalid feedback: chatId, messageId and rating (THUMBS_UP | THUMBS_DOWN) are required',
        );
      }
      const record = { ...input, chatflowid: params[0], id: randomUUID(), createdDate: new Date().toISOString() };
      feedback.set(record.id, record);
      return sendJson(res, 200, record);
    }
    if (req.method === 'PUT' && params[0]) {
      const record = feedback.get(params[0]);
      if (!record) return sendJsonError(res, 404, `Feedback ${params[0]} not found`);
      Object.assign(record, input);
      // As Flowise: the update answers a status, not the record.
      return sendJson(res, 200, { status: 'OK' });
    }
    return sendJsonError(res, 404, 'Not found');
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () =>
      resolve((server.address() as { port: number }).port),
    );
  });
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    predictions: () => requests.filter((r) => r.method === 'POST' && r.path.startsWith(`${PREFIX}prediction/`)),
    clearRequests: () => void requests.splice(0),
    configure: (next) => void Object.assign(settings, next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function summarise(upload: BodyUpload) {
  const data = upload.data ?? '';
  const comma = data.indexOf(',');
  const size = data.startsWith('data:') ? Buffer.from(data.slice(comma + 1), 'base64').length : data.length;
  return { type: String(upload.type), name: String(upload.name), mime: String(upload.mime), size };
}
