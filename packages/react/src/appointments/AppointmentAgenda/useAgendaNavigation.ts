'use client';
import { type KeyboardEvent, useCallback, useRef, useState } from 'react';

/**
 * Roving focus over agenda entries (one Tab stop, WAI-ARIA listbox-like keys): Up/Down move by
 * entry, Home/End jump to the ends, Page Up/Page Down to the previous/next day's first entry.
 * Entries are native buttons, so Enter and Space activate them.
 */
export function useAgendaNavigation(dayStarts: readonly number[], count: number) {
  const [active, setActive] = useState(0);
  const refs = useRef(new Map<number, HTMLElement>());
  const current = Math.min(active, Math.max(count - 1, 0));

  const move = useCallback((index: number) => {
    setActive(index);
    refs.current.get(index)?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const dayIndex = dayStarts.findLastIndex((start) => start <= index);
    const keys: Record<string, number | undefined> = {
      ArrowDown: Math.min(index + 1, count - 1),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: count - 1,
      PageDown: dayStarts[dayIndex + 1],
      PageUp: index > (dayStarts[dayIndex] ?? 0) ? dayStarts[dayIndex] : dayStarts[dayIndex - 1],
    };
    if (!(event.key in keys)) return;
    event.preventDefault();
    const target = keys[event.key];
    if (target !== undefined && target >= 0 && target < count) move(target);
  };

  const itemProps = (index: number) => ({
    tabIndex: index === current ? 0 : -1,
    ref: (el: HTMLElement | null) => {
      if (el) refs.current.set(index, el);
      else refs.current.delete(index);
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, index),
    onFocus: () => setActive(index),
  });

  return { itemProps, active: current };
}
