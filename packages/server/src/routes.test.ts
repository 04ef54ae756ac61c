import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTES, matchRoute } from './routes.js';

/** Control characters, separators and escapes: anything that could change the path or a header. */
const unsafe = (segment: string) =>
  /[/\\?#%]/.test(segment) || [...segment].some((c) => c.charCodeAt(0) < 32 || c === '\x7f');

describe('matchRoute', () => {
  it('matches every route the kit uses, and nothing with another method or segment count', () => {
    expect(matchRoute('POST', '/api/v1/prediction/abc')).toMatchObject({ segments: ['abc'] });
    expect(matchRoute('PUT', '/api/v1/chatmessage/abort/flow-1/chat-1')).toMatchObject({
      segments: ['abort', 'flow-1', 'chat-1'],
    });
    expect(matchRoute('GET', '/api/v1/prediction/abc')).toBeUndefined();
    expect(matchRoute('POST', '/api/v1/prediction/abc/def')).toBeUndefined();
    expect(matchRoute('PUT', '/api/v1/chatmessage/delete/flow-1/chat-1')).toBeUndefined();
    expect(matchRoute('POST', '/api/v1/text-to-speech/other')).toBeUndefined();
    expect(matchRoute('GET', '/api/v1/chatflows')).toBeUndefined();
    expect(matchRoute('GET', '/api/v2/prediction/abc')).toBeUndefined();
  });

  it('any encoded id: either refused, or passed on decoded and unchanged, never able to change the path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (id) => {
        const matched = matchRoute('POST', `/api/v1/prediction/${encodeURIComponent(id)}`);
        if (!matched) return;
        expect(matched.segments).toEqual([id]);
        expect(unsafe(id)).toBe(false);
        expect(['.', '..']).not.toContain(id);
      }),
      { numRuns: 2000 },
    );
  });

  it('any raw path below /api/v1/: a match has only safe segments and a known route', () => {
    const piece = fc.oneof(
      fc.constantFrom('prediction', 'chatmessage', 'abort', '..', '.', '%2F', '%2e%2e', '%0D%0A', '%00', '%', 'x'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.array(piece, { maxLength: 5 }),
        (method, parts) => {
          const matched = matchRoute(method, `/api/v1/${parts.join('/')}`);
          if (!matched) return;
          expect(ROUTES).toContain(matched.route);
          for (const segment of matched.segments) {
            expect(unsafe(segment)).toBe(false);
            expect(['.', '..', '']).not.toContain(segment);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
