import { BodyError, readBody } from './body.js';
import type { Authorization, FlowiseHandlerOptions } from './options.js';
import { errorResponse } from './responses.js';
import { matchRoute, type Matched } from './routes.js';
import { relay } from './relay.js';

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
const DEFAULT_BODY_TIMEOUT = 30_000;
const DEFAULT_FIRST_BYTE = 15_000;

/** One request, checked and rewritten for Flowise. */
interface Upstream {
  url: string;
  body?: Uint8Array;
  contentType?: string;
  flowId?: string;
  chatId?: string;
}

/**
 * A Fetch API handler that forwards the kit's Flowise calls from the browser to Flowise, adding the API key on the way
 * (Next.js route handlers, Hono, Bun, Deno, Workers; Node's `http` and Express through `@whatwg-node/server`).
 *
 * Beyond forwarding: only the allowlisted chatflows are reachable (anything else is a 404 naming nothing); the browser's
 * cookies and `Authorization` never reach Flowise; a prediction is streamed byte for byte, and when the browser leaves
 * before its end Flowise is told to stop generating (once); a second prediction on a conversation that is still
 * answering is a 409; bodies are bounded in size and time; Flowise's error messages pass without its address or key.
 *
 * @example
 * // app/api/flowise/[...path]/route.ts (Next.js)
 * const handler = createFlowiseHandler({ apiHost: process.env.FLOWISE_URL!, apiKey: process.env.FLOWISE_KEY,
 *   chatflows: { support: process.env.SUPPORT_FLOW_ID! }, basePath: '/api/flowise' });
 * export { handler as GET, handler as POST, handler as PUT };
 */
export function createFlowiseHandler(options: FlowiseHandlerOptions): (request: Request) => Promise<Response> {
  const apiHost = options.apiHost.replace(/\/+$/, '');
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const flows = flowIds(options.chatflows);
  const allowedOverrides = new Set(options.overrideConfigKeys ?? []);
  /** Conversations with a prediction in flight: `flowId chatId`. */
  const answering = new Set<string>();
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const secrets = [apiHost, options.apiKey].filter((s): s is string => Boolean(s && s.length >= 4));

  return async (request) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${basePath}/`)) return notFound();
    const matched = matchRoute(request.method, url.pathname.slice(basePath.length));
    if (!matched) return notFound();
    let auth: Authorization = {};
    if (options.authorize) {
      const verdict = await options.authorize(request);
      if (!verdict) return errorResponse(401, 'Sign in to use this chat.');
      if (typeof verdict === 'object') auth = verdict;
    }
    let upstream: Upstream | Response;
    try {
      upstream = await prepare(request, url, matched, auth);
    } catch (error) {
      if (error instanceof BodyError) return errorResponse(error.status, error.message);
      throw error;
    }
    if (upstream instanceof Response) return upstream;
    const lock = matched.route.prediction && upstream.chatId ? `${upstream.flowId} ${upstream.chatId}` : undefined;
    if (lock && answering.has(lock)) {
      return errorResponse(409, 'This conversation is still answering: stop it or wait before asking again.');
    }
    if (lock) answering.add(lock);
    return relay({
      request,
      fetch: fetchImpl,
      method: matched.route.method,
      url: upstream.url,
      headers: upstreamHeaders(options.apiKey, upstream.contentType),
      ...(upstream.body ? { body: upstream.body } : {}),
      firstByteTimeoutMs: options.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE,
      secrets,
      ...(matched.route.prediction && upstream.flowId && upstream.chatId
        ? { onLeave: () => void stopOnFlowise(upstream.flowId!, upstream.chatId!) }
        : {}),
      onDone: () => {
        if (lock) answering.delete(lock);
      },
    });
  };

  async function prepare(
    request: Request,
    url: URL,
    matched: Matched,
    auth: Authorization,
  ): Promise<Upstream | Response> {
    const { route } = matched;
    const segments = [...matched.segments];
    const raw =
      route.method === 'GET'
        ? undefined
        : await readBody(
            request,
            options.maxBodyBytes ?? DEFAULT_MAX_BODY,
            options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT,
          );
    const upsert = route.endpoint === 'vector';
    if (upsert && !options.upserts) return notFound();
    const multipart = route.endpoint === 'attachments' || upsert;
    let json: Record<string, unknown> | undefined;
    if (raw && raw.length > 0 && !multipart) {
      try {
        const parsed: unknown = JSON.parse(new TextDecoder().decode(raw));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        json = parsed as Record<string, unknown>;
      } catch {
        return errorResponse(400, 'The request body is not a JSON object.');
      }
    }
    const query = new URLSearchParams();
    let flowId: string | undefined;
    if (route.chatflow !== 'none') {
      const index = route.flowSegment ?? 0;
      const named =
        route.chatflow === 'path'
          ? segments[index]
          : route.chatflow === 'body'
            ? json?.[route.field!]
            : url.searchParams.get(route.field!);
      flowId = typeof named === 'string' ? flows.get(named) : undefined;
      if (!flowId) return notFound();
      if (route.chatflow === 'path') segments[index] = flowId;
      if (route.chatflow === 'body') json![route.field!] = flowId;
      if (route.chatflow === 'query') query.set(route.field!, flowId);
    }
    const prefix = auth.chatIdPrefix ?? '';
    const own = (chatId: string) => (chatId.startsWith(prefix) ? chatId : `${prefix}${chatId}`);
    let chatId: string | undefined;
    if (route.chatIdSegment !== undefined) chatId = segments[route.chatIdSegment] = own(segments[route.chatIdSegment]!);
    if (json && typeof json.chatId === 'string') chatId = json.chatId = own(json.chatId);
    if (route.endpoint === 'get-upload-file') {
      const asked = url.searchParams.get('chatId');
      if (asked) query.set('chatId', (chatId = own(asked)));
      const fileName = url.searchParams.get('fileName');
      if (fileName) query.set('fileName', fileName);
    }
    if (route.prediction && json) {
      const refused = refusedOverride(json.overrideConfig);
      if (refused) return errorResponse(400, refused);
    }
    const path = [route.endpoint, ...segments].map(encodeURIComponent).join('/');
    const search = query.size ? `?${query}` : '';
    let body = json ? new TextEncoder().encode(JSON.stringify(json)) : raw;
    let contentType = json ? 'application/json' : (request.headers.get('content-type') ?? undefined);
    if (upsert) {
      const form = await upsertForm(raw, contentType, own);
      if (!form) return errorResponse(400, 'The upload is not a multipart form with files.');
      chatId = form.chatId;
      const encoded = new Response(form.body);
      body = new Uint8Array(await encoded.arrayBuffer());
      contentType = encoded.headers.get('content-type') ?? undefined;
    }
    return {
      url: `${apiHost}/api/v1/${path}${search}`,
      ...(body && body.length ? { body } : {}),
      ...(contentType && body?.length ? { contentType } : {}),
      ...(flowId ? { flowId } : {}),
      ...(chatId ? { chatId } : {}),
    };
  }

  function refusedOverride(overrideConfig: unknown): string | undefined {
    if (overrideConfig === undefined) return undefined;
    if (typeof overrideConfig !== 'object' || overrideConfig === null) return 'overrideConfig must be an object.';
    const key = Object.keys(overrideConfig).find((name) => !allowedOverrides.has(name));
    return key === undefined ? undefined : `overrideConfig.${key} may not be set from the browser.`;
  }

  /** Best effort, once per prediction: Flowise keeps generating (and billing) for a client that has left. */
  async function stopOnFlowise(flowId: string, chatId: string): Promise<void> {
    const path = ['chatmessage', 'abort', flowId, chatId].map(encodeURIComponent).join('/');
    await fetchImpl(`${apiHost}/api/v1/${path}`, {
      method: 'PUT',
      headers: upstreamHeaders(options.apiKey),
      signal: AbortSignal.timeout(5_000),
    }).then(
      (response) => response.body?.cancel(),
      () => undefined,
    );
  }
}

/** An upsert's form with only its files and its chatId (this user's, prefixed); `undefined` when it is not one. */
async function upsertForm(
  raw: Uint8Array | undefined,
  contentType: string | undefined,
  own: (chatId: string) => string,
): Promise<{ body: FormData; chatId?: string } | undefined> {
  if (!raw || !contentType?.startsWith('multipart/form-data')) return undefined;
  let form: FormData;
  try {
    form = await new Response(new Blob([raw as Uint8Array<ArrayBuffer>]), {
      headers: { 'Content-Type': contentType },
    }).formData();
  } catch {
    return undefined;
  }
  const files = form.getAll('files').filter((file): file is File => typeof file !== 'string');
  if (files.length === 0) return undefined;
  const body = new FormData();
  for (const file of files) body.append('files', file, file.name);
  const asked = form.get('chatId');
  const chatId = typeof asked === 'string' && asked ? own(asked) : undefined;
  if (chatId) body.append('chatId', chatId);
  return { body, ...(chatId ? { chatId } : {}) };
}

/** The headers Flowise gets: never the browser's cookies or `Authorization`; the server's key. */
function upstreamHeaders(apiKey: string | undefined, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'text/event-stream, application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  return headers;
}

function flowIds(chatflows: FlowiseHandlerOptions['chatflows']): Map<string, string> {
  if (Array.isArray(chatflows)) return new Map((chatflows as readonly string[]).map((id) => [id, id]));
  return new Map(Object.entries(chatflows));
}

function notFound(): Response {
  return errorResponse(404, 'Not found.');
}
