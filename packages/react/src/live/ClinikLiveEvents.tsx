'use client';
import type { ChangeNotice } from '@clinikapi/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { clinikKeys } from '../queries/keys.js';
import { type EventSourceFactory, LiveConnection, type LiveStatus } from './connection.js';
import { invalidateForNotice } from './invalidate.js';

interface LiveContextValue {
  subscribe: (handler: (notice: ChangeNotice) => void) => () => void;
  status: LiveStatus;
}

const LiveContext = createContext<LiveContextValue | null>(null);

export interface ClinikLiveEventsProps {
  /** The proxy's event stream. Defaults to `/api/clinik/events`. */
  url?: string | undefined;
  /** Turns the stream off without unmounting. Defaults to true. */
  enabled?: boolean | undefined;
  /** For tests and non-browser runtimes. Defaults to the global `EventSource`. */
  createEventSource?: EventSourceFactory | undefined;
  children?: ReactNode | undefined;
}

/**
 * Subscribes to the proxy's change stream and keeps every query fresh without polling: each
 * notice invalidates exactly the queries it affects. Render inside `ClinikProvider`.
 */
export function ClinikLiveEvents({
  url = '/api/clinik/events',
  enabled = true,
  createEventSource,
  children,
}: ClinikLiveEventsProps) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('closed');
  const handlers = useRef(new Set<(notice: ChangeNotice) => void>());

  useEffect(() => {
    if (!enabled || (!createEventSource && typeof EventSource === 'undefined')) return;
    const connection = new LiveConnection({
      url,
      createEventSource,
      onStatus: setStatus,
      onNotice: (notice) => {
        void invalidateForNotice(queryClient, notice);
        for (const handler of handlers.current) handler(notice);
      },
      onReset: () => void queryClient.invalidateQueries({ queryKey: clinikKeys.root }),
    });
    connection.start();
    return () => connection.stop();
  }, [url, enabled, createEventSource, queryClient]);

  const value = useMemo<LiveContextValue>(
    () => ({
      status,
      subscribe: (handler) => {
        handlers.current.add(handler);
        return () => handlers.current.delete(handler);
      },
    }),
    [status],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Calls `handler` for every change notice the live stream delivers (ids only). */
export function useClinikEvents(handler: (notice: ChangeNotice) => void): void {
  const live = useContext(LiveContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => live?.subscribe((notice) => latest.current(notice)), [live]);
}

/** `open`, `reconnecting`, `offline`... of the live stream (`closed` when none is mounted). */
export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext)?.status ?? 'closed';
}
