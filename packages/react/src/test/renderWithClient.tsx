import { QueryClient } from '@tanstack/react-query';
import { type RenderOptions, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { ClinikProvider, type ClinikProviderProps } from '../provider/ClinikProvider.js';

/** A fixed "now" so ages and dates are deterministic: 2026-06-15 12:00 UTC. */
export const TEST_NOW = new Date('2026-06-15T12:00:00Z');

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0, gcTime: Infinity }, mutations: { retry: false } },
  });
}

export interface RenderWithClientOptions extends Omit<ClinikProviderProps, 'children'> {
  baseUrl: string;
  render?: Omit<RenderOptions, 'wrapper'>;
}

/** Renders inside a ClinikProvider pointed at `baseUrl`, with no client retries and a fixed clock. */
export function renderWithClient(ui: ReactElement, options: RenderWithClientOptions) {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const { render: renderOptions, ...providerProps } = options;
  const user = userEvent.setup();
  const wrapper = ({ children }: { children?: React.ReactNode }) => (
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
