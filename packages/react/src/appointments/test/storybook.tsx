import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ClinikProvider } from '../../provider/ClinikProvider.js';
import { createSchedulingApi, type SchedulingApi, type SchedulingState } from './schedulingApi.js';

export interface SchedulingStoryOptions {
  /** What the fake scheduling API starts with. */
  seed: () => SchedulingState;
  /** The provider's (practice) zone. */
  timeZone: string;
  /** The story's fixed "now". */
  now: Date;
  /** Prepare the API before the story renders (`api.hold()`, `api.failNext(1, 500)`). */
  setup?: (api: SchedulingApi) => void;
  /** Receives the API so a play function can act as another user (`api.takeSlot(id)`). */
  expose?: (api: SchedulingApi) => void;
}

/**
 * Runs a story against the msw scheduling handlers used by the tests: the provider's `fetch`
 * answers `/api/clinik/v1/...` from them, so stories need no server and no service worker.
 */
export function SchedulingStory({
  options,
  children,
}: {
  options: SchedulingStoryOptions;
  children: ReactNode;
}) {
  const [state] = useState(() => {
    const api = createSchedulingApi(options.seed());
    options.setup?.(api);
    options.expose?.(api);
    const fakeFetch: typeof fetch = (input, init) =>
      api.fetch(new Request(new URL(String(input), globalThis.location.origin), init));
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
      timeZone={options.timeZone}
      now={() => options.now}
    >
      <div style={{ padding: 16, background: 'var(--ck-color-bg)', color: 'var(--ck-color-text)' }}>
        {children}
      </div>
    </ClinikProvider>
  );
}

/** A Storybook decorator: `decorators: [withScheduling({ seed, timeZone, now })]`. */
export const withScheduling = (options: SchedulingStoryOptions) =>
  function schedulingDecorator(Story: () => ReactNode) {
    return (
      <SchedulingStory options={options}>
        <Story />
      </SchedulingStory>
    );
  };
