// Phases and printed figures of bench/outage.bench.ts.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type Sample, summarize } from '../src/test/outage.js';
import type { AuditEvent } from '../src/types.js';

export type Phase = 'up' | 'down' | 'recovering' | 'back' | 'across the kill';
const PHASES = ['up', 'across the kill', 'down', 'recovering', 'back'] as const;

export interface Timeline {
  killAt: number;
  deadAt: number;
  restartAt: number;
  recoveredAt: number;
}

/** One request as the client saw it, with the proxy's own time for it (audit `durationMs`). */
export interface Timed {
  start: number;
  end: number;
  ms: number;
  status: number;
  requestId: string | undefined;
}

function phaseOf(s: { start: number; end: number }, t: Timeline): Phase {
  if (s.end < t.killAt) return 'up';
  if (s.start >= t.deadAt && s.start < t.restartAt) return 'down';
  if (s.start >= t.restartAt && s.start < t.recoveredAt) return 'recovering';
  if (s.start >= t.recoveredAt) return 'back';
  return 'across the kill';
}

/**
 * Event-loop delay of this process per phase: clients and proxies share the process, so a client
 * latency well above the proxy's own time is time spent waiting for the CPU, not for Redis.
 */
export function loopDelay() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const byPhase = new Map<string, { p99: number; max: number }>();
  return {
    /** Ends the phase that was running (`up` at the kill, `down` at the restart, ...). */
    end(phase: 'up' | 'down' | 'recovering' | 'back') {
      byPhase.set(phase, {
        p99: Math.round(histogram.percentile(99) / 1e6),
        max: Math.round(histogram.max / 1e6),
      });
      histogram.reset();
    },
    get: (phase: string) => byPhase.get(phase),
    stop: () => histogram.disable(),
  };
}

const cell = (value: number, width = 5) => String(value).padStart(width);

export function report(
  title: string,
  samples: readonly Timed[],
  t: Timeline,
  audit: readonly AuditEvent[],
  loop: ReturnType<typeof loopDelay>,
) {
  const serverMs = new Map(audit.map((e) => [e.requestId, e.durationMs]));
  console.log(`\n${title}`);
  console.log(
    `  recovery: ${Math.round(t.recoveredAt - t.restartAt)} ms from restart to health() ok`,
  );
  console.log(
    '  phase            requests  statuses                  client p50   p90   p99   max | proxy p50   p99   max | loop p99   max (ms)',
  );
  for (const phase of PHASES) {
    const some = samples.filter((s) => phaseOf(s, t) === phase);
    if (some.length === 0) continue;
    const client = summarize(some as unknown as Sample[]);
    const own = summarize(
      some.flatMap((s) => {
        const ms = serverMs.get(s.requestId ?? '');
        return ms === undefined ? [] : [{ ms } as Sample];
      }),
    );
    const statuses = Object.entries(client.statuses)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    const delay = loop.get(phase);
    console.log(
      `  ${phase.padEnd(16)} ${cell(some.length, 8)}  ${statuses.padEnd(24)} ${cell(client.p50, 10)} ${cell(client.p90)} ${cell(client.p99)} ${cell(client.max)} | ${cell(own.p50, 9)} ${cell(own.p99)} ${cell(own.max)} | ${delay ? `${cell(delay.p99, 8)} ${cell(delay.max)}` : `${'-'.padStart(8)} ${'-'.padStart(5)}`}`,
    );
  }
}
