/** The Flowise endpoints the proxy forwards, and where each says which chatflow it is for. */
export type ChatflowFrom = 'path' | 'body' | 'query' | 'none';

/** One forwarded endpoint: `GET chatflows-streaming/:flow` … */
export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /** The first path segment after `/api/v1/`. */
  endpoint: string;
  /** How many segments follow it (`chatmessage/abort/:flow/:chat` → 3). */
  segments: number;
  /** Where the chatflow id is: the segment after the endpoint (or after `abort`), a body field, a query parameter. */
  chatflow: ChatflowFrom;
  /** The body or query field that holds the chatflow id (`body`, `query`). */
  field?: string;
  /** The index of the segment that holds the chatflow id (`path`; default 0). */
  flowSegment?: number;
  /** The index of the segment that holds the chatId, if any. */
  chatIdSegment?: number;
  /** The prediction: streamed, one per conversation, stopped when the browser leaves. */
  prediction?: boolean;
}

/** Every route the kit's client uses (flowise-protocol.md §7). */
export const ROUTES: readonly Route[] = [
  { method: 'POST', endpoint: 'prediction', segments: 1, chatflow: 'path', prediction: true },
  { method: 'GET', endpoint: 'chatflows-streaming', segments: 1, chatflow: 'path' },
  { method: 'PUT', endpoint: 'chatmessage', segments: 3, chatflow: 'path', flowSegment: 1, chatIdSegment: 2 },
  { method: 'GET', endpoint: 'public-chatbotConfig', segments: 1, chatflow: 'path' },
  { method: 'GET', endpoint: 'chatflows-uploads', segments: 1, chatflow: 'path' },
  { method: 'POST', endpoint: 'feedback', segments: 1, chatflow: 'path' },
  { method: 'PUT', endpoint: 'feedback', segments: 1, chatflow: 'none' },
  { method: 'POST', endpoint: 'leads', segments: 0, chatflow: 'body', field: 'chatflowid' },
  { method: 'POST', endpoint: 'attachments', segments: 2, chatflow: 'path', chatIdSegment: 1 },
  // RAG uploads: `vector/upsert/:flow`, forwarded only with the `upserts` option.
  { method: 'POST', endpoint: 'vector', segments: 2, chatflow: 'path', flowSegment: 1 },
  { method: 'GET', endpoint: 'get-upload-file', segments: 0, chatflow: 'query', field: 'chatflowId' },
  { method: 'POST', endpoint: 'text-to-speech', segments: 1, chatflow: 'body', field: 'chatflowId' },
];

/** Ids as Flowise makes them (UUIDs) and as an app names them: nothing that could change the path. */
const SAFE_SEGMENT = /^[A-Za-z0-9_.:-]{1,200}$/;

/** A request matched to its route, with its decoded, checked path segments. */
export interface Matched {
  route: Route;
  segments: string[];
}

/**
 * Matches `pathname` (below the base path) to a route. `undefined` for anything else, including a segment that
 * decodes to a slash, a dot-dot or a control character (path traversal, header injection).
 */
export function matchRoute(method: string, pathname: string): Matched | undefined {
  if (!pathname.startsWith('/api/v1/')) return undefined;
  const raw = pathname.slice('/api/v1/'.length).split('/');
  let segments: string[];
  try {
    segments = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  if (segments.some((segment) => !SAFE_SEGMENT.test(segment) || segment === '.' || segment === '..')) return undefined;
  const [endpoint, ...rest] = segments;
  const route = ROUTES.find((r) => r.method === method && r.endpoint === endpoint && r.segments === rest.length);
  if (!route) return undefined;
  if (route.endpoint === 'chatmessage' && rest[0] !== 'abort') return undefined;
  if (route.endpoint === 'text-to-speech' && rest[0] !== 'generate') return undefined;
  if (route.endpoint === 'vector' && rest[0] !== 'upsert') return undefined;
  return { route, segments: rest };
}
