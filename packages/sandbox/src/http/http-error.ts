import type { ApiIssue } from '@clinikapi/core';

/** An error that becomes a contract-shaped error response. Messages never contain submitted values. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message = 'Resource not found') =>
  new HttpError(404, 'NOT_FOUND', message);

export const validationError = (issues: ApiIssue[], message = 'Request validation failed') =>
  new HttpError(422, 'VALIDATION_ERROR', message, issues);

export const issue = (code: string, diagnostics: string): ApiIssue => ({
  severity: 'error',
  code,
  diagnostics,
});
