import { createChatStore, createReplayFetch, type ChatStore, type ReplayEvent } from '@flowise-kit/core';
import { useEffect, useState } from 'react';
import { recordings, type RecordingName } from './recordings.js';

/** What a story plays. */
export interface ReplaySpec {
  /** A recording of a real server, or scripted events. */
  source: RecordingName | ReplayEvent[];
  /** Milliseconds between events (the recordings carry no timing; 40 ms ≈ a model's pace). */
  intervalMs?: number;
  /** Asked on mount; leave out for an idle chat. */
  question?: string;
  /** Stop after this many milliseconds (the "aborted" state). */
  stopAfterMs?: number;
  /** The question waits, as behind another tab's answer on the same conversation (the "queued" state). */
  queued?: boolean;
}

/**
 * A chat store whose requests are answered by a recording, through the real transport, parser and batching: the
 * scripted stream player behind the stories.
 */
export function useReplayStore({ source, intervalMs = 0, question, stopAfterMs, queued }: ReplaySpec): ChatStore {
  const [store] = useState(() =>
    createChatStore({
      apiHost: 'http://replay.invalid',
      chatflowId: 'story',
      checkStreamable: false,
      fetch: createReplayFetch({ source: typeof source === 'string' ? recordings[source] : source, intervalMs }),
      ...(queued
        ? { acquire: (_chatId, _signal, onWait) => (onWait(), new Promise<() => void>(() => undefined)) }
        : {}),
    }),
  );
  useEffect(() => {
    if (question === undefined) return;
    void store.send(question);
    const timer = stopAfterMs === undefined ? undefined : setTimeout(() => store.stop(), stopAfterMs);
    return () => {
      clearTimeout(timer);
      store.stop();
      store.reset();
    };
  }, [store, question, stopAfterMs]);
  return store;
}

/** Events of an answer that never starts (the `submitted` state). */
export const NEVER: ReplayEvent[] = [{ event: 'start', data: '', delayMs: 10 * 60 * 1000 }];
