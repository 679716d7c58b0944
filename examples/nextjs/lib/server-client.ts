import { createClinikClient } from '@clinikapi/core';
import { headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { proxy } from './proxy';

/**
 * A ClinikAPI client for server components that goes through the proxy in this process, with
 * the visitor's cookies: the same authentication, policies and audit as the browser's requests,
 * no network hop, and the key never leaves the proxy.
 */
export async function serverClinikClient() {
  const cookie = (await headers()).get('cookie') ?? '';
  return createClinikClient({
    baseUrl: 'http://in-process/api/clinik',
    retries: 0,
    fetch: (input, init) => {
      const request = new Request(input, init);
      request.headers.set('cookie', cookie);
      return proxy.fetch(new NextRequest(request));
    },
  });
}
