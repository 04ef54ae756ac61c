import { redactSecrets } from '@flowise-kit/core';

/**
 * Wire text with secrets redacted, line by line: a `data:` line whose JSON holds secret-looking keys (Flowise echoes
 * node configs, API keys included) is written again with them redacted; the API key itself is replaced anywhere.
 * Other lines keep their exact bytes.
 */
export function redactWire(text: string, apiKey: string | undefined): string {
  const lines = text.split('\n').map((line) => {
    if (!line.startsWith('data:')) return line;
    const json = line.slice(5);
    try {
      const value: unknown = JSON.parse(json);
      const redacted = JSON.stringify(redactSecrets(value));
      return redacted === JSON.stringify(value) ? line : `data:${redacted}`;
    } catch {
      return line;
    }
  });
  const joined = lines.join('\n');
  return apiKey && apiKey.length >= 4 ? joined.split(apiKey).join('[redacted]') : joined;
}
