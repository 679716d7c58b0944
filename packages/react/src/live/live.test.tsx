import type { ChangeNotice } from '@clinikapi/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clinikKeys } from '../queries/keys.js';
import { serveOnLoopback } from '../test/serveOnLoopback.js';
import { ClinikLiveEvents, useClinikEvents, useLiveStatus } from './ClinikLiveEvents.js';
import type { EventSourceLike } from './connection.js';

/** Stands in for the browser's EventSource: the network boundary of the live stream. */
class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, Array<(event: MessageEvent) => void>>();
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: unknown, lastEventId = '') {
    const event = new MessageEvent(type, {
      data: typeof data === 'string' ? data : JSON.stringify(data),
      lastEventId,
    });
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
  refuse() {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
}

const latest = () => FakeEventSource.instances.at(-1) as FakeEventSource;
const create = (url: string) => new FakeEventSource(url);

function notice(over: Partial<ChangeNotice> = {}): ChangeNotice {
  return {
    id: 'evt_1',
    event: 'patient.updated',
    resource: 'patients',
    resourceId: 'pat_1',
    action: 'updated',
    timestamp: '2026-06-15T12:00:00Z',
    ...over,
  };
}

function setup(children?: ReactNode) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  for (const key of [
    clinikKeys.list('patients', { name: 'a' }),
    clinikKeys.detail('patients', 'pat_1'),
    clinikKeys.detail('patients', 'pat_2'),
    clinikKeys.list('appointments', {}),
    clinikKeys.list('slots', { scheduleId: 's1' }),
    clinikKeys.list('practitioners', {}),
  ]) {
    queryClient.setQueryData(key, { cached: true });
  }
  const { unmount } = render(
    <QueryClientProvider client={queryClient}>
      <ClinikLiveEvents url="/api/clinik/events" createEventSource={create}>
        {children}
      </ClinikLiveEvents>
    </QueryClientProvider>,
  );
  const stale = (key: readonly unknown[]) =>
    queryClient.getQueryState(key)?.isInvalidated ?? 'gone';
  return { queryClient, stale, unmount };
}

function Listener({ onNotice }: { onNotice: (notice: ChangeNotice) => void }) {
  useClinikEvents(onNotice);
  return <output>{useLiveStatus()}</output>;
}

afterEach(() => {
  FakeEventSource.instances = [];
  vi.useRealTimers();
});

describe('ClinikLiveEvents', () => {
  it('invalidates exactly the lists and detail a change affects', () => {
    const { stale } = setup();
    act(() => {
      latest().open();
      latest().emit('change', notice(), 'evt_1');
    });
    expect(stale(clinikKeys.list('patients', { name: 'a' }))).toBe(true);
    expect(stale(clinikKeys.detail('patients', 'pat_1'))).toBe(true);
    expect(stale(clinikKeys.detail('patients', 'pat_2'))).toBe(false);
    expect(stale(clinikKeys.list('appointments', {}))).toBe(false);
    expect(stale(clinikKeys.list('practitioners', {}))).toBe(false);
  });

  it('refreshes slots when an appointment changes, and drops deleted details', () => {
    const { stale } = setup();
    act(() => {
      latest().emit(
        'change',
        notice({ resource: 'appointments', event: 'appointment.created', resourceId: 'a1' }),
      );
      latest().emit(
        'change',
        notice({ action: 'deleted', event: 'patient.deleted', resourceId: 'pat_2' }),
      );
    });
    expect(stale(clinikKeys.list('appointments', {}))).toBe(true);
    expect(stale(clinikKeys.list('slots', { scheduleId: 's1' }))).toBe(true);
    expect(stale(clinikKeys.detail('patients', 'pat_2'))).toBe('gone');
  });

  it('treats a reset as "everything may be stale" and ignores malformed events', () => {
    const { stale } = setup();
    act(() => latest().emit('change', '{"not":"a notice"}'));
    act(() => latest().emit('change', 'not json'));
    expect(stale(clinikKeys.list('practitioners', {}))).toBe(false);
    act(() => latest().emit('reset', '{}'));
    expect(stale(clinikKeys.list('practitioners', {}))).toBe(true);
  });

  it('hands notices to useClinikEvents subscribers and reports the status', () => {
    const seen: string[] = [];
    setup(<Listener onNotice={(n) => seen.push(n.id)} />);
    expect(screen.getByRole('status').textContent).toBe('connecting');
    act(() => latest().open());
    expect(screen.getByRole('status').textContent).toBe('open');
    act(() => latest().emit('change', notice({ id: 'evt_7' })));
    expect(seen).toEqual(['evt_7']);
  });

  it('reconnects with backoff after a refused connection, resuming from the last event', () => {
    vi.useFakeTimers();
    setup();
    act(() => {
      latest().open();
      latest().emit('change', notice({ id: 'evt_42' }), 'evt_42');
      latest().refuse();
    });
    expect(FakeEventSource.instances).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1000));
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(latest().url).toBe('/api/clinik/events?lastEventId=evt_42');
    act(() => latest().refuse());
    act(() => vi.advanceTimersByTime(999));
    expect(FakeEventSource.instances).toHaveLength(2); // the second wait is longer (1-2 s)
    act(() => vi.advanceTimersByTime(1001));
    expect(FakeEventSource.instances).toHaveLength(3);
  });

  it('pauses while offline and reconnects at once when back online', () => {
    setup();
    act(() => latest().open());
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(FakeEventSource.instances[0]?.closed).toBe(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('closes the stream on unmount', () => {
    const { unmount } = setup();
    const source = latest();
    expect(source.closed).toBe(false);
    unmount();
    expect(source.closed).toBe(true);
  });
});

describe('a live stream that is not there', () => {
  async function renderAgainst(status: number) {
    const served = await serveOnLoopback(async () => new Response('no', { status }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const queryClient = new QueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <ClinikLiveEvents url={`${served.baseUrl}/events`} createEventSource={create}>
          <Listener onNotice={() => {}} />
        </ClinikLiveEvents>
      </QueryClientProvider>,
    );
    return { served, warn };
  }

  it('warns once and stops retrying when the server has no stream (404)', async () => {
    const { served, warn } = await renderAgainst(404);
    try {
      act(() => latest().refuse());
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('unavailable'));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(FakeEventSource.instances).toHaveLength(1);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('no event stream');
    } finally {
      warn.mockRestore();
      await served.close();
    }
  });

  it('keeps retrying a stream that exists but refused for now (503)', async () => {
    const { served, warn } = await renderAgainst(503);
    try {
      act(() => latest().refuse());
      await waitFor(() => expect(FakeEventSource.instances.length).toBeGreaterThan(1), {
        timeout: 3000,
      });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      await served.close();
    }
  });
});
