import { answerTokens } from './answer.js';
import { speechChunks } from './media.js';
import type { Scenario, ScenarioContext } from './scenario-types.js';
import { chatAnswer, END, ev, metadata, stream } from './scenario-parts.js';

/** One line per upload the question carried: what the mock received, so a test can read it in the answer. */
function receipt(c: ScenarioContext): string[] {
  const uploads = c.uploads ?? [];
  const lines = uploads.map((u) => `${u.type} ${u.name} (${u.mime}, ${u.size} bytes)`);
  const text = uploads.length ? `I received ${lines.join('; ')}.` : 'I received no uploads.';
  const answer = c.question ? ` You asked: ${c.question}` : '';
  return `${text}${answer}`.split(/(?= )/);
}

/** Chatflows with images, full-file uploads, speech to text and text to speech (see `mediaConfigFor`). */
export const mediaScenarios: Record<string, Scenario> = {
  uploads: {
    description:
      'images (png/jpeg/gif/webp ≤ 1 MB), full-file uploads, speech to text and text to speech on; the answer lists the uploads it received',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: receipt(c) }, metadata(c), END),
  },
  'uploads-refused': {
    description:
      'as `uploads`, but the attachments endpoint refuses every file as Flowise 3.1.4 refuses a type the chatflow does not take (a 500 naming the type)',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: receipt(c) }, metadata(c), END),
  },
  rag: {
    description:
      'RAG uploads (text/plain, .md, pdf ≤ 1 MB; `vector/upsert` needs an `Authorization` header) and images; the answer lists the uploads it received',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: receipt(c) }, metadata(c), END),
  },
  'rag-refused': {
    description: 'as `rag`, but `vector/upsert` answers 401 even with a key (a wrong or revoked workspace key)',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: receipt(c) }, metadata(c), END),
  },
  'rag-fail': {
    description: 'as `rag`, but `vector/upsert` fails with a 500 (the flow has no vector store that takes files)',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: receipt(c) }, metadata(c), END),
  },
  'tts-autoplay': {
    description:
      'text to speech on, and the answer streams its audio (tts_start, tts_data ×5, tts_end) before metadata',
    reply: (c) =>
      chatAnswer(c, [
        ev('tts_start', { chatMessageId: c.chatMessageId, format: 'mp3' }),
        ...speechChunks().map((audioChunk) => ev('tts_data', { chatMessageId: c.chatMessageId, audioChunk })),
        ev('tts_end', { chatMessageId: c.chatMessageId }),
      ]),
  },
  'tts-fail': {
    description: 'text to speech on, but `text-to-speech/generate` answers `tts_error` (the provider failed)',
    reply: (c) => stream(ev('start', ''), { kind: 'tokens', tokens: answerTokens(c.tokens) }, metadata(c), END),
  },
};
