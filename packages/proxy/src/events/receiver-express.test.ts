import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook } from '@clinikapi/core';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeReceiver } from '../test/node-events.js';
import { MemoryDedupeStore, MemoryEventBus } from './memory.js';
import { createWebhookReceiver } from './receiver.js';

const SECRET = 'whsec_express';
const event = {
  id: 'evt_express_1',
  event: 'patient.created',
  timestamp: new Date().toISOString(),
  data: {
    resourceType: 'patient',
    resourceId: 'p1',
    action: 'created',
    tenantId: 'o',
    environment: 'test',
  },
} as const;

let server: Server;
let base: string;
beforeAll(async () => {
  const app = express();
  const receiver = () =>
    createWebhookReceiver({
      secrets: [SECRET],
      bus: new MemoryEventBus(),
      dedupe: new MemoryDedupeStore(),
    });
  // A common app setup: a JSON parser for the whole app, mounted before everything else.
  const keepRaw = express.json({
    verify: (req, _res, buf) => {
      (req as { rawBody?: Buffer }).rawBody = Buffer.from(buf);
    },
  });
  const plainReceiver = receiver();
  const rawReceiver = receiver();
  app.post('/plain', express.json(), (req, res) => void nodeReceiver(plainReceiver)(req, res));
  app.post('/kept', keepRaw, (req, res) => void nodeReceiver(rawReceiver)(req, res));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('webhook receiver behind express.json()', () => {
  it('verifies with the raw bytes an app kept in req.rawBody', async () => {
    const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
    const response = await fetch(`${base}/kept`, { method: 'POST', body, headers });
    expect(response.status).toBe(200);
  });

  it('explains the setup problem instead of failing every signature', async () => {
    const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
    const response = await fetch(`${base}/plain`, { method: 'POST', body, headers });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'BODY_ALREADY_PARSED' });
  });
});
