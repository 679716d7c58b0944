import * as z from 'zod/mini';
import type { ApiIssue } from './envelope.js';

export type ValidationResult<T> =
  | { success: true; data: T }
  | { success: false; issues: ApiIssue[] };

type ZodIssue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * Validates `input` against a schema and reports problems in the API's issue form.
 * Diagnostics name the field and the rule but never repeat the submitted value (no PHI in errors).
 */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
): ValidationResult<z.output<S>> {
  const result = z.safeParse(schema, input);
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.flatMap((i) => toApiIssues(i, input)) };
}

/** `['contact', 0, 'phone']` -> `contact[0].phone`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Our own messages start lower-case and never contain input; zod's defaults start upper-case. */
const isOwnMessage = (message: string) => /^[a-z]/.test(message);

function toApiIssues(issue: ZodIssue, input: unknown): ApiIssue[] {
  const field = formatPath(issue.path) || 'body';
  const issueOf = (code: string, diagnostics: string): ApiIssue => ({
    severity: 'error',
    code,
    diagnostics,
  });

  const missing =
    (issue.code === 'invalid_type' ||
      issue.code === 'invalid_value' ||
      issue.code === 'invalid_union') &&
    issue.path.length > 0 &&
    valueAt(input, issue.path) === undefined;
  if (missing) return [issueOf('required', `${field} is required`)];

  switch (issue.code) {
    case 'invalid_type': {
      const name = issue.expected === 'int' ? 'integer' : String(issue.expected);
      const expected = `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
      const where =
        field === 'body' ? 'body must be a JSON object' : `${field} must be ${expected}`;
      return [issueOf('structure', where)];
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') {
        return [issueOf('too-long', `${field} must be at most ${limit} characters`)];
      }
      if (issue.origin === 'array') {
        return [issueOf('value', `${field} must have at most ${limit} items`)];
      }
      return [issueOf('value', `${field} must be at most ${limit}`)];
    }
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') {
        return limit <= 1
          ? [issueOf('required', `${field} must not be empty`)]
          : [issueOf('value', `${field} must be at least ${limit} characters`)];
      }
      if (issue.origin === 'array') {
        return [
          issueOf('required', `${field} must have at least ${limit} item${limit === 1 ? '' : 's'}`),
        ];
      }
      return [issueOf('value', `${field} must be at least ${limit}`)];
    }
    case 'invalid_value':
      return [
        issueOf('code-invalid', `${field} must be one of ${issue.values.map(String).join(', ')}`),
      ];
    case 'invalid_format':
      return [
        issueOf(
          'value',
          isOwnMessage(issue.message)
            ? `${field} ${issue.message}`
            : `${field} must be a valid ${issue.format}`,
        ),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const name = SAFE_KEY.test(key)
          ? formatPath([...issue.path, key])
          : `a field with an unsupported name${field === 'body' ? '' : ` in ${field}`}`;
        return issueOf('structure', `${name} is not a recognized field`);
      });
    case 'not_multiple_of':
      return [issueOf('value', `${field} must be a multiple of ${Number(issue.divisor)}`)];
    default:
      return [
        issueOf(
          'value',
          isOwnMessage(issue.message) ? `${field} ${issue.message}` : `${field} is invalid`,
        ),
      ];
  }
}
