import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A visible confirmation that is also announced (role="status") and takes focus when shown, so
 * focus does not fall to <body> when the form that had it is removed on success.
 * Spread `props` on a `<p>` that is always rendered (a live region must exist before it speaks).
 */
export function useConfirmation() {
  const ref = useRef<HTMLParagraphElement>(null);
  const [shown, setShown] = useState({ text: '', count: 0 });
  useEffect(() => {
    if (shown.count > 0 && shown.text) ref.current?.focus();
  }, [shown]);
  const confirm = useCallback((text: string) => {
    setShown((s) => ({ text, count: s.count + 1 }));
  }, []);
  const clear = useCallback(() => setShown((s) => (s.text ? { ...s, text: '' } : s)), []);
  return {
    confirm,
    clear,
    props: {
      ref,
      role: 'status',
      tabIndex: -1,
      className: 'demo-confirmation',
      children: shown.text,
    },
  };
}
