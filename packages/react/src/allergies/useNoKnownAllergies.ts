'use client';
import type { Allergy } from '@clinikapi/core';
import { useQueryClient } from '@tanstack/react-query';
import { codeValueText } from '../coded/codeValue.js';
import { RecordChangedError, useGuardedUpdate } from '../form/guardedUpdate.js';
import { useRecordState } from '../form/recordState.js';
import { useClinik } from '../provider/context.js';
import { resourceQueries } from '../queries/clinikQueries.js';
import { useCreateResource } from '../queries/useResourceQueries.js';
import { type AllergyMessages, allergyMessages } from './allergyMessages.js';
import { summarizeAllergies } from './allergyStatus.js';
import { NO_KNOWN_ALLERGY } from './codes.js';

export type NoKnownAllergiesActionStatus = 'idle' | 'saving' | 'saved' | 'refused' | 'error';

interface ActionState {
  status: NoKnownAllergiesActionStatus;
  message: string | undefined;
}

/** Reads the patient's allergies fresh from the API (not the cache), every page. */
async function freshAllergies(queryClient: ReturnType<typeof useQueryClient>, patientId: string) {
  const page = await queryClient.fetchQuery({
    ...resourceQueries('allergies').range({ patientId }),
    staleTime: 0,
  });
  return page.data.filter((allergy) => allergy.patientId === patientId);
}

/**
 * Records and withdraws the "no known allergies" statement of one patient (an
 * AllergyIntolerance coded SNOMED CT 716186003, clinicalStatus active, verificationStatus
 * confirmed):
 * - `record()` first reads the patient's allergies fresh and refuses when any current allergy
 *   is on file (naming them), or says so when the statement already is; the write goes to the
 *   patient it was computed for, never to a patient selected meanwhile.
 * - `markInactive(statement)` sets a statement that no longer holds to inactive, only onto the
 *   version shown (`If-Match`).
 * State (`status`, `message`) belongs to `patientId` and starts over when it changes.
 */
export function useNoKnownAllergies(
  patientId: string | undefined,
  options: { messages?: Partial<AllergyMessages> } = {},
) {
  const m = allergyMessages(options.messages);
  const { now } = useClinik();
  const queryClient = useQueryClient();
  const create = useCreateResource('allergies');
  const update = useGuardedUpdate('allergies');
  const key = `patient:${patientId ?? ''}`;
  const [state, setState, isCurrent] = useRecordState<ActionState>(key, () => ({
    status: 'idle',
    message: undefined,
  }));

  const record = async () => {
    const id = patientId;
    const forKey = key;
    if (!id || state.status === 'saving') return;
    setState({ status: 'saving', message: undefined });
    try {
      const summary = summarizeAllergies(await freshAllergies(queryClient, id));
      if (!isCurrent(forKey)) return;
      if (summary.active.length > 0) {
        setState({
          status: 'refused',
          message: m.cannotRecordNoKnownAllergies(summary.active.map((a) => codeValueText(a.code))),
        });
        return;
      }
      if (!summary.noKnownAllergies) {
        await create.mutateAsync({
          code: { ...NO_KNOWN_ALLERGY },
          patientId: id,
          clinicalStatus: 'active',
          verificationStatus: 'confirmed',
          recordedDate: now().toISOString(),
        });
      }
      setState({ status: 'saved', message: m.noKnownAllergiesRecorded });
    } catch {
      setState({ status: 'error', message: m.recordNoKnownAllergiesFailed });
    }
  };

  const markInactive = async (statement: Allergy) => {
    if (state.status === 'saving' || statement.patientId !== patientId) return;
    setState({ status: 'saving', message: undefined });
    try {
      await update.mutateAsync({
        id: statement.id,
        base: statement,
        patch: { clinicalStatus: 'inactive' },
      });
      setState({ status: 'saved', message: m.noKnownAllergiesInactivated });
    } catch (error) {
      setState({
        status: 'error',
        message:
          error instanceof RecordChangedError
            ? m.allergyConflict([])
            : m.recordNoKnownAllergiesFailed,
      });
    }
  };

  return { ...state, record, markInactive };
}
