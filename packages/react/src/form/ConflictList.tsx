'use client';
import { useId } from 'react';

/** One field changed both by the user and by someone else, as a form shows it. */
export interface ConflictRow {
  field: string;
  /** The field's label, e.g. "Phone". */
  label: string;
  /** The stored value now (someone else's), formatted for display. */
  theirs: string;
  /** The user's value, kept in the input. */
  yours: string;
  /** Offer "Keep stored ..." (drops the user's edit). Defaults to true. */
  canKeepStored?: boolean;
}

export interface ConflictListMessages {
  /** Names the list, e.g. "Changed by someone else too". */
  conflictsTitle: string;
  storedNow: (value: string) => string;
  yours: (value: string) => string;
  keepStored: (label: string) => string;
}

export interface ConflictListProps {
  rows: readonly ConflictRow[];
  messages: ConflictListMessages;
  onKeepStored: (field: string) => void;
  /** Id of the region, so a form can move focus to it after a refused save. */
  id?: string | undefined;
}

/**
 * The fields both sides changed: the stored value, the user's, and a button to keep the stored
 * one. A labelled, focusable region (`tabIndex=-1`) so focus can land on it after a 412.
 */
export function ConflictList({ rows, messages, onKeepStored, id }: ConflictListProps) {
  const titleId = useId();
  return (
    <section id={id} className="ck-conflicts" tabIndex={-1} aria-labelledby={titleId}>
      <p id={titleId} className="ck-conflicts__title">
        {messages.conflictsTitle}
      </p>
      <dl>
        {rows.map((row) => (
          <div key={row.field} className="ck-conflicts__field">
            <dt>{row.label}</dt>
            <dd>{messages.storedNow(row.theirs || '—')}</dd>
            <dd>{messages.yours(row.yours || '—')}</dd>
            {row.canKeepStored === false ? null : (
              <dd>
                <button type="button" className="ck-button" onClick={() => onKeepStored(row.field)}>
                  {messages.keepStored(row.label)}
                </button>
              </dd>
            )}
          </div>
        ))}
      </dl>
    </section>
  );
}
