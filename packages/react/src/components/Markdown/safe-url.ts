/** The only URL schemes that become links: model output and source documents are untrusted. */
const SAFE_LINK = /^(https?:|mailto:)/i;
const SAFE_IMAGE = /^https?:/i;

/**
 * The URL if it is an absolute http(s) or mailto URL, else `undefined`. Control characters and whitespace are
 * stripped first, as browsers do, so `java\tscript:` cannot slip through.
 */
export function safeLinkUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_LINK.test(cleaned) ? cleaned : undefined;
}

/** The URL if it is an absolute http(s) URL (no `data:`, no `javascript:`), else `undefined`. */
export function safeImageUrl(url: unknown): string | undefined {
  const safe = safeLinkUrl(url);
  return safe && SAFE_IMAGE.test(safe) ? safe : undefined;
}
