import { type RefObject, useEffect, useRef } from 'react';
import { useMessages } from '../provider/context.js';
import { errorText } from '../ui/errorText.js';

export interface LoadFailedProps {
  message: string;
  retryLabel: string;
  /** The queries behind the view (TanStack Query results); each is refetched on retry. */
  queries: readonly { refetch: () => Promise<unknown>; error?: unknown }[];
  /**
   * Where focus goes when Retry worked: the alert (and its Retry button) is then removed, and
   * focus would fall to `<body>`. Give the view's heading or status message (with
   * `tabIndex={-1}`). Defaults to none (focus is left to the browser).
   */
  focusAfterRetry?: RefObject<HTMLElement | null> | undefined;
  /** Called when Retry is pressed. */
  onRetry?: (() => void) | undefined;
}

/**
 * The alert shown when a view's data could not be loaded, with one button that retries it all.
 * When a query failed for a reason the user can act on (signed out, not allowed, rate limited,
 * service unavailable, offline), that reason follows the message. Retry keeps focus while the
 * queries load again (the button is never disabled); when they load, this alert goes away and
 * focus moves to `focusAfterRetry`.
 */
export function LoadFailed({
  message,
  retryLabel,
  queries,
  focusAfterRetry,
  onRetry,
}: LoadFailedProps) {
  const messages = useMessages();
  const reason = queries.map((query) => errorText(query.error, messages)).find(Boolean);
  const retried = useRef(false);
  const target = useRef(focusAfterRetry);
  target.current = focusAfterRetry;
  useEffect(
    () => () => {
      // Removed after a Retry: if focus fell to <body> with the button, give it a place.
      if (!retried.current) return;
      const active = document.activeElement;
      if (active && active !== document.body) return;
      target.current?.current?.focus();
    },
    [],
  );
  return (
    <div role="alert" className="ck-error-text">
      {message}
      {reason ? ` ${reason}` : null}{' '}
      <button
        type="button"
        className="ck-button"
        onClick={() => {
          retried.current = true;
          onRetry?.();
          for (const query of queries) void query.refetch();
        }}
      >
        {retryLabel}
      </button>
    </div>
  );
}
