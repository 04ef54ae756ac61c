import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A recorded HTTP response: status, headers, body bytes. */
export interface RecordedResponse {
  /** The recorded HTTP status. */
  status: number;
  /** The recorded headers, in order (hop-by-hop ones are skipped when replaying). */
  headers: [string, string][];
  /** The body's exact bytes. */
  body: Buffer;
}

const SKIPPED_HEADERS = new Set(['transfer-encoding', 'content-length', 'date', 'connection', 'keep-alive', 'etag']);

/**
 * Where the recordings are: `$FLOWISE_FIXTURES`, else `../shared/fixtures` beside the current directory or beside
 * the repository this package sits in.
 */
export function findFixturesDir(explicit?: string): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    explicit,
    process.env.FLOWISE_FIXTURES,
    resolve(process.cwd(), '../shared/fixtures'),
    resolve(here, '../../../../shared/fixtures'),
  ];
  return candidates.find((dir): dir is string => Boolean(dir) && existsSync(dir!));
}

/** Reads `<dir>/<name>.http` (status line, CRLF headers, blank line, body). */
export function readRecordedResponse(dir: string, name: string): RecordedResponse | undefined {
  if (!/^[\w.-]+$/.test(name)) return undefined;
  const path = join(dir, `${name}.http`);
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  const split = bytes.indexOf('\r\n\r\n');
  const head = bytes.subarray(0, split).toString('latin1').split('\r\n');
  const headers = head.slice(1).map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return { status: Number(head[0]!.split(' ')[1]), headers, body: bytes.subarray(split + 4) };
}

/** Replays a recording: its status and headers, then its body, an SSE event per write paced by `rate` events/s. */
export async function replayRecording(res: ServerResponse, recording: RecordedResponse, rate: number): Promise<void> {
  res.statusCode = recording.status;
  for (const [name, value] of recording.headers)
    if (!SKIPPED_HEADERS.has(name.toLowerCase())) res.setHeader(name, value);
  res.setHeader('Access-Control-Allow-Origin', '*');
  const isStream = recording.headers.some(
    ([name, value]) => name.toLowerCase() === 'content-type' && value.startsWith('text/event-stream'),
  );
  if (!isStream) {
    res.setHeader('Content-Length', recording.body.length);
    res.end(recording.body);
    return;
  }
  res.flushHeaders();
  let start = 0;
  while (start < recording.body.length && !res.destroyed) {
    const boundary = recording.body.indexOf('\n\n', start);
    const end = boundary === -1 ? recording.body.length : boundary + 2;
    res.write(recording.body.subarray(start, end));
    start = end;
    await new Promise((done) => (rate > 0 ? setTimeout(done, 1000 / rate) : setImmediate(done)));
  }
  res.end();
}
