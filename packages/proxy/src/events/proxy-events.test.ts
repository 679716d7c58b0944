import { request } from 'node:http';
import { signWebhook, type WebhookEvent } from '@clinikapi/core';
import { createSandbox, type Sandbox } from '@clinikapi/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinikProxyError } from '../errors.js';
import { patientPortal } from '../policies/policies.js';
import { clinikProxy } from '../proxy.js';
import { serve } from '../test/http.js';
import { headerAuth, type TestUser } from '../test/setup-proxy.js';

// Live updates through clinikProxy, against the real sandbox (owner lookups go upstream with the key).
const SECRET = 'whsec_proxy_events_test';
let sandbox: Sandbox;
let app: Awaited<ReturnType<typeof serve>>;
let proxy: ReturnType<typeof clinikProxy<TestUser>>;
const ids = { patientA: '', patientB: '', apptA: '', apptB: '', practitioner: '' };

beforeAll(async () => {
  sandbox = await createSandbox({ memory: true });
  const { url } = await sandbox.listen(0);
  const { key } = await sandbox.keys.create({ org: 'org_live', env: 'test', scope: '*' });
  const api = async (path: string, body: unknown) => {
    const res = await fetch(`${url}/v1/${path}`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as { data: { id: string } }).data.id;
  };
  ids.patientA = await api('patients', { firstName: 'Ann', lastName: 'Able' });
  ids.patientB = await api('patients', { firstName: 'Bob', lastName: 'Baker' });
  ids.apptA = await api('appointments', { status: 'booked', patientId: ids.patientA });
  ids.apptB = await api('appointments', { status: 'booked', patientId: ids.patientB });
  ids.practitioner = await api('practitioners', { firstName: 'Pat', lastName: 'Smith' });

  proxy = clinikProxy<TestUser>({
    target: url,
    apiKey: key,
    authenticate: headerAuth,
    // Staff see everything; a header names the portal user's patient.
    authorize: (ctx) =>
      ctx.user.patientId ? patientPortal<TestUser>({ patientIdOf: (u) => u.patientId })(ctx) : true,
    mountPath: '/api/clinik',
    logger: false,
    events: { webhookSecret: SECRET, heartbeatMs: 60_000 },
  });
  app = await serve((req, res) => proxy(req, res));
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await app?.close();
  await sandbox?.close();
});

function stream(headers: Record<string, string>) {
  let text = '';
  let status = 0;
  const req = request(`${app.url}/api/clinik/events`, { headers }, (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (c: string) => {
      text += c;
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    text: () => text,
    status: () => status,
    until: async (check: () => boolean) => {
      const deadline = Date.now() + 5000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`not reached; stream so far: ${text}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => req.destroy(),
  };
}

async function deliver(
  resourceType: string,
  resourceId: string,
  action: WebhookEvent['data']['action'] = 'updated',
) {
  const event: WebhookEvent = {
    id: `evt_${resourceType}_${resourceId}_${action}`,
    event: `${resourceType}.${action}`,
    timestamp: new Date().toISOString(),
    data: { resourceType, resourceId, action, tenantId: 'org_live', environment: 'test' },
  };
  const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
  return fetch(`${app.url}/api/clinik/webhooks`, { method: 'POST', body, headers });
}

describe('clinikProxy events', () => {
  it('refuses the stream without a signed-in user, and forged webhooks', async () => {
    expect((await fetch(`${app.url}/api/clinik/events`)).status).toBe(401);
    const forged = await signWebhook({
      payload: {
        id: 'evt_x',
        event: 'patient.updated',
        timestamp: '',
        data: {
          resourceType: 'patient',
          resourceId: 'x',
          action: 'updated',
          tenantId: 'o',
          environment: 'test',
        },
      },
      secret: 'whsec_not_the_secret',
    });
    const res = await fetch(`${app.url}/api/clinik/webhooks`, {
      method: 'POST',
      body: forged.body,
      headers: forged.headers,
    });
    expect(res.status).toBe(401);
  });

  it('tells each user only about records they may read', async () => {
    const staffStream = stream({ 'x-test-user': 'staff_1' });
    const portalStream = stream({ 'x-test-user': 'ann', 'x-test-patient': ids.patientA });
    await staffStream.until(() => staffStream.text().includes('retry:'));
    await portalStream.until(() => portalStream.text().includes('retry:'));

    for (const [type, id] of [
      ['appointment', ids.apptB],
      ['patient', ids.patientB],
      ['appointment', ids.apptA],
      ['patient', ids.patientA],
      ['practitioner', ids.practitioner],
    ] as const) {
      expect((await deliver(type, id)).status).toBe(200);
    }
    expect((await deliver('appointment', ids.apptB, 'deleted')).status).toBe(200);

    await staffStream.until(() =>
      staffStream.text().includes(`evt_appointment_${ids.apptB}_deleted`),
    );
    await portalStream.until(() => portalStream.text().includes(`"${ids.practitioner}"`));
    for (const id of [ids.apptA, ids.apptB, ids.patientA, ids.patientB, ids.practitioner]) {
      expect(staffStream.text()).toContain(`"${id}"`);
    }
    const portal = portalStream.text();
    expect(portal).toContain(`"${ids.apptA}"`);
    expect(portal).toContain(`"${ids.patientA}"`);
    expect(portal).not.toContain(ids.apptB);
    expect(portal).not.toContain(ids.patientB);
    staffStream.close();
    portalStream.close();
  });

  it('validates the events option at creation', () => {
    const base = {
      target: 'http://127.0.0.1:1',
      apiKey: 'clk_test_abcdefghijklmnop',
      authenticate: () => null,
      authorize: () => true,
    };
    expect(() => clinikProxy({ ...base, events: {} })).toThrow(ClinikProxyError);
    expect(() =>
      clinikProxy({ ...base, events: { webhookSecret: SECRET, heartbeatMS: 5 } as never }),
    ).toThrow(/did you mean "heartbeatMs"/);
  });

  it('ends open streams on close()', async () => {
    const local = clinikProxy<TestUser>({
      target: 'http://127.0.0.1:1',
      apiKey: 'clk_test_abcdefghijklmnop',
      authenticate: headerAuth,
      authorize: () => true,
      mountPath: '/api/clinik',
      logger: false,
      events: { webhookSecret: SECRET },
    });
    const server = await serve((req, res) => local(req, res));
    const ended = new Promise<void>((resolve) => {
      request(`${server.url}/api/clinik/events`, { headers: { 'x-test-user': 'u' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).end();
    });
    await new Promise((r) => setTimeout(r, 100));
    await local.close();
    await ended;
    await server.close();
  });
});
