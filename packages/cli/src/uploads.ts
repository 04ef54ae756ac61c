import type { FlowiseClient } from '@flowise-kit/core';
import { basename, extname } from 'node:path';

/** A mistake in the command line found while running it (a file that cannot be read). */
export class UsageError extends Error {}

/** A file in a prediction's `uploads` (flowise-protocol.md §1). */
export interface Upload {
  data: string;
  type: 'file' | 'audio' | 'file:full';
  name: string;
  mime: string;
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.webm': 'audio/webm',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Turns files into uploads: an image goes as a data URL (`file`), audio as `audio` (Flowise's speech to text), any
 * other file through Flowise's attachments endpoint, whose extracted text is sent as `file:full`.
 */
export async function toUploads(
  paths: readonly string[],
  read: (path: string) => Promise<Uint8Array>,
  attach: { client: FlowiseClient; chatflowId: string; chatId: string },
): Promise<Upload[]> {
  const uploads: Upload[] = [];
  for (const path of paths) {
    const bytes = await read(path).catch((error: unknown) => {
      throw new UsageError(`cannot read ${path}: ${(error as { code?: string }).code ?? String(error)}`);
    });
    const name = basename(path);
    const mime = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
    if (mime.startsWith('image/') || mime.startsWith('audio/')) {
      const data = `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
      uploads.push({ data, type: mime.startsWith('image/') ? 'file' : 'audio', name, mime });
      continue;
    }
    const file = new File([new Uint8Array(bytes)], name, { type: mime });
    const [text] = await attach.client.uploadAttachments(attach.chatflowId, attach.chatId, [file]);
    uploads.push({ data: text?.content ?? '', type: 'file:full', name, mime: text?.mimeType ?? mime });
  }
  return uploads;
}
