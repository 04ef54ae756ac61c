/**
 * Secret redaction. Flowise echoes node configurations, API keys included, in `agentFlowExecutedData`; anything
 * that shows, logs or exports events must pass them through {@link redactSecrets} first.
 */

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

const SECRET_WORDS = /api[-_]?key|password|passwd|secret|authori[sz]ation|credential|private[-_]?key/i;
const TOKEN_KEY = /(^|[-_])token$/i;
const CAMEL_TOKEN_KEY = /[a-z0-9]Token$/;

/** Whether an object key names a secret (`apiKey`, `openAIApiKey`, `password`, `accessToken`, `Authorization` ...). */
export function isSecretKey(key: string): boolean {
  return SECRET_WORDS.test(key) || TOKEN_KEY.test(key) || CAMEL_TOKEN_KEY.test(key);
}

/**
 * A deep copy of `value` with the values of secret-looking keys replaced by {@link REDACTED}.
 * Values that are not plain objects or arrays are returned as they are.
 */
export function redactSecrets<T>(value: T): T {
  return redactValue(value, new WeakMap()) as T;
}

function redactValue(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redactValue(item, seen));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) {
    const kept =
      isSecretKey(key) && item !== '' && item !== null && item !== undefined ? REDACTED : redactValue(item, seen);
    // A `__proto__` key (JSON.parse makes it an own property) stays a property: assigned, it would set the prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: kept, enumerable: true, writable: true });
    else copy[key] = kept;
  }
  return copy;
}

const JSON_STRING_PAIR = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/**
 * JSON-ish `text` (one that did not parse, so {@link redactSecrets} cannot walk it) with the string value of every
 * secret-looking key replaced by {@link REDACTED}.
 */
export function redactSecretText(text: string): string {
  return text.replace(JSON_STRING_PAIR, (pair, key: string, colon: string, value: string) =>
    isSecretKey(key) && value !== '' ? `"${key}"${colon}"${REDACTED}"` : pair,
  );
}

/** `text` with every occurrence of `secret` replaced by {@link REDACTED}. */
export function redactText(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join(REDACTED);
}
