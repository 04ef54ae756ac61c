import {
  checkUpload,
  readAsDataUrl,
  typeMatches,
  type FileUpload,
  type RefusedUpload,
  type UploadSizeAndTypes,
  type UploadsConfig,
} from '@flowise-kit/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fillLabel, type Labels } from '../../labels.js';

/** A file or image waiting in the composer. */
export interface PendingAttachment {
  /** Key in the list. */
  id: string;
  /**
   * `image`: sent inline (`file`); `url`: an image URL (`url`); `file`: turned into text first (`file:full`); `rag`:
   * added to the chatflow's vector store first (`file:rag`).
   */
  kind: 'image' | 'url' | 'file' | 'rag';
  /** The file's name (or the URL's last segment). */
  name: string;
  /** Its MIME type. */
  mime: string;
  /** Bytes (0 for a URL). */
  size: number;
  /** The image as a `data:` URL, or the image's URL. */
  data?: string;
  /** The file itself, for a full-file or RAG upload. */
  file?: File;
  /** What to send once the file went through Flowise (a RAG file already upserted is never upserted again). */
  upload?: FileUpload;
}

/** What {@link useAttachments} gives the composer. */
export interface Attachments {
  items: PendingAttachment[];
  /** Why the latest files were refused, one message each; cleared by the next accepted file. */
  refusals: string[];
  /** Checks and adds picked, pasted or dropped files. */
  addFiles(files: Iterable<File>): Promise<void>;
  /** Adds an image by URL; `false` when it is not an http(s) URL. */
  addUrl(url: string): boolean;
  remove(id: string): void;
  /** Keeps what Flowise gave for these attachments (by id), so a retry sends them without uploading them again. */
  settle(uploads: ReadonlyMap<string, FileUpload>): void;
  clear(): void;
  /** Whether any kind of attachment is allowed at all. */
  accepts: boolean;
  /** The `accept` attribute of the file picker. */
  accept: string;
}

let counter = 0;

/** The composer's pending attachments, checked against the chatflow's uploads config as they arrive. */
export function useAttachments(config: UploadsConfig | undefined, labels: Labels, maxAttachments: number): Attachments {
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const [refusals, setRefusals] = useState<string[]>([]);
  const latest = useRef(items);
  useEffect(() => {
    latest.current = items;
  });
  const { images, fullFiles, ragFiles } = rulesOf(config);

  const addFiles = useCallback(
    async (files: Iterable<File>) => {
      const { images, fullFiles, ragFiles } = rulesOf(config);
      const refused: string[] = [];
      let count = latest.current.length;
      for (const file of Array.from(files)) {
        const isImage = file.type.startsWith('image/');
        const takes = (rules?: UploadSizeAndTypes[]) =>
          rules?.some((rule) => rule.fileTypes.some((type) => typeMatches(file, type))) === true;
        // Into the prompt before the vector store, as Flowise's own widget does; a file no kind takes is refused with
        // every allowed type listed.
        const rules =
          isImage && images
            ? images
            : takes(fullFiles)
              ? fullFiles
              : takes(ragFiles)
                ? ragFiles
                : [...(images ?? []), ...(fullFiles ?? []), ...(ragFiles ?? [])];
        if (!rules?.length) {
          refused.push(fillLabel(labels.notAllowed, { name: file.name }));
          continue;
        }
        const refusal: RefusedUpload | undefined = checkUpload(file, rules, { count, max: maxAttachments });
        if (refusal) {
          refused.push(refusal.message);
          continue;
        }
        count++;
        const base = {
          id: `fk-attachment-${++counter}`,
          name: file.name || 'pasted-image',
          mime: file.type,
          size: file.size,
        };
        if (rules === images) {
          try {
            const data = await readAsDataUrl(file);
            setItems((list) => [...list, { ...base, kind: 'image', data }]);
          } catch {
            count--;
            refused.push(fillLabel(labels.unreadable, { name: file.name }));
          }
        } else {
          setItems((list) => [...list, { ...base, kind: rules === ragFiles ? 'rag' : 'file', file }]);
        }
      }
      setRefusals(refused);
    },
    [config, labels, maxAttachments],
  );

  const addUrl = useCallback(
    (url: string) => {
      let parsed: URL;
      try {
        parsed = new URL(url.trim());
      } catch {
        return false;
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
      if (latest.current.length >= maxAttachments) {
        setRefusals([checkUpload({ name: url, type: '', size: 0 }, [], { count: 1, max: 0 })!.message]);
        return true;
      }
      const name = decodeURIComponent(parsed.pathname.split('/').pop() || parsed.hostname);
      const mime = guessImageType(name);
      setItems((list) => [
        ...list,
        { id: `fk-attachment-${++counter}`, kind: 'url', name, mime, size: 0, data: parsed.href },
      ]);
      setRefusals([]);
      return true;
    },
    [maxAttachments],
  );

  const accept = [...(images ?? []), ...(fullFiles ?? []), ...(ragFiles ?? [])].flatMap((r) => r.fileTypes);
  return {
    items,
    refusals,
    addFiles,
    addUrl,
    remove: useCallback((id: string) => setItems((list) => list.filter((item) => item.id !== id)), []),
    settle: useCallback((uploads: ReadonlyMap<string, FileUpload>) => {
      setItems((list) =>
        list.map((item) => (uploads.has(item.id) ? { ...item, upload: uploads.get(item.id)! } : item)),
      );
    }, []),
    clear: useCallback(() => {
      setItems([]);
      setRefusals([]);
    }, []),
    accepts: Boolean(images || fullFiles || ragFiles),
    accept: accept.includes('*') ? '' : accept.join(','),
  };
}

/**
 * The rules a picked file is checked against: images (sent inline), full files (turned into text first) and RAG files
 * (into the vector store first; only when the store can authorise the upsert).
 */
function rulesOf(config: UploadsConfig | undefined) {
  const images = config?.isImageUploadAllowed ? config.imgUploadSizeAndTypes : undefined;
  const fullFiles: UploadSizeAndTypes[] | undefined = config?.isFullFileUploadAllowed
    ? [{ fileTypes: config.fullFileUploadTypes.length ? config.fullFileUploadTypes : ['*'], maxUploadSize: 0 }]
    : undefined;
  const ragFiles = config?.isRAGFileUploadOffered ? config.fileUploadSizeAndTypes : undefined;
  return { images, fullFiles, ragFiles };
}

/**
 * The `uploads` of the images, URLs and files already through Flowise (the others go through `store.uploadFiles` or
 * `store.upsertFiles` first).
 */
export function inlineUploads(items: readonly PendingAttachment[]): FileUpload[] {
  return items.flatMap((item): FileUpload[] =>
    item.upload
      ? [item.upload]
      : item.kind === 'image' && item.data
        ? [{ type: 'file', name: item.name, mime: item.mime, data: item.data }]
        : item.kind === 'url' && item.data
          ? [{ type: 'url', name: item.name, mime: item.mime, data: item.data }]
          : [],
  );
}

function guessImageType(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const known: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };
  return (extension && known[extension]) ?? 'image/png';
}
