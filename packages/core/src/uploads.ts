/**
 * What a chatflow accepts besides text (flowise-protocol.md §1 `uploads`, §7.3, §7.4), the items a question carries
 * in `uploads`, and the check a UI runs on a file before anything is sent.
 */
import type { ChatbotConfig } from './client.js';
import type { ChatError } from './errors.js';

/** Allowed types and the largest size of one group of files, as Flowise describes them. */
export interface UploadSizeAndTypes {
  /** MIME types (`image/png`) or extensions (`.pdf`); `*` or `image/*` style wildcards are honoured. */
  fileTypes: string[];
  /** The largest file, in MB. */
  maxUploadSize: number;
}

/**
 * Everything a chatflow lets a user send or hear besides text: Flowise's uploads config (`GET chatflows-uploads/:id`,
 * also the chatbot config's `uploads`) with the chatbot config's `fullFileUpload` and `isTTSEnabled`.
 */
export interface UploadsConfig {
  /** Images may go with a question (`file` or `url` uploads). */
  isImageUploadAllowed: boolean;
  /** Which images, and how large. */
  imgUploadSizeAndTypes: UploadSizeAndTypes[];
  /** Files may be upserted into the flow's vector store (`file:rag`; needs an API key since Flowise 3.0.13). */
  isRAGFileUploadAllowed: boolean;
  /** Which RAG files, and how large. */
  fileUploadSizeAndTypes: UploadSizeAndTypes[];
  /**
   * RAG uploads are allowed *and* this store can make them: its connection carries an `apiKey`, or the app set
   * `ragUploads: true` (a proxy adds the key). Set by the store; `false` from the client, which cannot know a proxy.
   */
  isRAGFileUploadOffered: boolean;
  /** A recorded question may be sent as an `audio` upload, transcribed by the server. */
  isSpeechToTextEnabled: boolean;
  /** Files may be turned into text for the prompt (`POST attachments`, then `file:full` uploads). */
  isFullFileUploadAllowed: boolean;
  /** The types `POST attachments` accepts; empty means "any". */
  fullFileUploadTypes: string[];
  /** Answers can be read aloud (`POST text-to-speech/generate`). */
  isTTSEnabled: boolean;
}

/** A config that allows nothing: what a UI assumes until the real one has loaded. */
export const NO_UPLOADS: UploadsConfig = {
  isImageUploadAllowed: false,
  imgUploadSizeAndTypes: [],
  isRAGFileUploadAllowed: false,
  fileUploadSizeAndTypes: [],
  isRAGFileUploadOffered: false,
  isSpeechToTextEnabled: false,
  isFullFileUploadAllowed: false,
  fullFileUploadTypes: [],
  isTTSEnabled: false,
};

/** One item of a question's `uploads` (Flowise's `IFileUpload`). */
export interface FileUpload {
  /**
   * `file`: an image as a data URL; `url`: an image URL; `audio`: a recorded question; `file:full`: extracted text;
   * `file:rag`: a file already upserted into the flow's vector store, as a data URL (Flowise stores it with the chat).
   */
  type: 'file' | 'url' | 'audio' | 'file:full' | 'file:rag' | (string & {});
  /** The file's name; Flowise stores uploaded files under it (see `uploadedFileUrl`). */
  name: string;
  /** The MIME type. */
  mime: string;
  /** A `data:` URL, the image's URL, or the extracted text. Saved histories leave `data:` URLs out. */
  data?: string;
}

/** The uploads config of a chatbot config (`uploads`, `fullFileUpload`, `isTTSEnabled`), every field present. */
export function uploadsConfigFrom(chatbot: ChatbotConfig | undefined, uploads = chatbot?.uploads): UploadsConfig {
  const full = chatbot?.fullFileUpload as { status?: unknown; allowedUploadFileTypes?: unknown } | undefined;
  const types = full?.allowedUploadFileTypes;
  return {
    isImageUploadAllowed: uploads?.isImageUploadAllowed === true,
    imgUploadSizeAndTypes: sizeAndTypes(uploads?.imgUploadSizeAndTypes),
    isRAGFileUploadAllowed: uploads?.isRAGFileUploadAllowed === true,
    fileUploadSizeAndTypes: sizeAndTypes(uploads?.fileUploadSizeAndTypes),
    isRAGFileUploadOffered: false,
    isSpeechToTextEnabled: uploads?.isSpeechToTextEnabled === true,
    isFullFileUploadAllowed: full?.status === true,
    // Flowise's settings screen stores a comma-separated string; accept a list too.
    fullFileUploadTypes: (typeof types === 'string' ? types.split(',') : Array.isArray(types) ? types : [])
      .map((t) => String(t).trim())
      .filter(Boolean),
    isTTSEnabled: chatbot?.isTTSEnabled === true,
  };
}

function sizeAndTypes(value: unknown): UploadSizeAndTypes[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is UploadSizeAndTypes =>
      typeof item === 'object' && item !== null && Array.isArray((item as UploadSizeAndTypes).fileTypes),
  );
}

/** What a file to check looks like: a `File`, or its name, type and size. */
export interface FileFacts {
  /** The file's name (its extension is matched against extension rules). */
  name: string;
  /** The MIME type, possibly empty. */
  type: string;
  /** Bytes. */
  size: number;
}

/** Why a file was refused before anything was sent. */
export type UploadRefusal = 'type' | 'size' | 'count' | 'disabled';

/** A refused file: a {@link ChatError} of kind `upload-refused` that also says why and which file. */
export interface RefusedUpload extends ChatError {
  /** Always `upload-refused`. */
  kind: 'upload-refused';
  /** Its type is not allowed, it is too large, there are too many, or this kind of upload is off. */
  reason: UploadRefusal;
  /** The refused file's name. */
  fileName: string;
}

/**
 * Checks a file against the rules of one kind of upload: `undefined` when it may be sent, else why not. `rules` are
 * the config's `imgUploadSizeAndTypes` (or similar); `count` is how many are attached already, `max` the most allowed.
 *
 * @example
 * const refused = checkUpload(file, config.imgUploadSizeAndTypes, { count: 0, max: 4 });
 * if (refused) alert(refused.message);
 */
export function checkUpload(
  file: FileFacts,
  rules: readonly UploadSizeAndTypes[],
  limits: { count: number; max: number; anySize?: boolean },
): RefusedUpload | undefined {
  const refuse = (reason: UploadRefusal, message: string): RefusedUpload => ({
    kind: 'upload-refused',
    reason,
    fileName: file.name,
    message,
  });
  if (limits.count >= limits.max) {
    return refuse('count', `“${file.name}” was not added: at most ${limits.max} files can go with one question.`);
  }
  const matching = rules.filter((rule) => rule.fileTypes.some((pattern) => typeMatches(file, pattern)));
  if (matching.length === 0) {
    const allowed = [...new Set(rules.flatMap((rule) => rule.fileTypes))].join(', ');
    const kind = file.type || 'unknown type';
    return refuse('type', `“${file.name}” (${kind}) cannot be sent: allowed types are ${allowed || 'none'}.`);
  }
  if (limits.anySize) return undefined;
  const maxMb = Math.max(...matching.map((rule) => rule.maxUploadSize));
  if (maxMb > 0 && file.size > maxMb * 1024 * 1024) {
    return refuse('size', `“${file.name}” is ${formatBytes(file.size)}: the largest allowed is ${maxMb} MB.`);
  }
  return undefined;
}

/** Whether `file` fits a type rule: a MIME type, a wildcard such as `image/*` or `*`, or an extension (`.pdf`). */
export function typeMatches(file: Pick<FileFacts, 'name' | 'type'>, pattern: string): boolean {
  const rule = pattern.trim().toLowerCase();
  const type = file.type.toLowerCase();
  if (rule === '*' || rule === '*/*') return true;
  if (rule.startsWith('.')) return file.name.toLowerCase().endsWith(rule);
  if (rule.endsWith('/*')) return type.startsWith(rule.slice(0, -1));
  return type === rule;
}

/** A size for a person: `812 B`, `14.2 kB`, `3.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A `Blob` (a picked, pasted, dropped or recorded file) as a `data:` URL, as Flowise takes `file` and `audio` uploads. */
export function readAsDataUrl(blob: Blob): Promise<string> {
  // Node and workers without FileReader (a server-side upsert, the interop tests) encode the bytes themselves.
  if (typeof FileReader === 'undefined') return encodeDataUrl(blob);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

async function encodeDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}
