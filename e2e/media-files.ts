/** Files the media e2e tests attach: real PNGs made here (no binary fixtures), and how to put them into a page. */
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid RGB PNG of `width` × `height` with diagonal stripes of `rgb` on white. `noise` adds that many bytes of
 * pseudo-random rows (an incompressible image), to make a file larger than an upload limit.
 */
export function png(width: number, height: number, rgb: [number, number, number], noise = false): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  let seed = 7;
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) {
      if (noise) {
        for (let i = 0; i < 3; i++) rows.push((seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      } else rows.push(...((x + y) % 12 < 6 ? rgb : [255, 255, 255]));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows), { level: noise ? 0 : 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A file for the page: its name, type and bytes (base64 over the wire). */
export interface PageFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Pastes `files` into `target` (a real `paste` event whose clipboard holds the files). */
export async function pasteFiles(target: Locator, files: PageFile[]): Promise<void> {
  await target.evaluate((element, list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.mimeType }));
    }
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, serialise(files));
}

/** Drags `files` over `target` and drops them (dragenter, dragover, drop with one DataTransfer). */
export async function dropFiles(page: Page, target: Locator, files: PageFile[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], f.name, { type: f.mimeType }));
    }
    return data;
  }, serialise(files));
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
}

function serialise(files: PageFile[]) {
  return files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') }));
}

/** The bytes of a `data:` URL. */
export function dataUrlBytes(url: string): Buffer {
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}
