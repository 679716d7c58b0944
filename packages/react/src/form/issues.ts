import type { ApiIssue } from '@clinikapi/core';

/** Messages the mapping needs: "<label> is required" and "<label> <rule>". */
export interface IssueMessages {
  fieldRequired: (label: string) => string;
  fieldInvalid: (label: string, rule: string) => string;
}

export interface MappedFieldIssues<F extends string> {
  /** One message per input, in the user's language (the first problem of each input). */
  fieldErrors: Partial<Record<F, string>>;
  /** Issues that name no input of the form (shown at the top). */
  otherErrors: string[];
}

/**
 * Maps issues (core's `validate` or a server 422, contract "Errors") onto a form's inputs.
 * Diagnostics start with the field path as core's `formatPath` writes it (`address.city must be
 * ...`); `fieldByPath` names the input of each path, `labelOf` its label.
 */
export function mapFieldIssues<F extends string>(
  issues: readonly ApiIssue[],
  fieldByPath: Readonly<Record<string, F>>,
  labelOf: (field: F) => string,
  messages: IssueMessages,
): MappedFieldIssues<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  const otherErrors: string[] = [];
  for (const issue of issues) {
    const match = /^(\S+) (.+)$/.exec(issue.diagnostics);
    const field = match?.[1] ? fieldByPath[match[1]] : undefined;
    if (!field || !match?.[2]) {
      otherErrors.push(issue.diagnostics);
      continue;
    }
    if (fieldErrors[field]) continue;
    const label = labelOf(field);
    fieldErrors[field] =
      issue.code === 'required'
        ? messages.fieldRequired(label)
        : messages.fieldInvalid(label, match[2]);
  }
  return { fieldErrors, otherErrors };
}
