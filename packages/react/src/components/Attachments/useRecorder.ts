import { readAsDataUrl, type ChatError, type FileUpload } from '@flowise-kit/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Labels } from '../../labels.js';

/** What {@link useRecorder} gives the composer. */
export interface Recorder {
  /** Seconds recorded, while recording; `undefined` otherwise. */
  elapsed: number | undefined;
  /** Why the last attempt could not record (kind `recorder`), until the next one. */
  error: ChatError | undefined;
  /** Asks for the microphone and starts recording. */
  start(): Promise<void>;
  /** Stops and resolves with the recording as an `audio` upload (`undefined` when nothing was recorded). */
  finish(): Promise<FileUpload | undefined>;
  /** Stops and throws the recording away. */
  cancel(): void;
}

/** Containers the browser may record, best first: webm/opus (Chromium, Firefox), then mp4 (Safari), then ogg. */
const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];

/** Records a spoken question with `MediaRecorder`; a denied, missing or unsupported microphone is a typed error. */
export function useRecorder(labels: Labels): Recorder {
  const [elapsed, setElapsed] = useState<number>();
  const [error, setError] = useState<ChatError>();
  const session = useRef<{ recorder: MediaRecorder; chunks: Blob[]; stream: MediaStream; timer: number }>(undefined);

  const release = useCallback(() => {
    const current = session.current;
    session.current = undefined;
    setElapsed(undefined);
    if (!current) return undefined;
    window.clearInterval(current.timer);
    for (const track of current.stream.getTracks()) track.stop();
    return current;
  }, []);
  useEffect(() => () => void release()?.recorder.stop(), [release]);

  const start = useCallback(async () => {
    setError(undefined);
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      setError({ kind: 'recorder', message: labels.micUnsupported });
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (cause) {
      const name = (cause as { name?: string }).name;
      const message =
        name === 'NotAllowedError' || name === 'SecurityError'
          ? labels.micDenied
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? labels.micMissing
            : labels.micFailed;
      setError({ kind: 'recorder', message, ...(name ? { detail: name } : {}) });
      return;
    }
    const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    const began = Date.now();
    const timer = window.setInterval(() => setElapsed(Math.floor((Date.now() - began) / 1000)), 250);
    session.current = { recorder, chunks, stream, timer };
    recorder.start();
    setElapsed(0);
  }, [labels]);

  const finish = useCallback(async () => {
    const current = session.current;
    if (!current) return undefined;
    const stopped = new Promise<void>((resolve) => current.recorder.addEventListener('stop', () => resolve()));
    current.recorder.stop();
    release();
    await stopped;
    const mime = (current.recorder.mimeType || 'audio/webm').split(';')[0]!;
    const blob = new Blob(current.chunks, { type: mime });
    if (blob.size === 0) return undefined;
    const extension = mime === 'audio/mp4' ? 'm4a' : (mime.split('/')[1] ?? 'webm');
    return { type: 'audio', name: `recording-${Date.now()}.${extension}`, mime, data: await readAsDataUrl(blob) };
  }, [release]);

  const cancel = useCallback(() => {
    const current = release();
    current?.recorder.stop();
  }, [release]);

  return { elapsed, error, start, finish, cancel };
}
