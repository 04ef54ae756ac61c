import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared/fixtures` beside the repository (or `$FLOWISE_FIXTURES`). */
export const FIXTURES_DIR =
  process.env.FLOWISE_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures/', import.meta.url));

/** A recorded HTTP response, split into its parts. */
export interface Recording {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  text: string;
}

/** Reads `<name>.http`: the status line, CRLF headers, a blank line, then the body bytes as sent. */
export function readRecording(name: string): Recording {
  const path = `${FIXTURES_DIR}/${name}.http`;
  if (!existsSync(path)) throw new Error(`Recording ${path} is missing: is ../shared beside the repository?`);
  const bytes = readFileSync(path);
  const split = bytes.indexOf('\r\n\r\n');
  const head = bytes.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(head[0]!.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = new Uint8Array(bytes.subarray(split + 4));
  return { status, headers, body, text: new TextDecoder().decode(body) };
}

/** The story the deterministic test model told in every recording (read off conversation-json.http). */
export const STORY =
  'Once upon a time, a small fox named Ünï lived by a river 🦊. Every morning she counted the stones, and every evening she told the moon what she had learned. **One day** the river spoke back: "Count less, listen more." So she listened, and heard the fish, the reeds and the wind. Here is her rule:\n\n```js\nconst listen = () => "more";\n```\n\nThe end.';
