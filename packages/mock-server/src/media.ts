/**
 * The mock's uploads, speech to text and text to speech (flowise-protocol.md §1 `uploads`, §7.4, §7.6, §7.7, §7.9):
 * what each chatflow allows, the files a question stored, the attachments endpoint, and a speech stream made of a
 * short real MP3 (espeak-ng + lame, committed in `assets/`).
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { parseMultipart } from './multipart.js';
import { sendJson, sendJsonError, sendRaw } from './wire.js';

/** What the `uploads*`, `speech*` and `tts*` chatflows allow (the chatbot config's `uploads` and friends). */
const IMAGES = [{ fileTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'], maxUploadSize: 1 }];
const FULL_FILE = { status: true, allowedUploadFileTypes: 'text/plain,text/csv,application/json,application/pdf' };

/** What the `rag*` chatflows take into their vector store (Flowise's own limit is 500 MB; 1 MB lets a test refuse). */
const RAG_FILES = [{ fileTypes: ['text/plain', '.md', 'application/pdf'], maxUploadSize: 1 }];

/** The media part of the chatbot config of `chatflowId`, or `undefined` for chatflows without media. */
export function mediaConfigFor(chatflowId: string): Record<string, unknown> | undefined {
  if (chatflowId.startsWith('rag')) {
    // Images inline, other files into the vector store (no full-file upload: Flowise prefers it when both are on).
    return {
      uploads: {
        isImageUploadAllowed: true,
        imgUploadSizeAndTypes: IMAGES,
        isRAGFileUploadAllowed: true,
        fileUploadSizeAndTypes: RAG_FILES,
        isSpeechToTextEnabled: false,
      },
    };
  }
  const all = {
    uploads: {
      isImageUploadAllowed: true,
      imgUploadSizeAndTypes: IMAGES,
      isRAGFileUploadAllowed: false,
      fileUploadSizeAndTypes: [],
      isSpeechToTextEnabled: true,
    },
    fullFileUpload: FULL_FILE,
    isTTSEnabled: true,
  };
  if (chatflowId === 'uploads' || chatflowId === 'uploads-refused' || chatflowId.startsWith('tts')) return all;
  return undefined;
}

/** What the mock hears in every recording (it transcribes nothing: the audio's bytes are only checked). */
export const TRANSCRIPT = 'What is six times seven?';

let mp3: Buffer | undefined;
/** The MP3 the text-to-speech endpoints stream ("Seven times six is forty-two.", 3 s, 9.6 kB), read on first use. */
export function speechMp3(): Buffer {
  mp3 ??= readFileSync(resolve(import.meta.dirname, '../assets/answer.mp3'));
  return mp3;
}
const CHUNK = 2048;

/** The base64 chunks of {@link speechMp3}, as `tts_data` carries them. */
export function speechChunks(): string[] {
  const audio = speechMp3();
  const chunks: string[] = [];
  for (let i = 0; i < audio.length; i += CHUNK) chunks.push(audio.subarray(i, i + CHUNK).toString('base64'));
  return chunks;
}

/** An upload as a prediction body carries it. */
export interface BodyUpload {
  type?: string;
  name?: string;
  mime?: string;
  data?: string;
}

/** Files a question stored, by chatflow, chatId and name (served back by `get-upload-file`). */
export class StoredFiles {
  private readonly files = new Map<string, { mime: string; content: Buffer }>();

  /** Keeps the `file`, `file:rag` and `audio` uploads of a question, as Flowise stores them under their names. */
  keep(chatflowId: string, chatId: string, uploads: readonly BodyUpload[]): void {
    for (const upload of uploads) {
      const stored = upload.type === 'file' || upload.type === 'audio' || upload.type === 'file:rag';
      if (!stored || !upload.data || !upload.name) continue;
      const comma = upload.data.indexOf(',');
      const content = Buffer.from(upload.data.slice(comma + 1), 'base64');
      this.files.set(key(chatflowId, chatId, upload.name), {
        mime: upload.mime ?? 'application/octet-stream',
        content,
      });
    }
  }

  /** `GET get-upload-file?chatflowId=&chatId=&fileName=` (Flowise answers a missing parameter with a plain 500). */
  serve(res: ServerResponse, query: URLSearchParams): void {
    const [chatflowId, chatId, fileName] = ['chatflowId', 'chatId', 'fileName'].map((name) => query.get(name));
    if (!chatflowId || !chatId || !fileName) return sendRaw(res, 500, 'text/plain', 'Invalid file path');
    const file = this.files.get(key(chatflowId, chatId, fileName));
    if (!file) return sendRaw(res, 404, 'text/plain', `File ${fileName} not found`);
    res.writeHead(200, {
      'Content-Type': file.mime,
      'Content-Length': file.content.length,
      'Content-Disposition': `inline; filename="${encodeURIComponent(fileName)}"`,
      'Access-Control-Allow-Origin': '*',
    });
    res.end(file.content);
  }
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

/**
 * `POST attachments/:chatflowId/:chatId`: the files' text, or, for a type the chatflow refuses, what Flowise 3.1.4
 * answers (its attachments service wraps the 400 into a 500 that names the type).
 */
export function attachments(res: ServerResponse, chatflowId: string, raw: Buffer, contentType: string): void {
  const files = parseMultipart(raw, contentType).filter((f) => f.field === 'files');
  if (files.length === 0) return sendJsonError(res, 400, 'No files provided');
  const allowed = FULL_FILE.allowedUploadFileTypes.split(',');
  const refused = files.find((f) => chatflowId === 'uploads-refused' || !allowed.includes(f.mimeType));
  if (refused && mediaConfigFor(chatflowId)) {
    const said = `File type '${refused.mimeType}' is not allowed. Allowed types: ${allowed.join(', ')}`;
    return sendJsonError(res, 500, `Error: attachmentService.createAttachment - ${said}`);
  }
  const results = files.map((f) => ({
    name: f.name,
    mimeType: f.mimeType,
    size: f.content.length,
    content: f.content.toString('utf8'),
  }));
  return sendJson(res, 200, results);
}

/**
 * `POST vector/upsert/:chatflowId` (the RAG upload): not public since Flowise 3.0.13, so without `Authorization`
 * (or with another key than the mock's `apiKey`, or always for `rag-refused`) it is Flowise's global 401; otherwise
 * every file counts as one chunk added.
 */
export function upsertVector(
  res: ServerResponse,
  chatflowId: string,
  raw: Buffer,
  contentType: string,
  authorized: boolean,
): void {
  if (!authorized || chatflowId === 'rag-refused') return sendJson(res, 401, { error: 'Unauthorized Access' });
  if (chatflowId === 'rag-fail')
    return sendJsonError(res, 500, 'Error: vectorsService.upsertVector - No vector node found');
  const files = parseMultipart(raw, contentType).filter((f) => f.field === 'files');
  const addedDocs = files.map((f) => ({ pageContent: f.content.toString('utf8'), metadata: { source: f.name } }));
  return sendJson(res, 200, { numAdded: files.length, numDeleted: 0, numUpdated: 0, numSkipped: 0, addedDocs });
}

/** Text-to-speech frames: a real `event:` line and `data: ` with a space (unlike the prediction stream). */
function speechFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify({ event, data })}\n\n`;
}

/** `POST text-to-speech/generate`: the MP3 in chunks, paced so a player can start before the end; `tts-fail` fails. */
export async function generateSpeech(
  res: ServerResponse,
  body: Record<string, unknown>,
  aborted: () => boolean,
): Promise<void> {
  const chatMessageId = String(body.chatMessageId ?? '');
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'Access-Control-Allow-Origin': '*',
  });
  if (body.chatflowId === 'tts-fail' || !body.text) {
    const error = body.text ? 'Speech provider failed: quota exceeded' : 'Text is required';
    res.end(speechFrame('tts_error', { chatMessageId, error }));
    return;
  }
  res.write(speechFrame('tts_start', { chatMessageId, format: 'mp3' }));
  for (const audioChunk of speechChunks()) {
    if (res.destroyed) return;
    // Flowise's provider rejects once its abort controller fires: the stream ends with this tts_error.
    if (aborted()) return void res.end(speechFrame('tts_error', { error: 'TTS generation aborted' }));
    res.write(speechFrame('tts_data', { chatMessageId, audioChunk }));
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  res.end(speechFrame('tts_end', { chatMessageId }));
}

/** `POST text-to-speech/generate` and `/abort`; `stopped` holds the `chatId/chatMessageId` pairs aborted. */
export function speechRoute(
  res: ServerResponse,
  action: string,
  body: unknown,
  stopped: Set<string>,
): Promise<void> | void {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const speech = `${String(input.chatId)}/${String(input.chatMessageId)}`;
  if (action === 'generate') {
    stopped.delete(speech);
    return generateSpeech(res, input, () => stopped.has(speech));
  }
  if (action === 'abort') {
    stopped.add(speech);
    const { chatId, chatMessageId } = input;
    return sendJson(res, 200, { message: 'TTS stream aborted successfully', chatId, chatMessageId });
  }
  return sendJsonError(res, 404, `Cannot POST /api/v1/text-to-speech/${action}`);
}
