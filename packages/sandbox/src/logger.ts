/** One line per request: no bodies, keys or query values ever reach it. */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  /** Route template, e.g. `/v1/patients/:id`. */
  route: string;
  status: number;
  durationMs: number;
  /** Set on 5xx: the error class only, never its message (it may hold data). */
  error?: string;
}

export interface SandboxLogger {
  request(entry: RequestLogEntry): void;
  /** Startup and lifecycle messages (the CLI prints them). */
  info(message: string, fields?: Record<string, string | number | boolean>): void;
}

/** Writes JSON lines to a stream (stdout by default). */
export function jsonLineLogger(write: (line: string) => void = (l) => process.stdout.write(l)) {
  const emit = (fields: Record<string, unknown>) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
  return {
    request: (entry) => emit({ level: 'info', msg: 'request', ...entry }),
    info: (message, fields) => emit({ level: 'info', msg: message, ...fields }),
  } satisfies SandboxLogger;
}

/** Logs nothing: the default for programmatic use and tests. */
export const silentLogger: SandboxLogger = { request() {}, info() {} };
