import { useMessages } from '../provider/context.js';
import { errorText } from '../ui/errorText.js';

/**
 * The alert shown when a view's data could not be loaded, with one button that retries it all.
 * When a query failed for a reason the user can act on (signed out, not allowed, rate limited,
 * service unavailable, offline), that reason follows the message.
 */
export function LoadFailed({
  message,
  retryLabel,
  queries,
}: {
  message: string;
  retryLabel: string;
  /** The queries behind the view (TanStack Query results); each is refetched on retry. */
  queries: readonly { refetch: () => Promise<unknown>; error?: unknown }[];
}) {
  const messages = useMessages();
  const reason = queries.map((query) => errorText(query.error, messages)).find(Boolean);
  return (
    <div role="alert" className="ck-error-text">
      {message}
      {reason ? ` ${reason}` : null}{' '}
      <button
        type="button"
        className="ck-button"
        onClick={() => {
          for (const query of queries) void query.refetch();
        }}
      >
        {retryLabel}
      </button>
    </div>
  );
}
