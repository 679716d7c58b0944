import type { ApiIssue } from '@clinikapi/core';
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

export interface MappedIssues {
  /** One message per input, in the user's language. */
  fieldErrors: Partial<Record<PatientFieldName, string>>;
  /** Issues that name no input of this form (shown at the top). */
  otherErrors: string[];
}

/**
 * Maps issues (from core's `validate` or a server 422) onto the inputs. Diagnostics start with
 * the field path (`address.city must be ...`); the rest is the rule.
 */
export function mapIssuesToFields(
  issues: readonly ApiIssue[],
  messages: ClinikMessages,
): MappedIssues {
  const fieldErrors: MappedIssues['fieldErrors'] = {};
  const otherErrors: string[] = [];
  for (const issue of issues) {
    const match = /^(\S+) (.+)$/.exec(issue.diagnostics);
    const field = match?.[1] ? FIELD_BY_PATH[match[1]] : undefined;
    if (!field || !match?.[2]) {
      otherErrors.push(issue.diagnostics);
      continue;
    }
    if (fieldErrors[field]) continue; // first problem per input is enough
    const label = fieldLabel(field, messages);
    fieldErrors[field] =
      issue.code === 'required'
        ? messages.fieldRequired(label)
        : messages.fieldInvalid(label, match[2]);
  }
  return { fieldErrors, otherErrors };
}
