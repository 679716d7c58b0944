/** The alert shown when a view's data could not be loaded, with one button that retries it all. */
export function LoadFailed({
  message,
  retryLabel,
  queries,
}: {
  message: string;
  retryLabel: string;
  /** The queries behind the view (TanStack Query results); each is refetched on retry. */
  queries: readonly { refetch: () => Promise<unknown> }[];
}) {
  return (
    <div role="alert" className="ck-error-text">
      {message}{' '}
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
