'use client';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Updates state of one record; ignored once the hook has moved on to another record. */
export type RecordSetter<T> = (update: T | ((current: T) => T)) => void;

// useLayoutEffect warns during server rendering; effects do not run there anyway.
const useCommitEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * State that belongs to one record (the library's record-identity rule, see CONTRIBUTING.md).
 *
 * - When `recordKey` changes, the state starts over from `initial()` in that same render: nothing
 *   typed, loaded or computed for the old record is shown for, or submitted to, the new one
 *   (React's "resetting all state when a prop changes", done inside the hook so no caller can
 *   forget a `key`).
 * - A setter belongs to the record it was obtained for: calls made after the switch (an await
 *   that resolves late) are ignored.
 * - `isCurrent(key)` tells async work whether its record is still the one shown; check it after
 *   every await before sending anything.
 *
 * `recordKey` is any string naming the record(s) the state is computed against, e.g.
 * `patient:<id>` or `new` in create mode.
 */
export function useRecordState<T>(
  recordKey: string,
  initial: () => T,
): [T, RecordSetter<T>, (key: string) => boolean] {
  const [slot, setSlot] = useState(() => ({ key: recordKey, value: initial() }));
  let current = slot;
  if (slot.key !== recordKey) {
    current = { key: recordKey, value: initial() };
    setSlot(current);
  }

  const committedKey = useRef(recordKey);
  useCommitEffect(() => {
    committedKey.current = recordKey;
  }, [recordKey]);

  const set = useCallback<RecordSetter<T>>(
    (update) =>
      setSlot((previous) =>
        previous.key === recordKey
          ? {
              key: previous.key,
              value:
                typeof update === 'function' ? (update as (value: T) => T)(previous.value) : update,
            }
          : previous,
      ),
    [recordKey],
  );
  const isCurrent = useCallback((key: string) => committedKey.current === key, []);
  return [current.value, set, isCurrent];
}
