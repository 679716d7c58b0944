'use client';
import type { Prescription, PrescriptionStatus } from '@clinikapi/core';
import { useEffect, useId, useRef } from 'react';
import { RecordChangedError, useGuardedUpdate } from '../../form/guardedUpdate.js';
import { useRecordState } from '../../form/recordState.js';
import { type CodeValue, codeFromKey, codeKey, codeLabel } from '../codes.js';
import { type MedicationMessages, medicationMessages } from '../medicationMessages.js';
import { type ResolveIngredients, useAllergyCheck } from '../useAllergyCheck.js';
import { useMedicationValueSets } from '../useMedicationValueSets.js';

/** A status change a user can make from the list. */
export type PrescriptionAction = 'stop' | 'hold' | 'resume';

/** Which statuses each action applies to, and the status it sets. */
export const PRESCRIPTION_ACTIONS: Record<
  PrescriptionAction,
  { from: readonly PrescriptionStatus[]; to: PrescriptionStatus }
> = {
  stop: { from: ['active', 'on-hold'], to: 'stopped' },
  hold: { from: ['active'], to: 'on-hold' },
  resume: { from: ['on-hold'], to: 'active' },
};

/** The actions that apply to a prescription in its current status. */
export const actionsFor = (status: PrescriptionStatus): PrescriptionAction[] =>
  (Object.keys(PRESCRIPTION_ACTIONS) as PrescriptionAction[]).filter((action) =>
    PRESCRIPTION_ACTIONS[action].from.includes(status),
  );

const OTHER = '__other__';

interface PanelState {
  /** A `codeKey` of an offered reason, `OTHER`, or empty. */
  reasonKey: string;
  otherText: string;
  /** The version a confirmation applies to: the one shown, then the latest the user was told of. */
  base: Prescription;
  changed: Prescription | undefined;
  submitting: boolean;
  failed: boolean;
  missingReason: boolean;
  acknowledged: string | undefined;
  /** Counts answers, to move focus to each one. */
  attempt: number;
}

export interface UsePrescriptionStatusChangeOptions {
  /** The prescription as the user saw it (the list row). Only this version is changed. */
  prescription: Prescription;
  action: PrescriptionAction;
  /** Called once the change was stored (`true`), or when the user keeps it as is (`false`). */
  onDone: (changed: boolean, prescription?: Prescription) => void;
  resolveIngredients?: ResolveIngredients | undefined;
  messages?: Partial<MedicationMessages> | undefined;
}

/**
 * Stop, put on hold or resume one prescription with a reason (`statusReason`), without markup.
 * The write is a guarded PATCH of `status` and `statusReason` only, onto the version shown: when
 * it changed meanwhile, nothing is written, `latest` says what it is now, and a confirmation
 * applies to that version only (or the action no longer applies: `finished`). A reason is
 * required (the API cannot remove an old one, so resuming records why too). Resuming re-runs the
 * allergy check and needs the same acknowledgement as the form. State follows the prescription's
 * id and the action.
 */
export function usePrescriptionStatusChange(options: UsePrescriptionStatusChangeOptions) {
  const { prescription, action, onDone } = options;
  const m = medicationMessages(options.messages);
  const key = `prescription:${prescription.id}|${action}`;
  const [state, setState, isCurrent] = useRecordState<PanelState>(key, () => ({
    reasonKey: '',
    otherText: '',
    base: prescription,
    changed: undefined,
    submitting: false,
    failed: false,
    missingReason: false,
    acknowledged: undefined,
    attempt: 0,
  }));
  const update = useGuardedUpdate('prescriptions');
  const valueSets = useMedicationValueSets();
  const allergyCheck = useAllergyCheck({
    patientId: prescription.patientId,
    medication: action === 'resume' ? prescription.medication : undefined,
    resolveIngredients: options.resolveIngredients,
  });
  const needsAcknowledgement =
    (allergyCheck.status === 'ready' && allergyCheck.matches.length > 0) ||
    allergyCheck.status === 'unavailable';
  const acknowledged =
    allergyCheck.signature !== '' && state.acknowledged === allergyCheck.signature;

  const rule = PRESCRIPTION_ACTIONS[action];
  const latest = state.changed;
  const finished = latest !== undefined && !rule.from.includes(latest.status);
  const offered = action === 'resume' ? [] : (valueSets?.STATUS_REASONS ?? []);
  const reason: CodeValue | undefined =
    state.reasonKey === OTHER || action === 'resume'
      ? state.otherText.trim() || undefined
      : codeFromKey(state.reasonKey);

  const submit = async () => {
    const id = prescription.id;
    const { base } = state;
    if (state.submitting || finished || !isCurrent(key) || base.id !== id) return;
    if (!reason) {
      setState((s) => ({ ...s, missingReason: true, attempt: s.attempt + 1 }));
      return;
    }
    if (
      action === 'resume' &&
      (allergyCheck.status === 'checking' || (needsAcknowledgement && !acknowledged))
    ) {
      setState((s) => ({ ...s, attempt: s.attempt + 1 }));
      return;
    }
    setState((s) => ({ ...s, submitting: true, failed: false, missingReason: false }));
    try {
      const saved = await update.mutateAsync({
        id,
        base,
        patch: { status: rule.to, statusReason: reason },
      });
      setState((s) => ({ ...s, submitting: false }));
      if (isCurrent(key)) onDone(true, saved);
    } catch (error) {
      if (error instanceof RecordChangedError) {
        const now = error.latest as Prescription;
        setState((s) => ({
          ...s,
          submitting: false,
          base: now,
          changed: now,
          attempt: s.attempt + 1,
        }));
      } else {
        setState((s) => ({ ...s, submitting: false, failed: true, attempt: s.attempt + 1 }));
      }
    }
  };

  const describe = (p: Prescription) =>
    [m.statusLabels[p.status], p.statusReason ? m.reasonShown(codeLabel(p.statusReason)) : '']
      .filter(Boolean)
      .join(', ');
  const notice = latest
    ? finished
      ? m.statusNoLongerApplies(describe(latest))
      : m.statusChangedMeanwhile(describe(latest))
    : state.failed
      ? m.statusChangeFailed
      : state.missingReason && !reason
        ? m.reasonRequired
        : action === 'resume' && state.attempt > 0 && allergyCheck.status === 'checking'
          ? m.checkingAllergies
          : action === 'resume' && needsAcknowledgement && !acknowledged && state.attempt > 0
            ? m.allergyConfirmFirst
            : undefined;

  return {
    messages: m,
    state,
    reason,
    /** Offered reasons (codings; empty until loaded). `resume` takes text only. */
    offeredReasons: offered,
    /** Reasons are chosen from a list (stop, hold) rather than typed (resume). */
    choosesReason: action !== 'resume',
    reasonsLoading: action !== 'resume' && valueSets === undefined,
    otherKey: OTHER,
    setReasonKey: (reasonKey: string) =>
      setState((s) => ({ ...s, reasonKey, missingReason: false })),
    setOtherText: (otherText: string) =>
      setState((s) => ({ ...s, otherText, missingReason: false })),
    /** The stored version when it changed after the panel opened. */
    latest,
    /** The action no longer applies to the stored version (only Close is left). */
    finished,
    /** What to announce: a refusal, a failure, or what changed meanwhile. */
    notice,
    allergyCheck: action === 'resume' ? allergyCheck : undefined,
    allergyAcknowledged: acknowledged,
    acknowledgeAllergy: (yes: boolean) =>
      setState((s) => ({ ...s, acknowledged: yes ? allergyCheck.signature : undefined })),
    submit,
    cancel: () => onDone(false),
    codeKey,
  };
}

export interface PrescriptionStatusPanelProps extends UsePrescriptionStatusChangeOptions {}

/**
 * Asks for a reason, then stops, holds or resumes the prescription version shown (see
 * `usePrescriptionStatusChange`). Focus moves to the reason when it opens and to each answer.
 */
export function PrescriptionStatusPanel(props: PrescriptionStatusPanelProps) {
  const panel = usePrescriptionStatusChange(props);
  const m = panel.messages;
  const { action, prescription } = props;
  const titleId = useId();
  const reasonId = useId();
  const otherId = useId();
  const errorId = useId();
  const ackId = useId();
  const firstRef = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  useEffect(() => {
    if (panel.state.attempt > 0) messageRef.current?.focus();
  }, [panel.state.attempt]);

  const medication = codeLabel(prescription.medication);
  const title =
    action === 'stop'
      ? m.stopTitle(medication)
      : action === 'hold'
        ? m.holdTitle(medication)
        : m.resumeTitle(medication);
  const confirm =
    action === 'stop' ? m.confirmStop : action === 'hold' ? m.confirmHold : m.confirmResume;
  const invalid = panel.state.missingReason && !panel.reason;
  const useSelect = panel.choosesReason;
  const showOther = !useSelect || panel.state.reasonKey === panel.otherKey;
  const check = panel.allergyCheck;

  return (
    <form
      className="ck-status-panel"
      aria-labelledby={titleId}
      aria-busy={panel.state.submitting || undefined}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void panel.submit();
      }}
    >
      <p id={titleId} className="ck-status-panel__title">
        {title}
      </p>
      {useSelect ? (
        <div className="ck-field">
          <label className="ck-label" htmlFor={reasonId}>
            {m.reason}
          </label>
          <select
            ref={firstRef}
            id={reasonId}
            className="ck-input ck-select"
            aria-required
            aria-invalid={invalid && !showOther ? true : undefined}
            aria-describedby={invalid && !showOther ? errorId : undefined}
            value={panel.state.reasonKey}
            onChange={(event) => panel.setReasonKey(event.target.value)}
          >
            <option value="">{panel.reasonsLoading ? m.loadingOptions : m.chooseReason}</option>
            {panel.offeredReasons.map((r) => (
              <option key={r.code} value={panel.codeKey(r)}>
                {r.display}
              </option>
            ))}
            <option value={panel.otherKey}>{m.otherReason}</option>
          </select>
        </div>
      ) : null}
      {showOther ? (
        <div className="ck-field">
          <label className="ck-label" htmlFor={otherId}>
            {useSelect ? m.otherReasonText : m.reason}
          </label>
          <input
            ref={useSelect ? undefined : firstRef}
            id={otherId}
            type="text"
            className="ck-input"
            maxLength={500}
            aria-required
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? errorId : undefined}
            value={panel.state.otherText}
            onChange={(event) => panel.setOtherText(event.target.value)}
          />
        </div>
      ) : null}
      {check &&
      check.status !== 'idle' &&
      (check.status === 'unavailable' || check.matches.length > 0) ? (
        <div
          className="ck-allergy-warning"
          data-state={panel.allergyAcknowledged ? 'acknowledged' : 'open'}
        >
          <p className="ck-allergy-warning__title">{m.allergyWarningTitle}</p>
          <ul>
            {check.status === 'unavailable' ? (
              <li>{m.allergiesUnavailable}</li>
            ) : (
              check.matches.map(({ allergy }) => (
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
              ))
            )}
          </ul>
          <div className="ck-allergy-warning__ack">
            <input
              id={ackId}
              type="checkbox"
              checked={panel.allergyAcknowledged}
              onChange={(event) => panel.acknowledgeAllergy(event.target.checked)}
            />
            <label htmlFor={ackId}>
              {check.status === 'unavailable'
                ? m.allergyUncheckedAcknowledge
                : m.allergyAcknowledge}
            </label>
          </div>
        </div>
      ) : null}
      <div ref={messageRef} id={errorId} role="alert" tabIndex={-1} className="ck-error-text">
        {panel.notice}
      </div>
      <div className="ck-actions">
        {panel.finished ? null : (
          // aria-disabled, not disabled: the pressed button keeps focus while the request runs.
          <button
            type="submit"
            className={
              action === 'resume' ? 'ck-button ck-button--primary' : 'ck-button ck-button--danger'
            }
            aria-disabled={panel.state.submitting || undefined}
          >
            {panel.latest ? m.applyAnyway : confirm}
          </button>
        )}
        <button type="button" className="ck-button" onClick={panel.cancel}>
          {panel.finished ? m.close : m.keepAsIs}
        </button>
      </div>
    </form>
  );
}
