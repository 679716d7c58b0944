/**
 * The official ClinikAPI React widgets' protocol: one URL receives `{ action, data }` and the
 * server maps each action to a REST call. The proxy maps them onto its own routes, so every
 * action goes through the same authentication, policies, narrowing and audit as REST requests.
 */
export interface ActionRoute {
  method: 'GET' | 'POST' | 'PATCH';
  resource: string;
  /** `read`/`update` name a record (`data.id`); `search` sends `data` as query parameters. */
  kind: 'create' | 'read' | 'update' | 'search';
}

const create = (resource: string): ActionRoute => ({ method: 'POST', resource, kind: 'create' });

/** Every action the official widgets send. Anything else answers 400 `UNKNOWN_ACTION`. */
export const ACTIONS: ReadonlyMap<string, ActionRoute> = new Map([
  ['patients.create', create('patients')],
  ['patients.read', { method: 'GET', resource: 'patients', kind: 'read' }],
  ['patients.update', { method: 'PATCH', resource: 'patients', kind: 'update' }],
  ['patients.search', { method: 'GET', resource: 'patients', kind: 'search' }],
  ['appointments.create', create('appointments')],
  ['prescriptions.create', create('prescriptions')],
  ['notes.create', create('notes')],
  ['observations.create', create('observations')],
  ['labs.create', create('labs')],
  ['conditions.create', create('conditions')],
  ['allergies.create', create('allergies')],
  ['immunizations.create', create('immunizations')],
  ['care-plans.create', create('care-plans')],
  ['goals.create', create('goals')],
  ['intakes.submit', create('intakes')],
  ['consents.sign', create('consents')],
]);

/** The REST request an action stands for: a target for the router and, for writes, a body. */
export type ActionRequest =
  | { ok: true; action: string; method: string; target: string; body: Buffer | undefined }
  | { ok: false; status: 400; error: string; message: string };

const bad = (error: string, message: string): ActionRequest => ({
  ok: false,
  status: 400,
  error,
  message,
});

/**
 * Maps `{ action, data }` to a REST request. Ids and search parameters are not checked here:
 * the target goes through the same router (and its validation) as any request.
 * Messages never repeat what the client sent.
 */
export function mapAction(payload: unknown): ActionRequest {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return bad('BAD_REQUEST', 'Send { "action": "...", "data": { ... } }');
  }
  const { action, data = {} } = payload as { action?: unknown; data?: unknown };
  if (typeof action !== 'string') return bad('BAD_REQUEST', 'action must be a string');
  const route = ACTIONS.get(action);
  if (!route) return bad('UNKNOWN_ACTION', 'Unknown action');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return bad('BAD_REQUEST', 'data must be an object');
  }
  const fields = data as Record<string, unknown>;
  const base = `/v1/${route.resource}`;
  switch (route.kind) {
    case 'create':
      return { ok: true, action, method: 'POST', target: base, body: json(fields) };
    case 'search': {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined || value === null) continue;
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
          return bad('BAD_REQUEST', 'Search values must be strings, numbers or booleans');
        }
        query.append(key, String(value));
      }
      const search = query.toString();
      return {
        ok: true,
        action,
        method: 'GET',
        target: search ? `${base}?${search}` : base,
        body: undefined,
      };
    }
    case 'read':
    case 'update': {
      const { id, ...changes } = fields;
      if (typeof id !== 'string' || id === '') return bad('BAD_REQUEST', 'data.id is required');
      const target = `${base}/${encodeURIComponent(id)}`;
      return route.kind === 'read'
        ? { ok: true, action, method: 'GET', target, body: undefined }
        : { ok: true, action, method: 'PATCH', target, body: json(changes) };
    }
  }
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
