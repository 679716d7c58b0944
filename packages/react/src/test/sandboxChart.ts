import { createClinikClient } from '@clinikapi/core';
import { inject } from 'vitest';

// The real stack for chart tests: the proxy in front of the in-memory sandbox (started by the
// vitest global setup), a colleague writing through their own client, and fresh patients.

/** `/api/clinik` of the real proxy in front of the in-memory sandbox (vitest global setup). */
export const baseUrl = () => inject('sandboxProxyUrl');

/** "Now" in chart tests: 2026-06-15 14:00 UTC, 10:00 daylight time in New York. */
export const CHART_NOW = new Date('2026-06-15T14:00:00Z');

/**
 * `ClinikProvider` settings for the real stack: a New York practice (or `timeZone`) at
 * `CHART_NOW`, in en-US, through `fetchImpl` (e.g. a `recordingFetch`) when given.
 */
export const chartSettings = (fetchImpl?: typeof fetch, timeZone = 'America/New_York') => ({
  baseUrl: baseUrl(),
  timeZone,
  locale: 'en-US',
  now: () => CHART_NOW,
  ...(fetchImpl ? { clientOptions: { fetch: fetchImpl } } : {}),
});

/** Another member of staff, writing through their own client. */
export const colleague = () => createClinikClient({ baseUrl: baseUrl(), retries: 0 });

const run = Date.now().toString(36);
let counter = 0;

/** A fresh adult patient (born 1980) unless `birthDate` says otherwise. */
export async function newPatient(label: string, birthDate: string | undefined = '1980-02-29') {
  counter += 1;
  return colleague().patients.create({
    firstName: 'Vera',
    lastName: `${label}${run}${counter}`,
    ...(birthDate ? { birthDate } : {}),
  });
}

/**
 * A `fetch` that answers chosen requests itself (a failure, as the proxy would send it) and
 * passes every other one to the real proxy; records what was sent.
 */
export function failingFetch(
  rules: {
    method: string;
    match: (path: string, body: string) => boolean;
    status: number;
    times?: number;
  }[],
) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = init?.body === undefined ? '' : String(init.body);
    const path = `${url.pathname}${url.search}`;
    sent.push({ method: request.method, path, body: text ? JSON.parse(text) : undefined });
    const rule = rules.find(
      (r) => r.method === request.method && (r.times ?? 1) > 0 && r.match(path, text),
    );
    if (rule) {
      rule.times = (rule.times ?? 1) - 1;
      return new Response(
        JSON.stringify({
          error: rule.status === 422 ? 'VALIDATION_ERROR' : 'INTERNAL_ERROR',
          message: 'Failed on purpose',
          code: String(rule.status),
          requestId: 'req_test',
        }),
        { status: rule.status, headers: { 'content-type': 'application/json' } },
      );
    }
    return fetch(input, init);
  };
  return {
    fetch: fetchImpl,
    sent,
    writes: () => sent.filter((r) => r.method !== 'GET'),
  };
}
