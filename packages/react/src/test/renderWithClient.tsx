import { QueryClient } from '@tanstack/react-query';
import { type RenderOptions, type RenderResult, render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { ClinikProvider, type ClinikProviderProps } from '../provider/ClinikProvider.js';

/** A fixed "now" so ages and dates are deterministic: 2026-06-15 12:00 UTC. */
export const TEST_NOW = new Date('2026-06-15T12:00:00Z');

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 0, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

export interface RenderWithClientOptions extends Omit<ClinikProviderProps, 'children'> {
  baseUrl: string;
  render?: Omit<RenderOptions, 'wrapper'>;
}

/** Renders inside a ClinikProvider pointed at `baseUrl`, with no client retries and a fixed clock. */
export interface RenderWithClientResult extends RenderResult {
  queryClient: QueryClient;
  user: UserEvent;
  /** The provider tree alone, for `renderHook(..., { wrapper })`. */
  wrapper: (props: { children?: ReactNode }) => ReactElement;
}

export function renderWithClient(
  ui: ReactElement,
  options: RenderWithClientOptions,
): RenderWithClientResult {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const { render: renderOptions, ...providerProps } = options;
  // No pause between keystrokes: typing stays fast on a loaded machine.
  const user = userEvent.setup({ delay: null });
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <ClinikProvider
      timeZone="UTC"
      now={() => TEST_NOW}
      {...providerProps}
      clientOptions={{ retries: 0, ...providerProps.clientOptions }}
      queryClient={queryClient}
    >
      {children}
    </ClinikProvider>
  );
  return { ...render(ui, { ...renderOptions, wrapper }), queryClient, user, wrapper };
}
