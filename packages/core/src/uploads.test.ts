import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUpload, formatBytes, readAsDataUrl, typeMatches, uploadsConfigFrom } from './uploads.js';

const IMAGES = [{ fileTypes: ['image/png', 'image/jpeg'], maxUploadSize: 1 }];
const MB = 1024 * 1024;

describe('checkUpload', () => {
  it('accepts an allowed type within the size and under the count', () => {
    expect(checkUpload({ name: 'a.png', type: 'image/png', size: MB }, IMAGES, { count: 0, max: 2 })).toBeUndefined();
  });

  it('refuses a type, naming the file, its type and the allowed ones', () => {
    expect(checkUpload({ name: 'a.gif', type: 'image/gif', size: 10 }, IMAGES, { count: 0, max: 2 })).toEqual({
      kind: 'upload-refused',
      reason: 'type',
      fileName: 'a.gif',
      message: '“a.gif” (image/gif) cannot be sent: allowed types are image/png, image/jpeg.',
    });
  });

  it('refuses a size and a count with their own reasons', () => {
    const big = { name: 'b.png', type: 'image/png', size: MB + 1 };
    expect(checkUpload(big, IMAGES, { count: 0, max: 2 })).toMatchObject({
      reason: 'size',
      message: '“b.png” is 1.0 MB: the largest allowed is 1 MB.',
    });
    expect(checkUpload({ ...big, size: 1 }, IMAGES, { count: 2, max: 2 })).toMatchObject({ reason: 'count' });
  });

  it('refuses exactly the files over the limit or outside the types, whatever the file', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('image/png', 'image/jpeg', 'image/gif', 'text/plain', ''),
        fc.nat(3 * MB),
        fc.nat(5),
        (name, type, size, count) => {
          const refused = checkUpload({ name, type, size }, IMAGES, { count, max: 3 });
          const expected =
            count >= 3
              ? 'count'
              : !['image/png', 'image/jpeg'].includes(type)
                ? 'type'
                : size > MB
                  ? 'size'
                  : undefined;
          expect(refused?.reason).toBe(expected);
          if (refused) expect(refused.message).toContain(name);
        },
      ),
    );
  });
});

describe('typeMatches', () => {
  it('matches MIME types, wildcards and extensions, ignoring case', () => {
    expect(typeMatches({ name: 'x.PDF', type: '' }, '.pdf')).toBe(true);
    expect(typeMatches({ name: 'x', type: 'image/webp' }, 'image/*')).toBe(true);
    expect(typeMatches({ name: 'x', type: 'text/plain' }, '*')).toBe(true);
    expect(typeMatches({ name: 'x', type: 'Image/PNG' }, 'image/png')).toBe(true);
    expect(typeMatches({ name: 'x', type: 'text/plain' }, 'image/*')).toBe(false);
  });
});

describe('uploadsConfigFrom', () => {
  it('reads the chatbot config: uploads, fullFileUpload (comma-separated types) and isTTSEnabled', () => {
    const config = uploadsConfigFrom({
      uploads: { isImageUploadAllowed: true, imgUploadSizeAndTypes: IMAGES, isSpeechToTextEnabled: true },
      fullFileUpload: { status: true, allowedUploadFileTypes: 'text/plain, application/pdf' },
      isTTSEnabled: true,
    });
    expect(config).toEqual({
      isImageUploadAllowed: true,
      imgUploadSizeAndTypes: IMAGES,
      isRAGFileUploadAllowed: false,
      isRAGFileUploadOffered: false,
      fileUploadSizeAndTypes: [],
      isSpeechToTextEnabled: true,
      isFullFileUploadAllowed: true,
      fullFileUploadTypes: ['text/plain', 'application/pdf'],
      isTTSEnabled: true,
    });
  });

  it('allows nothing for a missing or odd config', () => {
    const none = uploadsConfigFrom(undefined);
    expect(Object.values(none).filter((v) => v === true)).toEqual([]);
    expect(uploadsConfigFrom({ uploads: { imgUploadSizeAndTypes: 'odd' as never } }).imgUploadSizeAndTypes).toEqual([]);
  });
});

describe('formatBytes', () => {
  it('says bytes, kB and MB', () => {
    expect([formatBytes(812), formatBytes(14_540), formatBytes(3.1 * MB)]).toEqual(['812 B', '14.2 kB', '3.1 MB']);
  });
});

describe('readAsDataUrl', () => {
  it('encodes any bytes where there is no FileReader (Node), as a browser would', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    const url = await readAsDataUrl(new Blob([bytes], { type: 'application/pdf' }));
    expect(url.startsWith('data:application/pdf;base64,')).toBe(true);
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')).toEqual(Buffer.from(bytes));
  });
});
