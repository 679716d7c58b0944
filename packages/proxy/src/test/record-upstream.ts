import type { UpstreamHandler } from './fake-upstream.js';
import { envelope, sendJson } from './fake-upstream.js';

/** Records the fake upstream serves: two patients and one appointment each. */
export const RECORDS: Record<string, Record<string, Record<string, unknown>>> = {
  patients: {
    pat_a: { id: 'pat_a', firstName: 'Ann' },
    pat_b: { id: 'pat_b', firstName: 'Bob' },
  },
  appointments: {
    apt_a: { id: 'apt_a', patientId: 'pat_a', practitionerId: 'doc_1', status: 'booked' },
    apt_b: { id: 'apt_b', patientId: 'pat_b', practitionerId: 'doc_2', status: 'booked' },
  },
  practitioners: { doc_1: { id: 'doc_1', firstName: 'Dee' } },
};

/** A tiny CRUD upstream over {@link RECORDS} (searches honour `patientId`). */
export const recordHandler: UpstreamHandler = (req, res) => {
  const url = new URL(req.url, 'http://upstream');
  const [, , resource = '', id] = url.pathname.split('/');
  const table = RECORDS[resource] ?? {};
  if (id === undefined && req.method === 'GET') {
    const patientId = url.searchParams.get('patientId');
    const data = Object.values(table).filter((r) => !patientId || r.patientId === patientId);
    sendJson(res, 200, envelope({ data, total: data.length, cursor: null, hasMore: false }));
    return;
  }
  if (id === undefined) {
    sendJson(res, 201, envelope({ id: 'new_1', ...JSON.parse(req.body || '{}') }, 201));
    return;
  }
  const record = table[id];
  if (!record) {
    sendJson(res, 404, { error: 'NOT_FOUND', message: 'Resource not found', code: '404' });
    return;
  }
  if (req.method === 'DELETE') {
    res.writeHead(204).end();
    return;
  }
  const body = req.method === 'PATCH' ? { ...record, ...JSON.parse(req.body || '{}') } : record;
  sendJson(res, 200, envelope(body));
};
