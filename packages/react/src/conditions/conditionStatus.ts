import type { Condition } from '@clinikapi/core';
import { codeValueText } from '../coded/codeValue.js';

/** The problem list's groups, in the order they are shown. */
export interface ProblemList {
  /** Active, or with no clinical status recorded (shown as such, never hidden). */
  active: Condition[];
  /** Came back: recurrence or relapse. */
  returned: Condition[];
  /** Inactive, in remission, resolved; then refuted ones. */
  inactive: Condition[];
  enteredInError: Condition[];
}

const RETURNED = new Set(['recurrence', 'relapse']);
const ABATED = new Set(['inactive', 'remission', 'resolved']);

/** Latest onset first (undated last), then by name. */
const byOnset = (a: Condition, b: Condition) =>
  (b.onsetDateTime ?? '').localeCompare(a.onsetDateTime ?? '') ||
  codeValueText(a.code).localeCompare(codeValueText(b.code));

/**
 * Groups a patient's conditions as a problem list: active first, then recurrence/relapse, then
 * inactive/remission/resolved (refuted ones last), each latest onset first; entered-in-error
 * records apart.
 */
export function groupProblems(records: readonly Condition[]): ProblemList {
  const list: ProblemList = { active: [], returned: [], inactive: [], enteredInError: [] };
  const refuted: Condition[] = [];
  for (const condition of records) {
    if (condition.verificationStatus === 'entered-in-error') list.enteredInError.push(condition);
    else if (condition.verificationStatus === 'refuted') refuted.push(condition);
    else if (RETURNED.has(condition.clinicalStatus ?? '')) list.returned.push(condition);
    else if (ABATED.has(condition.clinicalStatus ?? '')) list.inactive.push(condition);
    else list.active.push(condition);
  }
  list.active.sort(byOnset);
  list.returned.sort(byOnset);
  list.inactive.sort(byOnset);
  list.inactive.push(...refuted.sort(byOnset));
  return list;
}
