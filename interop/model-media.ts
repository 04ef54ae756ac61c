/**
 * The test model's media side, for Flowise's uploads, speech-to-text and text-to-speech providers:
 *
 * - `POST /v1/audio/transcriptions` (multipart, as the OpenAI SDK sends it): answers {@link TRANSCRIPT}, whatever the
 *   audio, and logs the audio file it received.
 * - `POST /v1/audio/speech`: answers the mock server's committed MP3 clip ({@link SPEECH_CLIP}), and logs the request.
 * - Chat completions log the images of their messages (`image_url` parts) through {@link MediaLog.recordChat}.
 * - `GET /v1/_test/images`, `/v1/_test/transcriptions`, `/v1/_test/speech`: the logs, for a test in another process.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';

/** What the test model "hears" in any audio: a question with a key, so its answer is known (see `modelAnswer`). */
export const TRANSCRIPT = 'What do the foxes count? [[spoken]]';

/** The audio `/v1/audio/speech` answers: the mock server's short MP3 (about 2.5 s of speech). */
export const SPEECH_CLIP: Buffer = readFileSync(
  resolve(import.meta.dirname, '../packages/mock-server/assets/answer.mp3'),
);

/** An image a chat completion carried: the `image_url` as the model got it, and the question it went with. */
export interface ImageRecord {
  url: string;
  question: string;
}
/** An audio file sent for transcription, its bytes as base64. */
export interface TranscriptionRecord {
  fileName: string;
  type: string;
  model: string;
  base64: string;
}
/** A text-to-speech request. */
export interface SpeechRecord {
  input: string;
  voice: string;
  model: string;
  responseFormat?: string;
}

interface Part {
  type: string;
  text?: string;
  image_url?: string | { url: string };
}

const json = (res: ServerResponse, value: unknown) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
};

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The media routes and their logs (one per model server). */
export interface MediaLog {
  /** Logs the `image_url` parts of a chat completion's messages; `question` is the text it answers. */
  recordChat(messages: { content?: unknown }[], question: string): void;
  /** Serves `path` (without `/v1`) when it is a media route; `false` leaves the request to the caller, unread. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

export function mediaLog(): MediaLog {
  const images: ImageRecord[] = [];
  const transcriptions: TranscriptionRecord[] = [];
  const speech: SpeechRecord[] = [];
  return {
    recordChat(messages, question) {
      for (const message of messages) {
        if (!Array.isArray(message.content)) continue;
        for (const part of message.content as Part[]) {
          if (part.type !== 'image_url' || !part.image_url) continue;
          const url = typeof part.image_url === 'string' ? part.image_url : part.image_url.url;
          images.push({ url, question });
        }
      }
    },
    async handle(req, res, path) {
      const logs: Record<string, unknown[]> = {
        '/_test/images': images,
        '/_test/transcriptions': transcriptions,
        '/_test/speech': speech,
      };
      if (logs[path]) {
        json(res, logs[path]);
        return true;
      }
      if (path === '/audio/transcriptions' && req.method === 'POST') {
        // The platform's multipart parser: the OpenAI SDK sends `file` and `model` as form fields.
        const form = await new Request('http://model/', {
          method: 'POST',
          headers: { 'content-type': String(req.headers['content-type']) },
          body: new Uint8Array(await body(req)),
        }).formData();
        const file = form.get('file');
        if (!(file instanceof File)) {
          res.writeHead(400, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: { message: 'no file' } }));
          return true;
        }
        transcriptions.push({
          fileName: file.name,
          type: file.type,
          model: String(form.get('model')),
          base64: Buffer.from(await file.arrayBuffer()).toString('base64'),
        });
        json(res, { text: TRANSCRIPT });
        return true;
      }
      if (path === '/audio/speech' && req.method === 'POST') {
        const request = JSON.parse((await body(req)).toString('utf8')) as Record<string, string>;
        speech.push({
          input: String(request.input),
          voice: String(request.voice),
          model: String(request.model),
          ...(request.response_format ? { responseFormat: request.response_format } : {}),
        });
        res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': SPEECH_CLIP.length });
        res.end(SPEECH_CLIP);
        return true;
      }
      return false;
    },
  };
}
