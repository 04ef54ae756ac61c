import type { ChatStore, FlowiseEvent } from '@flowise-kit/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InspectedEvent } from './recording';

/**
 * Records every event with its turn and time offset. Events are buffered and the list re-renders at most once per
 * animation frame, like the chat itself: the inspector must not cost more than the conversation it inspects.
 */
export function useEventLog() {
  const [events, setEvents] = useState<InspectedEvent[]>([]);
  const buffer = useRef<InspectedEvent[]>([]);
  const frame = useRef<number | undefined>(undefined);
  const turn = useRef({ number: 0, startedAt: 0 });

  /** Watches a store for new questions: each starts a turn and resets the time offset. */
  const watch = useCallback(
    (store: ChatStore) =>
      store.subscribe((state, previous) => {
        if (state.status === 'submitted' && previous.status !== 'submitted') {
          turn.current = { number: turn.current.number + 1, startedAt: performance.now() };
        }
      }),
    [],
  );
  useEffect(() => () => cancelAnimationFrame(frame.current ?? 0), []);

  const record = useCallback((event: FlowiseEvent) => {
    buffer.current.push({
      turn: turn.current.number,
      atMs: Math.round(performance.now() - turn.current.startedAt),
      event,
    });
    frame.current ??= requestAnimationFrame(() => {
      frame.current = undefined;
      const added = buffer.current;
      buffer.current = [];
      setEvents((list) => [...list, ...added].slice(-5000));
    });
  }, []);
  const clear = useCallback(() => {
    buffer.current = [];
    setEvents([]);
  }, []);
  return { events, record, clear, watch };
}
