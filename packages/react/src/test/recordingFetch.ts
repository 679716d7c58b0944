/** One request the components sent, as the proxy would receive it. */
export interface SentRequest {
  method: string;
  /** Path and query below the origin, e.g. `/api/clinik/v1/patients/p1`. */
  path: string;
  headers: Headers;
  /** Parsed JSON body, when there was one. */
  body: unknown;
  /** The response's HTTP status, once it has arrived. */
  status?: number;
}

/**
 * A `fetch` for `ClinikProvider`'s `clientOptions` that goes to the real server and records
 * every request; `delay()` holds matching responses back, the way a slow network does. Nothing
 * is faked: the request still reaches the sandbox behind the proxy.
 */
export function recordingFetch() {
  const sent: SentRequest[] = [];
  const delays: { method: string; path: RegExp; ms: number }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = `${url.pathname}${url.search}`;
    const text = init?.body === undefined ? '' : String(init.body);
    const entry: SentRequest = {
      method: request.method,
      path,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    sent.push(entry);
    const rule = delays.find((d) => d.method === request.method && d.path.test(path));
    const response = await fetch(input, init);
    entry.status = response.status;
    if (rule) await new Promise((resolve) => setTimeout(resolve, rule.ms));
    return response;
  };
  return {
    fetch: fetchImpl,
    sent,
    /** Writes sent so far (POST, PATCH, PUT, DELETE). */
    writes: () => sent.filter((r) => r.method !== 'GET'),
    /** `[method, path without query, status]` of every `method` request answered so far. */
    statuses: (method: string) =>
      sent
        .filter((r) => r.method === method && r.status !== undefined)
        .map((r): [string, string, number] => [
          r.method,
          r.path.split('?')[0] ?? '',
          r.status ?? 0,
        ]),
    /** Delays responses to `method` requests whose path matches, by `ms`. */
    delay(method: string, path: RegExp, ms: number) {
      delays.push({ method, path, ms });
    },
  };
}
