import { redactSecrets, redactText } from '@flowise-kit/core';

/**
 * Wire text with secrets redacted. An event stream is redacted line by line: a `data:` line whose JSON holds
 * secret-looking keys (Flowise echoes node configs, API keys included) is written again with them redacted, other
 * lines keep their exact bytes. A whole JSON body (a non-streamed answer) is redacted as one document. The API key
 * itself is replaced anywhere.
 */
export function redactWire(text: string, apiKey: string | undefined): string {
  const whole = redactJson(text);
  const redacted =
    whole ??
    text
      .split('\n')
      .map((line) => (line.startsWith('data:') ? `data:${redactJson(line.slice(5)) ?? line.slice(5)}` : line))
      .join('\n');
  return redactText(redacted, apiKey);
}

/** The JSON document `text` written again with its secrets redacted; itself when it has none; `undefined` if not JSON. */
function redactJson(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return text;
  const redacted = JSON.stringify(redactSecrets(value));
  return redacted === JSON.stringify(value) ? text : redacted;
}
