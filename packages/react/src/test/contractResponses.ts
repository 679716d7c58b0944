import { type ApiIssue, type Envelope, errorBody, type ListPage } from '@clinikapi/core';

/**
 * What every in-memory fake of the data API answers with, per the contract: envelopes with a
 * request id, error bodies, opaque cursors and the `count` rules. Shared by the patients fake and
 * the scheduling fake, so both page and fail exactly like the API.
 */

let requestCounter = 0;
const nextRequestId = () => {
  requestCounter += 1;
  return `req_fake${requestCounter}`;
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A success envelope. */
export function envelopeResponse<T>(data: T, status = 200): Response {
  const envelope: Envelope<T> = {
    data,
    meta: { requestId: nextRequestId(), timestamp: new Date().toISOString(), status },
  };
  return json(status, envelope);
}

/** A contract error body; like the real API, every one carries a request id. */
export function errorResponse(
  status: number,
  error: string,
  message: string,
  issues?: ApiIssue[],
): Response {
  return json(status, errorBody(status, error, message, { requestId: nextRequestId(), issues }));
}

const encodeCursor = (offset: number) => btoa(`o:${offset}`);
function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0;
  try {
    const match = /^o:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the contract: an invalid cursor restarts from the beginning
  }
}

/** `count`: default 20, at most 100; missing, zero, negative or not a number means 20. */
function pageSize(raw: string | null): number {
  const n = Number(raw);
  if (!raw || !Number.isFinite(n) || n <= 0) return 20;
  return Math.min(Math.floor(n), 100);
}

/** One search page of `items` for the request's `cursor` and `count`. */
export function pageOf<T>(items: readonly T[], params: URLSearchParams): ListPage<T> {
  const offset = decodeCursor(params.get('cursor'));
  const count = pageSize(params.get('count'));
  const hasMore = offset + count < items.length;
  return {
    data: items.slice(offset, offset + count),
    total: items.length,
    cursor: hasMore ? encodeCursor(offset + count) : null,
    hasMore,
  };
}

/** Holds responses while a test looks at loading states: `hold()`, then `release()`. */
export function responseGate() {
  let gate: Promise<void> | undefined;
  return {
    /** Resolves at once, or when the current hold is released. */
    passed: () => gate ?? Promise.resolve(),
    hold(): { release: () => void } {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = undefined;
          resolve();
        };
      });
      return { release };
    },
  };
}
