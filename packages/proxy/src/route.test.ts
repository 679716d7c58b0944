import { describe, expect, it } from 'vitest';
import { parseTarget } from './route.js';

const options = { enableFhir: false, enableBulk: false, urlLength: 2048 };
const parse = (url: string, method = 'GET', opts = options) => parseTarget(url, method, opts);

describe('parseTarget', () => {
  it('accepts registered collection and item routes and rebuilds the path', () => {
    expect(parse('/v1/patients?name=ann&count=5')).toEqual({
      route: {
        kind: 'resource',
        resource: 'patients',
        id: undefined,
        template: '/v1/patients',
        path: '/v1/patients',
      },
      query: { name: 'ann', count: '5' },
    });
    const item = parse('/v1/care-plans/cp_1.a-b', 'PATCH');
    expect(item).toMatchObject({
      route: { resource: 'care-plans', id: 'cp_1.a-b', template: '/v1/care-plans/:id' },
    });
  });

  it.each([
    '/v1/patients/../../admin',
    '/v1/patients/./x',
    '/v1/%2e%2e/admin',
    '/v1/patients/%2E%2E',
    '/v1/patients/..%2f..%2fadmin',
    '/v1/patients/a%2Fb',
    '/v1/patients/a%5cb',
    '/v1/patients\\..\\admin',
    '/v1/patients/%252e%252e',
    '/v1//patients',
    '/v1/patients/',
    '//evil.example/x',
    'http://evil.example/v1/patients',
    '*',
    '/v1/patients/%00',
    '/v1/patients/a%0Ab',
    '/v1/patients/a%20b',
    '/v1/patients/%zz',
    '/v1/patients/é',
    `/v1/patients/${'a'.repeat(129)}`,
    `/v1/patients?name=${'a'.repeat(2100)}`,
  ])('rejects %s with 400', (url) => {
    expect(parse(url)).toMatchObject({ status: 400, error: 'BAD_REQUEST' });
  });

  it.each([
    '/v2/patients',
    '/admin',
    '/v1',
    '/v1/unknown',
    '/v1/patients/p1/history',
    '/v1/fhir/Patient',
    '/v1/bulk/export',
    '/health',
  ])('answers 404 for the unregistered route %s', (url) => {
    expect(parse(url, url.includes('bulk') ? 'POST' : 'GET')).toMatchObject({
      status: 404,
      error: 'NOT_FOUND',
    });
  });

  it('enables FHIR passthrough and bulk only when asked', () => {
    const enabled = { ...options, enableFhir: true, enableBulk: true };
    expect(parse('/v1/fhir/Patient/p1', 'PUT', enabled)).toMatchObject({
      route: { kind: 'fhir', id: 'Patient/p1', template: '/v1/fhir/Patient/:id' },
    });
    expect(parse('/v1/bulk/export', 'POST', enabled)).toMatchObject({ route: { kind: 'bulk' } });
    expect(parse('/v1/bulk/jobs/job_1', 'GET', enabled)).toMatchObject({
      route: { template: '/v1/bulk/jobs/:id' },
    });
    expect(parse('/v1/fhir/patient', 'GET', enabled)).toMatchObject({ status: 404 });
  });

  it('answers 405 with the allowed methods', () => {
    expect(parse('/v1/patients', 'DELETE')).toMatchObject({ status: 405, allow: ['GET', 'POST'] });
    expect(parse('/v1/patients/p1', 'PUT')).toMatchObject({ status: 405 });
  });

  it('accepts only the resource search parameters, once each, and none on items', () => {
    expect(parse('/v1/appointments?patientId=p1&practitionerId=d1&cursor=c')).toMatchObject({
      query: { patientId: 'p1', practitionerId: 'd1', cursor: 'c' },
    });
    expect(parse('/v1/appointments?evil=1')).toMatchObject({ status: 400 });
    expect(parse('/v1/appointments?patientId=a&patientId=b')).toMatchObject({ status: 400 });
    expect(parse('/v1/patients/p1?x=1')).toMatchObject({ status: 400 });
    expect(parse('/v1/patients?name=a%00b')).toMatchObject({ status: 400 });
  });

  it('never echoes submitted values in messages', () => {
    const result = parse('/v1/patients?name=SECRET%00VALUE');
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });
});
