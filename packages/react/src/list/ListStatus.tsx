import { useRef, useState } from 'react';
import { useMessages } from '../provider/context.js';
import { LoadFailed } from './LoadFailed.js';

export interface ListStatusProps {
  /** What the list is doing: loading its first page, failed, empty, or showing rows. */
  status: 'loading' | 'error' | 'empty' | 'ready';
  messages: {
    loading: string;
    empty: string;
    failed: string;
    retry: string;
  };
  /** The queries behind the list, refetched by Retry. */
  queries: readonly { refetch: () => Promise<unknown>; error?: unknown }[];
  /** Said politely when ready (e.g. "3 allergies"). Defaults to nothing. */
  readyText?: string | undefined;
}

/**
 * The list kit's loading, empty and error states. The polite status region stays mounted so
 * every change is announced; a failure is an alert with one Retry for all the list's queries.
 * Retry keeps focus while the list loads again; when it has loaded, focus moves to the status
 * message, which then says what is there (`readyText`, the empty text, or "Loaded.").
 */
export function ListStatus({ status, messages, queries, readyText = '' }: ListStatusProps) {
  const common = useMessages();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [retried, setRetried] = useState(false);
  const text =
    status === 'error'
      ? ''
      : status === 'loading'
        ? messages.loading
        : status === 'empty'
          ? messages.empty
          : readyText || (retried ? common.loadedAgain : '');
  return (
    <>
      {status === 'error' ? (
        <LoadFailed
          message={messages.failed}
          retryLabel={messages.retry}
          queries={queries}
          focusAfterRetry={statusRef}
          onRetry={() => setRetried(true)}
        />
      ) : null}
      <p ref={statusRef} className="ck-list-status" role="status" tabIndex={-1}>
        {text}
      </p>
    </>
  );
}

/** The status of a list from its query: first load, failure, nothing found, or rows. */
export function listStatusOf(query: {
  isPending: boolean;
  isError: boolean;
  data?: { data: readonly unknown[] } | undefined;
}): ListStatusProps['status'] {
  if (query.isError) return 'error';
  if (query.isPending) return 'loading';
  return (query.data?.data.length ?? 0) === 0 ? 'empty' : 'ready';
}
