import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClinikClient } from '@clinikapi/core';
import { createSandbox, type Sandbox } from '@clinikapi/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from './app.js';

let sandbox: Sandbox;
let server: Server;
let base: string;
let apiKey: string;
let portalPatientId: string;
let otherPatientId: string;

beforeAll(async () => {
  sandbox = await createSandbox({ memory: true });
  const { url } = await sandbox.listen(0);
  ({ key: apiKey } = await sandbox.keys.create({ org: 'org_demo_test', env: 'test', scope: '*' }));
  const admin = createClinikClient({ baseUrl: url, apiKey });
  portalPatientId = (await admin.patients.create({ firstName: 'Jordan', lastName: 'Rivera' })).id;
  otherPatientId = (await admin.patients.create({ firstName: 'Other', lastName: 'Person' })).id;
  await admin.appointments.create({
    status: 'booked',
    patientId: portalPatientId,
    start: '2030-01-02T10:00:00Z',
    end: '2030-01-02T10:30:00Z',
  });
  await admin.appointments.create({
    status: 'booked',
    patientId: otherPatientId,
    start: '2030-01-02T11:00:00Z',
    end: '2030-01-02T11:30:00Z',
  });
  const app = createDemoApp({ target: url, apiKey, directory: { portalPatientId }, logger: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 30_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await sandbox?.close();
});

async function signIn(userId: string): Promise<string> {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0] ?? '';
}

const api = (cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${base}/api/clinik/v1/${path}`, { ...init, headers: { cookie, ...init.headers } });

describe('demo server', () => {
  it('lists the demo users for the sign-in page and refuses unknown ones', async () => {
    const { users } = (await (await fetch(`${base}/auth/users`)).json()) as {
      users: Array<{ role: string }>;
    };
    expect(users.map((u) => u.role)).toEqual(['front-desk', 'practitioner', 'patient']);
    const response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'user_admin' }),
    });
    expect(response.status).toBe(400);
  });

  it('answers 401 to API calls without a session', async () => {
    const response = await fetch(`${base}/api/clinik/v1/patients`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'UNAUTHORIZED' });
  });

  it('lets the front desk search and create patients, and never returns the key', async () => {
    const cookie = await signIn('user_front_desk');
    const search = await api(cookie, 'patients?name=rivera');
    const text = await search.text();
    expect(search.status).toBe(200);
    expect(JSON.parse(text).data.data.map((p: { id: string }) => p.id)).toEqual([portalPatientId]);
    expect(text).not.toContain(apiKey);
    const created = await api(cookie, 'patients', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'New', lastName: 'Patient' }),
    });
    expect(created.status).toBe(201);
  });

  it('keeps the practitioner read-only', async () => {
    const cookie = await signIn('user_practitioner');
    expect((await api(cookie, 'patients')).status).toBe(200);
    const write = await api(cookie, 'patients', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'No', lastName: 'Way' }),
    });
    expect(write.status).toBe(403);
  });

  it('shows the patient-portal user only their own record and appointments', async () => {
    const cookie = await signIn('user_patient');
    expect((await api(cookie, `patients/${portalPatientId}`)).status).toBe(200);
    expect((await api(cookie, `patients/${otherPatientId}`)).status).toBe(404);
    const appointments = (await (
      await api(cookie, `appointments?patientId=${otherPatientId}`)
    ).json()) as {
      data: { data: Array<{ patientId: string }> };
    };
    expect(appointments.data.data.length).toBeGreaterThan(0);
    expect(appointments.data.data.every((a) => a.patientId === portalPatientId)).toBe(true);
  });

  it('refuses forged key and method-override headers from the browser', async () => {
    const cookie = await signIn('user_front_desk');
    const override = await api(cookie, 'patients', {
      headers: { 'x-http-method-override': 'DELETE' },
    });
    expect(override.status).toBe(400);
    expect(await override.json()).toMatchObject({ error: 'METHOD_OVERRIDE_REJECTED' });
    const forged = await api(cookie, 'patients', { headers: { 'x-api-key': 'clk_test_attacker' } });
    // The client's key never reaches the upstream (it would answer 401): the server's own key is used.
    expect(forged.status).toBe(200);
  });

  it('signs out', async () => {
    const cookie = await signIn('user_front_desk');
    await fetch(`${base}/auth/logout`, { method: 'POST', headers: { cookie } });
    expect((await api(cookie, 'patients')).status).toBe(401);
  });
});
