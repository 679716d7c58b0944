'use client';
import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

export interface UseRowNavigationOptions {
  count: number;
  /** Scroll container of the table. */
  scrollRef: RefObject<HTMLElement | null>;
  rowHeight: number;
  /** Height assumed when the container has no layout yet (server render, tests). */
  viewportHeight: number;
  onActivate: (index: number) => void;
  /** Called when the last rows come into view (infinite scrolling). */
  onEndReached?: () => void;
}

/** One rendered row: its index and where it sits in the scrolled content, in px. */
export interface RowWindowItem {
  index: number;
  key: number;
  start: number;
  end: number;
  size: number;
}

const PAGE_STEP = 10;
/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 8;

/**
 * Scroll offset and height of the scroll container, followed through scroll events and a
 * ResizeObserver. Without layout (server render, jsdom, hidden containers) the height is
 * `viewportHeight`. Rows all have one height, so this is all windowing needs.
 */
function useViewport(scrollRef: RefObject<HTMLElement | null>, viewportHeight: number) {
  const [viewport, setViewport] = useState({ offset: 0, height: viewportHeight });
  const read = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const height = element.clientHeight > 0 ? element.clientHeight : viewportHeight;
    const offset = element.scrollTop;
    setViewport((last) =>
      last.offset === offset && last.height === height ? last : { offset, height },
    );
  }, [scrollRef, viewportHeight]);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    read();
    element.addEventListener('scroll', read, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(read);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, [scrollRef, read]);
  return { ...viewport, read };
}

/**
 * Virtualized rows with one roving tab stop: only rows near the viewport are rendered, Arrow
 * keys, Home/End and PageUp/PageDown move focus (scrolling as needed), Enter/Space activate.
 */
export function useRowNavigation({
  count,
  scrollRef,
  rowHeight,
  viewportHeight,
  onActivate,
  onEndReached,
}: UseRowNavigationOptions) {
  const [activeIndex, setActiveIndex] = useState(0);
  const focusPending = useRef(false);
  const viewport = useViewport(scrollRef, viewportHeight);
  const firstIndex = Math.max(0, Math.floor(viewport.offset / rowHeight) - OVERSCAN);
  const lastRendered = Math.ceil((viewport.offset + viewport.height) / rowHeight) - 1 + OVERSCAN;
  const items: RowWindowItem[] = [];
  for (let index = firstIndex; index <= Math.min(lastRendered, count - 1); index++) {
    const start = index * rowHeight;
    items.push({ index, key: index, start, end: start + rowHeight, size: rowHeight });
  }
  const clampedActive = Math.min(activeIndex, Math.max(count - 1, 0));

  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (count > 0 && lastIndex >= count - 5) onEndReached?.();
  }, [lastIndex, count, onEndReached]);

  // Focus follows the active row once it is rendered (it may first need to scroll into range).
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(
      `[data-row-index="${clampedActive}"]`,
    );
    if (row) {
      focusPending.current = false;
      row.focus();
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(index, count - 1));
      focusPending.current = true;
      setActiveIndex(next);
      // Scroll just enough to show the row (nothing if it is in view), then window around it.
      const element = scrollRef.current;
      if (!element) return;
      const start = next * rowHeight;
      const height = element.clientHeight > 0 ? element.clientHeight : viewportHeight;
      if (start + rowHeight > element.scrollTop + height)
        element.scrollTop = start + rowHeight - height;
      else if (start < element.scrollTop) element.scrollTop = start;
      viewport.read();
    },
    [count, rowHeight, scrollRef, viewportHeight, viewport.read],
  );

  const onRowKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_STEP,
      PageUp: index - PAGE_STEP,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onActivate(index);
    }
  };

  const totalSize = count * rowHeight;
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    activeIndex: clampedActive,
    setActiveIndex,
    onRowKeyDown,
    paddingTop: first ? first.start : 0,
    paddingBottom: last ? totalSize - last.end : 0,
  };
}
