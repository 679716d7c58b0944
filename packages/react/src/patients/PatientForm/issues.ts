import type { ApiIssue } from '@clinikapi/core';
import { type MappedFieldIssues, mapFieldIssues } from '../../form/issues.js';
import type { ClinikMessages } from '../../messages.js';
import { fieldLabel, type PatientFieldName } from './fields.js';

/** API field paths (as core's `formatPath` writes them) -> form inputs. */
const FIELD_BY_PATH: Record<string, PatientFieldName> = {
  firstName: 'firstName',
  lastName: 'lastName',
  birthDate: 'birthDate',
  gender: 'gender',
  email: 'email',
  phone: 'phone',
  'address.line': 'addressLine',
  'address.line[0]': 'addressLine',
  'address.city': 'city',
  'address.state': 'state',
  'address.postalCode': 'postalCode',
  'address.country': 'country',
};

export type MappedIssues = MappedFieldIssues<PatientFieldName>;

/** Maps issues (from core's `validate` or a server 422) onto the patient form's inputs. */
export function mapIssuesToFields(
  issues: readonly ApiIssue[],
  messages: ClinikMessages,
): MappedIssues {
  return mapFieldIssues(issues, FIELD_BY_PATH, (field) => fieldLabel(field, messages), messages);
}
