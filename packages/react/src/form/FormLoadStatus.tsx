'use client';
import { useMessages } from '../provider/context.js';
import { errorText } from '../ui/errorText.js';

export interface FormLoadStatusProps {
  /** The form's status: only `loading` and `load-error` show anything. */
  status: string;
  /** Why loading failed, if it did (its reason is said when the user can act on it). */
  loadError?: unknown | undefined;
  retryLoad: () => void;
  texts: { loading: string; loadFailed: string; retry: string };
}

/**
 * What a form says while its record loads (a polite status) and when loading failed (an alert
 * with the reason, when there is one the user can act on, and Retry). The failure message and
 * its reason are separate elements, so each can be found by its own text.
 */
export function FormLoadStatus({ status, loadError, retryLoad, texts }: FormLoadStatusProps) {
  const messages = useMessages();
  if (status === 'loading') {
    return (
      <p className="ck-form-notice" role="status">
        {texts.loading}
      </p>
    );
  }
  if (status !== 'load-error') return null;
  const reason = errorText(loadError, messages);
  return (
    <div className="ck-alert" role="alert">
      <span>{texts.loadFailed}</span>
      {reason ? (
        <>
          {' '}
          <span>{reason}</span>
        </>
      ) : null}{' '}
      <button type="button" className="ck-button" onClick={retryLoad}>
        {texts.retry}
      </button>
    </div>
  );
}
