import type { Observation, Patient } from '@clinikapi/core';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ClinikProvider } from '../../provider/ClinikProvider.js';
import { createVitalsApi, type VitalsApi } from './vitalsApi.js';
import { adultPatient, VITALS_NOW, VITALS_ZONE } from './vitalsFixtures.js';

export interface VitalsStoryOptions {
  patients?: Patient[];
  observations?: () => Observation[];
  /** Prepare the API before the story renders (`api.hold()`, `api.failWhen(...)`). */
  setup?: (api: VitalsApi) => void;
  theme?: 'light' | 'dark';
  /** Width of the story's frame in px, e.g. 360 for a phone. Defaults to full width. */
  width?: number;
  locale?: string;
}

/** Runs a story against the in-memory vitals API (no server, no service worker). */
export function VitalsStory({
  options,
  children,
}: {
  options: VitalsStoryOptions;
  children: ReactNode;
}) {
  const [state] = useState(() => {
    const api = createVitalsApi({
      patients: options.patients ?? [adultPatient],
      observations: options.observations?.() ?? [],
    });
    options.setup?.(api);
    const fakeFetch: typeof fetch = (input, init) =>
      api.fetch(new URL(String(input), globalThis.location.origin).toString(), init);
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    });
    return { fakeFetch, queryClient };
  });
  return (
    <ClinikProvider
      baseUrl="/api/clinik"
      queryClient={state.queryClient}
      clientOptions={{ fetch: state.fakeFetch, retries: 0 }}
      timeZone={VITALS_ZONE}
      locale={options.locale ?? 'en-US'}
      now={() => VITALS_NOW}
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

/** A Storybook decorator: `decorators: [withVitals({ observations: vitalsHistory })]`. */
export const withVitals = (options: VitalsStoryOptions = {}) =>
  function vitalsDecorator(Story: () => ReactNode) {
    return (
      <VitalsStory options={options}>
        <Story />
      </VitalsStory>
    );
  };
