'use client';
import { type KeyboardEvent, useCallback, useRef, useState } from 'react';

/**
 * Keyboard model of the agenda (WAI-ARIA listbox, one per day, with one Tab stop for the whole
 * agenda): Up/Down move within a day, Home/End to its first/last entry, Left/Right (and Page
 * Up/Page Down) to the same place in the previous/next day that has entries, Enter or Space
 * chooses the focused entry (`onChoose`, only called for entries `canChoose` accepts).
 * `dayStarts` are the flat indices of each non-empty day's first entry, in order; `count` is the
 * number of entries.
 */
export function useAgendaNavigation(
  dayStarts: readonly number[],
  count: number,
  {
    canChoose,
    onChoose,
  }: { canChoose: (index: number) => boolean; onChoose: (index: number) => void },
) {
  const [active, setActive] = useState(0);
  const refs = useRef(new Map<number, HTMLElement>());
  const current = Math.min(active, Math.max(count - 1, 0));

  const move = useCallback((index: number) => {
    setActive(index);
    refs.current.get(index)?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (canChoose(index)) onChoose(index);
      return;
    }
    const day = dayStarts.findLastIndex((start) => start <= index);
    const first = dayStarts[day] ?? 0;
    const last = (dayStarts[day + 1] ?? count) - 1;
    const sameRowIn = (d: number) => {
      const start = dayStarts[d];
      if (start === undefined) return undefined;
      const end = (dayStarts[d + 1] ?? count) - 1;
      return Math.min(start + (index - first), end);
    };
    const keys: Record<string, number | undefined> = {
      ArrowDown: Math.min(index + 1, last),
      ArrowUp: Math.max(index - 1, first),
      Home: first,
      End: last,
      ArrowRight: sameRowIn(day + 1),
      PageDown: sameRowIn(day + 1),
      ArrowLeft: day > 0 ? sameRowIn(day - 1) : undefined,
      PageUp: day > 0 ? sameRowIn(day - 1) : undefined,
    };
    if (!(event.key in keys)) return;
    event.preventDefault();
    const target = keys[event.key];
    if (target !== undefined && target >= 0 && target < count) move(target);
  };

  /** Props of the entry at `index` (an element with `role="option"`). */
  const itemProps = (index: number) => ({
    tabIndex: index === current ? 0 : -1,
    ref: (el: HTMLElement | null) => {
      if (el) refs.current.set(index, el);
      else refs.current.delete(index);
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, index),
    onFocus: () => setActive(index),
    onClick: () => {
      setActive(index);
      if (canChoose(index)) onChoose(index);
    },
  });

  return { itemProps, active: current };
}
