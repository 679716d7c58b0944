import type { Patient } from '@clinikapi/core';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ClinikProvider } from '../provider/ClinikProvider.js';
import { createFakeClinikApi, type FakeClinikApi } from './fakeApi.js';

/** A fixed "now" so ages in stories never drift: 2026-06-15 12:00 UTC. */
export const STORY_NOW = new Date('2026-06-15T12:00:00Z');

export interface FakeClinikOptions {
  /** Patients the fake API starts with. Defaults to none. */
  patients?: Patient[];
  /** Prepare the API before the story renders (e.g. `api.failNext(1, 500)` or `api.hold()`). */
  setup?: (api: FakeClinikApi) => void;
  /** Wrap the story in the dark theme. Defaults to light. */
  theme?: 'light' | 'dark';
  /** Width of the story's frame, e.g. 360 for a phone. Defaults to full width. */
  width?: number;
}

/**
 * Runs a story against an in-memory, contract-shaped fake of the data API: the provider's `fetch`
 * answers `/api/clinik/v1/...` from it, so stories work in `storybook build` with no server.
 */
export function FakeClinik({
  options,
  children,
}: {
  options: FakeClinikOptions;
  children: ReactNode;
}) {
  const [state] = useState(() => {
    const api = createFakeClinikApi(options.patients ?? []);
    options.setup?.(api);
    const fakeFetch: typeof fetch = (input, init) =>
      api.handle(new Request(new URL(String(input), globalThis.location.origin), init));
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    });
    return { api, fakeFetch, queryClient };
  });
  return (
    <ClinikProvider
      baseUrl="/api/clinik"
      queryClient={state.queryClient}
      clientOptions={{ fetch: state.fakeFetch, retries: 0 }}
      timeZone="UTC"
      now={() => STORY_NOW}
    >
      <div
        data-ck-theme={options.theme ?? 'light'}
        style={{
          maxWidth: options.width,
          padding: 16,
          background: 'var(--ck-color-bg)',
          color: 'var(--ck-color-text)',
        }}
      >
        {children}
      </div>
    </ClinikProvider>
  );
}

/** A Storybook decorator: `decorators: [withFakeClinik({ patients })]`. */
export const withFakeClinik = (options: FakeClinikOptions = {}) => {
  const decorate = (Story: () => ReactNode) => (
    <FakeClinik options={options}>
      <Story />
    </FakeClinik>
  );
  return decorate;
};
