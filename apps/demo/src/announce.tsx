import { useSyncExternalStore } from 'react';

// One polite live region for the whole app: route changes are said here.
let current = { text: '', count: 0 };
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Says `text` through the app's polite live region (the same text twice is said twice). */
export function announce(text: string) {
  current = { text, count: current.count + 1 };
  for (const listener of listeners) listener();
}

/** The live region; render it once, where it stays mounted across sign-in and sign-out. */
export function Announcer() {
  const { text, count } = useSyncExternalStore(subscribe, () => current);
  return (
    <div role="status" aria-live="polite" className="demo-visually-hidden" id="demo-announcer">
      {/* A new node per message, so assistive technology reads a repeated text again. */}
      {text ? <p key={count}>{text}</p> : null}
    </div>
  );
}
