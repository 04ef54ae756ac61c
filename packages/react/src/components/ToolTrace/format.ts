import { redactSecrets } from '@flowise-kit/core';

/** Default cap on the characters of one input or output shown. */
export const DEFAULT_JSON_LIMIT = 4000;

/**
 * A tool input or output as readable text: JSON pretty-printed (a string holding JSON is parsed first), secrets
 * redacted, cut at `limit` characters with a note of how much was left out.
 */
export function formatPayload(value: unknown, limit = DEFAULT_JSON_LIMIT): { text: string; omitted: number } {
  let parsed = value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        parsed = value;
      }
    }
  }
  let text: string;
  if (typeof parsed === 'string') text = parsed;
  else {
    try {
      text = JSON.stringify(redactSecrets(parsed), null, 2) ?? String(parsed);
    } catch {
      text = String(parsed);
    }
  }
  return text.length > limit ? { text: text.slice(0, limit), omitted: text.length - limit } : { text, omitted: 0 };
}
