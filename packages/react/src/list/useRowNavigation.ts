'use client';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
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
  onEndReached?: (() => void) | undefined;
}

const PAGE_STEP = 10;

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
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialRect: { width: 0, height: viewportHeight },
    // Without layout (jsdom, hidden containers) the measured height is 0: assume the viewport's.
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) =>
        callback(rect.height > 0 ? rect : { width: rect.width, height: viewportHeight }),
      ),
  });
  const items = virtualizer.getVirtualItems();
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
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [count, virtualizer],
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

  const totalSize = virtualizer.getTotalSize();
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
