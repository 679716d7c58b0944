'use client';
import type { ReactNode } from 'react';
import { ConflictList, type ConflictListMessages } from './ConflictList.js';
import { FormLoadStatus } from './FormLoadStatus.js';
import type { ResourceFormStatus } from './useResourceForm.js';

/** The parts of a form kit state the messages read (`useResourceForm`'s result has them all). */
export interface FormMessagesState<F extends string> {
  status: ResourceFormStatus;
  /** Why loading the record failed, if it did. */
  loadError?: unknown;
  retryLoad: () => void;
  changedElsewhere: boolean;
  changedFields: readonly F[];
  conflicts: readonly { field: F; theirs: unknown; yours: unknown }[];
  conflictsId: string;
  keepStored: (field: F) => void;
  formErrors: readonly string[];
}

export interface FormMessagesTexts extends ConflictListMessages {
  loading: string;
  loadFailed: string;
  retry: string;
  /** Someone else saved meanwhile; nothing was written (`changed`: labels of their fields). */
  conflict: (changed: string[]) => string;
  /** A newer stored copy arrived while editing. */
  changedElsewhere: (changed: string[]) => string;
}

export interface FormMessagesProps<F extends string> {
  form: FormMessagesState<F>;
  texts: FormMessagesTexts;
  labelOf: (field: F) => string;
  /** A value as shown in the conflict list (coded values by display). Defaults to text. */
  display?: ((field: F, value: unknown) => string) | undefined;
  /** A refusal that blocks the form (e.g. the record belongs to another patient). */
  refusal?: string | undefined;
  /** The form's own notices, shown after the refusal and before the conflict messages. */
  children?: ReactNode | undefined;
}

/**
 * Everything a form says above its inputs, in one place and one order: loading, load failure
 * with Retry (and its reason: signed out, not allowed, rate limited, unavailable, offline), a
 * refusal, the form's own notices (`children`), the conflict alert or the "changed elsewhere"
 * notice, the conflict list, and the form's errors. Alerts use `role="alert"`, notices
 * `role="status"`.
 */
export function FormMessages<F extends string>({
  form,
  texts,
  labelOf,
  display = (_field, value) => (typeof value === 'string' ? value : String(value ?? '')),
  refusal,
  children,
}: FormMessagesProps<F>) {
  const changed = form.changedFields.map((field) => labelOf(field));
  return (
    <>
      <FormLoadStatus
        status={form.status}
        loadError={form.loadError}
        retryLoad={form.retryLoad}
        texts={texts}
      />
      {refusal && (
        <div className="ck-alert" role="alert">
          <p>{refusal}</p>
        </div>
      )}
      {children}
      {form.status === 'conflict' ? (
        <div className="ck-alert" role="alert">
          <p>{texts.conflict(changed)}</p>
        </div>
      ) : (
        form.changedElsewhere && (
          <p className="ck-form-notice" role="status">
            {texts.changedElsewhere(changed)}
          </p>
        )
      )}
      {form.conflicts.length > 0 && (
        <ConflictList
          id={form.conflictsId}
          messages={texts}
          onKeepStored={(field) => form.keepStored(field as F)}
          rows={form.conflicts.map(({ field, theirs, yours }) => ({
            field,
            label: labelOf(field),
            theirs: display(field, theirs),
            yours: display(field, yours),
          }))}
        />
      )}
      {form.formErrors.length > 0 && (
        <div className="ck-alert" role="alert">
          {form.formErrors.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}
    </>
  );
}
