import type { ClinikClient } from '@clinikapi/core';
import { createContext, useContext } from 'react';
import type { ClinikMessages } from '../messages.js';

/** What `ClinikProvider` shares with hooks and components. */
export interface ClinikContextValue {
  client: ClinikClient;
  /** IANA time zone used for "today" (ages) and date-times. */
  timeZone: string;
  /** BCP 47 locale for `Intl` formatting. */
  locale: string;
  messages: ClinikMessages;
  /** The current time; injectable so stories and tests are deterministic. */
  now: () => Date;
  /**
   * The signed-in clinician's Practitioner id, when the app knows one: forms use it as the
   * prescriber or performer by default (never an invented one). `undefined` otherwise.
   */
  practitionerId: string | undefined;
}

export const ClinikContext = createContext<ClinikContextValue | null>(null);

/** The provider's settings. Throws when used outside `<ClinikProvider>`. */
export function useClinik(): ClinikContextValue {
  const value = useContext(ClinikContext);
  if (!value) {
    throw new Error('useClinik must be used inside <ClinikProvider>');
  }
  return value;
}

/** The provider's messages with per-component overrides applied. */
export function useMessages(overrides?: Partial<ClinikMessages>): ClinikMessages {
  const { messages } = useClinik();
  return overrides ? { ...messages, ...overrides } : messages;
}
