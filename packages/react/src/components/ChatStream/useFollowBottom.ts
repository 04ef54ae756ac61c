import { useCallback, useState } from 'react';

/** How close to the bottom (px) a reader scrolling down counts as back at the bottom. */
const NEAR_BOTTOM = 70;

/** What {@link useFollowBottom} gives the conversation. */
export interface FollowBottom {
  /** For the scrolling element. */
  scrollRef: (element: HTMLElement | null) => void;
  /** For the element inside it that grows. */
  contentRef: (element: HTMLElement | null) => void;
  /** False once the reader has scrolled up; changes only when they leave or come back, never while text streams. */
  isAtBottom: boolean;
  /** Back to the bottom, following again ("Jump to latest"). */
  scrollToBottom: () => void;
}

/**
 * Keeps a scrolling conversation at its bottom while the reader is there, and lets go the moment they scroll up.
 *
 * A ResizeObserver sets `scrollTop` after layout and before paint (no extra frame, no forced layout), and React
 * state changes only when the reader leaves or returns: a streaming answer's growth never costs a React commit.
 * (Why not a library such as use-stick-to-bottom: the react package's README.)
 */
export function useFollowBottom(): FollowBottom {
  const [isAtBottom, setIsAtBottom] = useState(true);
  // Mutable bookkeeping that never renders: one object per component, kept for its lifetime.
  const [self] = useState(() => ({
    following: true,
    lastTop: 0,
    scroller: null as HTMLElement | null,
    observer: undefined as ResizeObserver | undefined,
    detachScroller: undefined as (() => void) | undefined,
    content: null as HTMLElement | null,
  }));

  const follow = useCallback(
    (value: boolean) => {
      if (self.following === value) return;
      self.following = value;
      setIsAtBottom(value);
    },
    [self],
  );

  const stick = useCallback(() => {
    const scroller = self.scroller;
    if (!scroller) return;
    scroller.scrollTop = scroller.scrollHeight;
    self.lastTop = scroller.scrollTop;
  }, [self]);

  // One observer for both elements: the content growing and the scroller resizing (a window resize, the composer
  // growing) both move the bottom.
  const observe = useCallback(() => {
    self.observer?.disconnect();
    self.observer = undefined;
    if (!self.scroller || typeof ResizeObserver === 'undefined') return;
    self.observer = new ResizeObserver(() => {
      if (self.following) stick();
    });
    self.observer.observe(self.scroller);
    if (self.content) self.observer.observe(self.content);
  }, [self, stick]);

  const scrollRef = useCallback(
    (element: HTMLElement | null) => {
      self.detachScroller?.();
      self.detachScroller = undefined;
      self.scroller = element;
      if (element) {
        const onScroll = () => {
          const top = element.scrollTop;
          const gap = element.scrollHeight - element.clientHeight - top;
          // Up, and not because the content shrank under a reader at the bottom (the browser clamps scrollTop).
          if (top < self.lastTop - 1 && gap > 1) follow(false);
          else if (gap <= 1 || (top > self.lastTop && gap <= NEAR_BOTTOM)) follow(true);
          self.lastTop = top;
        };
        // A wheel turned up says "let go" before the scroll it causes lands, so a growing answer cannot pull the
        // view back down between the two.
        const onWheel = (event: WheelEvent) => {
          if (event.deltaY < 0 && element.scrollHeight > element.clientHeight) follow(false);
        };
        element.addEventListener('scroll', onScroll, { passive: true });
        element.addEventListener('wheel', onWheel, { passive: true });
        self.detachScroller = () => {
          element.removeEventListener('scroll', onScroll);
          element.removeEventListener('wheel', onWheel);
        };
      }
      observe();
    },
    [self, follow, observe],
  );

  const contentRef = useCallback(
    (element: HTMLElement | null) => {
      self.content = element;
      observe();
    },
    [self, observe],
  );

  const scrollToBottom = useCallback(() => {
    follow(true);
    stick();
  }, [follow, stick]);

  return { scrollRef, contentRef, isAtBottom, scrollToBottom };
}
