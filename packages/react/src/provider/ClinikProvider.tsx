'use client';
import {
  type ClinikClient,
  type ClinikClientOptions,
  createClinikClient,
} from '@clinikapi/core/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ClinikLiveEvents } from '../live/ClinikLiveEvents.js';
import { type ClinikMessages, defaultMessages } from '../messages.js';
import { bindClinikClient } from '../queries/clientRegistry.js';
import { DEFAULT_READ_YOUR_WRITES_MS, installReadYourWrites } from '../queries/readYourWrites.js';
import { ClinikContext, type ClinikContextValue } from './context.js';
import { warnMissingTimeZone } from './timeZoneWarning.js';

export interface ClinikProviderProps {
  /** Same-origin path of your ClinikAPI proxy. The browser never holds an API key. Defaults to `/api/clinik`. */
  baseUrl?: string | undefined;
  /** Your own QueryClient, e.g. one shared with the rest of the app. Defaults to a new one per provider. */
  queryClient?: QueryClient | undefined;
  /** Client options other than the key (fetch, timeouts, retries, headers). Defaults to core's. */
  clientOptions?:
    | Omit<ClinikClientOptions, 'baseUrl' | 'apiKey' | 'dangerouslyAllowBrowser'>
    | undefined;
  /**
   * IANA time zone of the practice (e.g. `America/New_York`), used for "today" (ages), slots and
   * date-times. Defaults to the runtime's zone (the browser's), which is rarely the practice's:
   * development builds then warn once per page load (`console.warn`).
   */
  timeZone?: string | undefined;
  /** BCP 47 locale for dates and numbers. Defaults to `en-US`. */
  locale?: string | undefined;
  /** Overrides of the English labels. Defaults to none. */
  messages?: Partial<ClinikMessages> | undefined;
  /** Current time, for deterministic stories and tests. Defaults to `() => new Date()`. */
  now?: (() => Date) | undefined;
  /**
   * The signed-in clinician's Practitioner id, if your app knows it. Forms that record who acted
   * (`PrescriptionForm`'s prescriber, `ImmunizationForm`'s performer) default to it; without it
   * they never invent one. Defaults to none.
   */
  practitionerId?: string | undefined;
  /**
   * Live updates: subscribe to the proxy's change stream (`<baseUrl>/events`, see the proxy's
   * `events` option) and refresh exactly the affected queries, without polling. Defaults to false.
   */
  live?: boolean | undefined;
  /**
   * How long, in ms, a record this app created, updated or deleted is merged into (or dropped
   * from) cached lists even when a search result does not reflect it yet: the hosted API's search
   * lags reads by id (commonly ~10 s). 0 turns it off. Defaults to 30000.
   */
  readYourWritesMs?: number | undefined;
  children?: ReactNode | undefined;
}

function createDefaultQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // core's client already retries idempotent requests with backoff; do not multiply retries.
      queries: { retry: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

function runtimeTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const systemNow = () => new Date();

/** Supplies the ClinikAPI client, the QueryClient and shared settings to every hook and component. */
export function ClinikProvider({
  baseUrl = '/api/clinik',
  queryClient,
  clientOptions,
  timeZone,
  locale = 'en-US',
  messages,
  now = systemNow,
  practitionerId,
  live = false,
  readYourWritesMs = DEFAULT_READ_YOUR_WRITES_MS,
  children,
}: ClinikProviderProps) {
  const [ownQueryClient] = useState(createDefaultQueryClient);
  const activeQueryClient = queryClient ?? ownQueryClient;
  // Options are usually inline objects: key the client on what matters, not on identity.
  const clientKey = `${baseUrl}|${JSON.stringify(clientOptions ?? {})}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: clientKey captures baseUrl and clientOptions
  const client: ClinikClient = useMemo(
    () => createClinikClient({ ...clientOptions, baseUrl }),
    [clientKey, clientOptions?.fetch],
  );
  bindClinikClient(activeQueryClient, client);
  useEffect(
    () =>
      readYourWritesMs > 0 ? installReadYourWrites(activeQueryClient, readYourWritesMs) : undefined,
    [activeQueryClient, readYourWritesMs],
  );

  const value = useMemo<ClinikContextValue>(
    () => ({
      client,
      timeZone: timeZone ?? runtimeTimeZone(),
      locale,
      messages: messages ? { ...defaultMessages, ...messages } : defaultMessages,
      now,
      practitionerId,
    }),
    [client, timeZone, locale, messages, now, practitionerId],
  );

  useEffect(() => {
    if (timeZone === undefined) warnMissingTimeZone(value.timeZone);
  }, [timeZone, value.timeZone]);

  return (
    <QueryClientProvider client={activeQueryClient}>
      <ClinikContext.Provider value={value}>
        {/* Always mounted (disabled when not live) so turning live on does not remount the app. */}
        <ClinikLiveEvents url={`${baseUrl.replace(/\/+$/, '')}/events`} enabled={live}>
          {children}
        </ClinikLiveEvents>
      </ClinikContext.Provider>
    </QueryClientProvider>
  );
}
