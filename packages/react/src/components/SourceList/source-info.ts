import type { SourceDocument } from '@flowise-kit/core';
import { safeLinkUrl } from '../Markdown/safe-url.js';

/** What a source shows: a title, a link only when the source is a safe http(s) URL, and an excerpt. */
export interface SourceInfo {
  title: string;
  href: string | undefined;
  location: string | undefined;
  excerpt: string;
  truncated: boolean;
}

/** Reads the display fields of a source document from its (untrusted) metadata. */
export function sourceInfo(document: SourceDocument, index: number, excerptLength: number): SourceInfo {
  const meta = document.metadata;
  const source = typeof meta.source === 'string' ? meta.source : typeof meta.url === 'string' ? meta.url : undefined;
  const href = safeLinkUrl(source);
  const title =
    text(meta.title) ?? text(meta.name) ?? (source ? lastSegment(source) : undefined) ?? `Source ${index + 1}`;
  const page = meta.page ?? (meta.loc as { pageNumber?: unknown } | undefined)?.pageNumber;
  const lines = (meta.loc as { lines?: { from?: unknown; to?: unknown } } | undefined)?.lines;
  const location =
    page !== undefined
      ? `page ${String(page)}`
      : lines?.from !== undefined
        ? `lines ${String(lines.from)}–${String(lines.to)}`
        : undefined;
  const content = document.pageContent.replace(/\s+/g, ' ').trim();
  const truncated = content.length > excerptLength;
  return {
    title,
    href,
    location,
    excerpt: truncated ? `${content.slice(0, excerptLength).trimEnd()}…` : content,
    truncated,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function lastSegment(source: string): string {
  const trimmed = source.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return trimmed.split(/[\\/]/).pop() || source;
}
