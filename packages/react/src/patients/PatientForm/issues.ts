import type { ApiIssue } from '@clinikapi/core';
import { type MappedFieldIssues, mapFieldIssues } from '../../form/issues.js';
import type { ClinikMessages } from '../../messages.js';
import { fieldLabel, PATIENT_FIELD_BY_PATH, type PatientFieldName } from './fields.js';

export type MappedIssues = MappedFieldIssues<PatientFieldName>;

/** Maps issues (from core's `validate` or a server 422) onto the patient form's inputs. */
export function mapIssuesToFields(
  issues: readonly ApiIssue[],
  messages: ClinikMessages,
): MappedIssues {
  return mapFieldIssues(
    issues,
    PATIENT_FIELD_BY_PATH,
    (field) => fieldLabel(field, messages),
    messages,
  );
}
