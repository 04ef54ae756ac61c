import { afterThisTask } from '@flowise-kit/core/internal';
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
    checkPending: false,
  }));

  const follow = useCallback(
    (value: boolean) => {
      if (self.following === value) return;
      self.following = value;
      setIsAtBottom(value);
    },
    [self],
  );

  /**
   * Looks at where the reader is and follows or lets go; true if they moved up (and the view must stay). Up, and
   * not because the content shrank under a reader at the bottom (the browser clamps scrollTop).
   */
  const readerScrolled = useCallback(
    (element: HTMLElement): boolean => {
      const top = element.scrollTop;
      const gap = element.scrollHeight - element.clientHeight - top;
      const up = top < self.lastTop - 1 && gap > 1;
      if (up) follow(false);
      else if (gap <= 1 || (top > self.lastTop && gap <= NEAR_BOTTOM)) follow(true);
      self.lastTop = top;
      return up;
    },
    [self, follow],
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
      if (!self.following || !self.scroller) return;
      // A reader's scroll (a touch drag, the scrollbar) whose event has not been looked at yet must not be undone:
      // here, after layout, reading the position is free.
      if (!readerScrolled(self.scroller)) stick();
    });
    self.observer.observe(self.scroller);
    if (self.content) self.observer.observe(self.content);
  }, [self, stick, readerScrolled]);

  const scrollRef = useCallback(
    (element: HTMLElement | null) => {
      self.detachScroller?.();
      self.detachScroller = undefined;
      self.scroller = element;
      if (element) {
        // Reading the scroll position in the scroll event would force a layout whenever the answer changed since
        // the last frame, and the frame's commit would then lay it out again: on a slow phone that doubled layout
        // was the biggest script cost of a streaming answer (issue 18). The event (dispatched inside a frame's
        // rendering steps) only asks for a look in the task after this frame has rendered, when layout is clean;
        // not after another animation frame, which would cost every commit of a followed answer a frame more.
        const onScroll = () => {
          if (self.checkPending) return;
          self.checkPending = true;
          afterThisTask(() => {
            self.checkPending = false;
            if (self.scroller === element) readerScrolled(element);
          });
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
    [self, observe, readerScrolled],
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
