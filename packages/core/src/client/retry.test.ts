import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinikApiError, ClinikRateLimitError } from '../errors.js';
import { envelope, type Handler, sendJson, startServer, until } from '../test/http-server.js';
import { createClinikClient } from './client.js';
import { backoffDelay, isIdempotentRequest, parseRetryAfter } from './retry.js';
import type { RetryInfo } from './transport.js';

let handler: Handler = () => {};
const server = await startServer((req, res) => handler(req, res));
afterAll(() => server.close());

/** Answers each request with the next scripted status (then 200). */
function script(...steps: Array<{ status: number; headers?: Record<string, string> }>) {
  let i = 0;
  handler = (_req, res) => {
    const step = steps[i++];
    if (step)
      sendJson(
        res,
        step.status,
        { error: 'E', message: 'm', code: String(step.status) },
        step.headers,
      );
    else sendJson(res, 200, envelope({ id: 'ok' }));
  };
}

describe('retry helpers', () => {
  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('uses full jitter under an exponential, capped ceiling', () => {
    const opts = { baseDelayMs: 500, maxDelayMs: 8000 };
    expect(backoffDelay(0, { ...opts, random: () => 0.999 })).toBe(499);
    expect(backoffDelay(3, { ...opts, random: () => 0.5 })).toBe(2000);
    expect(backoffDelay(10, { ...opts, random: () => 0.5 })).toBe(4000);
    expect(backoffDelay(2, { ...opts, random: () => 0 })).toBe(0);
  });

  it('treats only safe methods, or writes with an idempotency key, as retryable', () => {
    expect(['GET', 'PUT', 'DELETE', 'HEAD'].every((m) => isIdempotentRequest(m, false))).toBe(true);
    expect(isIdempotentRequest('POST', false)).toBe(false);
    expect(isIdempotentRequest('PATCH', false)).toBe(false);
    expect(isIdempotentRequest('POST', true)).toBe(true);
  });
});

describe('retries over HTTP (fake timers for the waits)', () => {
  let retries: RetryInfo[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    retries = [];
    server.requests.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const makeClient = (retryCount = 3) =>
    createClinikClient({
      baseUrl: server.url,
      retries: retryCount,
      onRetry: (info) => retries.push(info),
    });

  it('retries a GET after 503 with jittered backoff and then succeeds', async () => {
    script({ status: 503 }, { status: 502 });
    const result = makeClient().patients.read('p1');
    await until(() => retries.length === 1);
    expect(retries[0]).toMatchObject({ attempt: 1, delayMs: 250 }); // 0.5 * 500
    await vi.advanceTimersByTimeAsync(249);
    expect(server.requests).toHaveLength(1); // still waiting
    await vi.advanceTimersByTimeAsync(1);
    await until(() => retries.length === 2);
    expect(retries[1]).toMatchObject({ attempt: 2, delayMs: 500 }); // 0.5 * 1000
    await vi.advanceTimersByTimeAsync(500);
    await expect(result).resolves.toEqual({ id: 'ok' });
    expect(server.requests).toHaveLength(3);
  });

  it('waits exactly Retry-After seconds instead of the computed delay', async () => {
    script({ status: 429, headers: { 'retry-after': '2' } });
    const result = makeClient().patients.search();
    await until(() => retries.length === 1);
    expect(retries[0]?.delayMs).toBe(2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ id: 'ok' });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 4000).toUTCString();
    script({ status: 503, headers: { 'retry-after': at } });
    const result = makeClient().patients.read('p1');
    await until(() => retries.length === 1);
    const delay = retries[0]?.delayMs ?? 0;
    // The date is 4-5 s ahead (whole seconds), minus the time the first request took.
    expect(delay).toBeGreaterThan(3000);
    expect(delay).toBeLessThanOrEqual(5000);
    await vi.advanceTimersByTimeAsync(delay);
    await expect(result).resolves.toEqual({ id: 'ok' });
  });

  it('gives up after the configured number of retries with the last error', async () => {
    script({ status: 503 }, { status: 503 }, { status: 504 }, { status: 503 });
    const result = makeClient(2).patients.read('p1');
    result.catch(() => {});
    await until(() => retries.length === 1);
    await vi.advanceTimersByTimeAsync(250);
    await until(() => retries.length === 2);
    await vi.advanceTimersByTimeAsync(500);
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinikApiError);
    expect(error).toMatchObject({ status: 504 });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a POST without an idempotency key', async () => {
    script({ status: 503 });
    await expect(
      makeClient().patients.create({ firstName: 'A', lastName: 'B' }),
    ).rejects.toMatchObject({
      status: 503,
    });
    expect(server.requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('retries a POST that carries an Idempotency-Key, sending the same key each time', async () => {
    script({ status: 502 });
    const result = makeClient().patients.create(
      { firstName: 'A', lastName: 'B' },
      { idempotencyKey: 'idem-1' },
    );
    await until(() => retries.length === 1);
    await vi.advanceTimersByTimeAsync(250);
    await expect(result).resolves.toEqual({ id: 'ok' });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['idem-1', 'idem-1']);
  });

  it('does not retry non-transient errors such as 404 or 422', async () => {
    script({ status: 404 });
    await expect(makeClient().patients.read('p1')).rejects.toMatchObject({ status: 404 });
    script({ status: 422 });
    await expect(makeClient().patients.read('p1')).rejects.toMatchObject({ status: 422 });
    expect(server.requests).toHaveLength(2);
  });

  it('throws at once when Retry-After is longer than maxRetryAfterMs', async () => {
    script({ status: 429, headers: { 'retry-after': '3600' } });
    const error = await makeClient()
      .patients.read('p1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinikRateLimitError);
    expect((error as ClinikRateLimitError).retryAfter).toBe(3600);
    expect(server.requests).toHaveLength(1);
  });

  it('stops waiting between retries when aborted', async () => {
    script({ status: 503 });
    const controller = new AbortController();
    const result = makeClient().patients.read('p1', { signal: controller.signal });
    await until(() => retries.length === 1);
    controller.abort(new Error('cancelled'));
    await expect(result).rejects.toThrow('cancelled');
    expect(server.requests).toHaveLength(1);
  });
});
