'use client';
import { useId } from 'react';
import { codeLabel } from '../codes.js';
import type { PrescriptionFormState } from './usePrescriptionForm.js';

/**
 * The allergy check of the prescription form: nothing while there is nothing to check, a polite
 * "checking" line while the allergies load, and otherwise an alert naming each matching allergy
 * (substance, criticality, reactions) with a checkbox acknowledging it. The region is focusable
 * so a refused save can move focus to it.
 */
export function AllergyWarning({ form }: { form: PrescriptionFormState }) {
  const m = form.messages;
  const check = form.allergyCheck;
  const titleId = useId();
  const ackId = useId();
  const medication = form.medicationLabel;
  const confirmFirst = form.allergyRefusal === 'confirm' && !form.allergyAcknowledged;

  if (check.status === 'idle') return null;
  if (check.status === 'checking') {
    return (
      <div
        ref={form.allergyWarningRef}
        id={form.allergyWarningId}
        tabIndex={-1}
        className="ck-allergy-check"
        role="status"
      >
        {m.checkingAllergies}
      </div>
    );
  }
  if (check.status === 'ready' && check.matches.length === 0) {
    // Rendered (empty) so its polite region exists before a later match is announced.
    return <div className="ck-allergy-check" role="status" />;
  }

  const unavailable = check.status === 'unavailable';
  return (
    <section
      ref={form.allergyWarningRef}
      id={form.allergyWarningId}
      tabIndex={-1}
      className="ck-allergy-warning"
      aria-labelledby={titleId}
      data-state={form.allergyAcknowledged ? 'acknowledged' : 'open'}
    >
      <p id={titleId} className="ck-allergy-warning__title">
        {m.allergyWarningTitle}
      </p>
      <div role="alert">
        {unavailable ? (
          <p>{m.allergiesUnavailable}</p>
        ) : (
          <ul>
            {check.matches.map(({ allergy }) => (
              <li key={allergy.id}>
                {m.allergyWarning({
                  substance: codeLabel(allergy.code),
                  medication,
                  criticality: allergy.criticality,
                  reactions: (allergy.reactions ?? []).map((r) => r.manifestation),
                  unconfirmed:
                    allergy.verificationStatus === 'unconfirmed' ||
                    allergy.clinicalStatus === undefined,
                })}
              </li>
            ))}
          </ul>
        )}
        {confirmFirst ? <p className="ck-error-text">{m.allergyConfirmFirst}</p> : null}
      </div>
      <p className="ck-muted">{m.allergyCheckScope}</p>
      {check.status === 'unavailable' ? (
        <button type="button" className="ck-button" onClick={check.retry}>
          {m.retry}
        </button>
      ) : null}
      <div className="ck-allergy-warning__ack">
        <input
          id={ackId}
          type="checkbox"
          checked={form.allergyAcknowledged}
          onChange={(event) => form.acknowledgeAllergy(event.target.checked)}
        />
        <label htmlFor={ackId}>
          {unavailable ? m.allergyUncheckedAcknowledge : m.allergyAcknowledge}
        </label>
      </div>
    </section>
  );
}
