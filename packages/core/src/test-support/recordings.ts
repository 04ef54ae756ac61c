import { findFixturesDir, readRecordedResponse } from '@flowise-kit/mock-server';

/** A recorded HTTP response, split into its parts. */
export interface Recording {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Uint8Array;
  text: string;
}

/**
 * Reads `<name>.http` from the recordings of a real Flowise server with the mock server's reader, which also finds
 * them (`$FLOWISE_FIXTURES`, else `../shared/fixtures` beside the repository).
 */
export function readRecording(name: string): Recording {
  const dir = findFixturesDir();
  const recorded = dir ? readRecordedResponse(dir, name) : undefined;
  if (!recorded)
    throw new Error(
      `Recording ${name}.http is missing from ${dir ?? '../shared/fixtures'}: is ../shared beside the repository?`,
    );
  const headers = Object.fromEntries(recorded.headers.map(([header, value]) => [header.toLowerCase(), value]));
  const body = new Uint8Array(recorded.body);
  return { status: recorded.status, headers, body, text: new TextDecoder().decode(body) };
}

/** The story the deterministic test model told in every recording (read off conversation-json.http). */
export const STORY =
  'Once upon a time, a small fox named Ünï lived by a river 🦊. Every morning she counted the stones, and every evening she told the moon what she had learned. **One day** the river spoke back: "Count less, listen more." So she listened, and heard the fish, the reeds and the wind. Here is her rule:\n\n```js\nconst listen = () => "more";\n```\n\nThe end.';
