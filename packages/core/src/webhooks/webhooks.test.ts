import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook } from './sign.js';
import type { WebhookEvent } from './types.js';
import { verifyWebhook } from './verify.js';

const SECRET = 'whsec_test_primary';
const NOW = 1_790_000_000;
const event: WebhookEvent = {
  id: 'evt_1',
  event: 'appointment.created',
  timestamp: '2026-09-21T00:00:00.000Z',
  data: {
    resourceType: 'appointment',
    resourceId: 'a1',
    action: 'created',
    tenantId: 'org_1',
    environment: 'test',
  },
};

const sign = (secret: string | string[] = SECRET, timestamp = NOW) =>
  signWebhook({ payload: event, secret, timestamp, deliveryId: 'dlv_1' });

describe('signWebhook', () => {
  it('produces the documented headers, checkable with a plain HMAC', async () => {
    const { body, headers } = await sign();
    const v1 = createHmac('sha256', SECRET).update(`${NOW}.${body}`).digest('hex');
    const legacy = createHmac('sha256', SECRET).update(body).digest('hex');
    expect(headers).toMatchObject({
      'x-clinik-event': 'appointment.created',
      'x-clinik-delivery-id': 'dlv_1',
      'x-clinik-timestamp': String(NOW),
      'x-clinik-signature': legacy,
      'x-clinik-signature-v2': `t=${NOW},v1=${v1}`,
    });
  });

  it('adds one v1= per secret during rotation', async () => {
    const { headers } = await sign(['new', 'old']);
    expect(headers['x-clinik-signature-v2']?.match(/v1=/g)).toHaveLength(2);
  });
});

describe('verifyWebhook', () => {
  it('accepts a genuine delivery and returns the event', async () => {
    const { body, headers } = await sign();
    await expect(
      verifyWebhook({ rawBody: body, headers, secret: SECRET, now: NOW + 10 }),
    ).resolves.toEqual(event);
  });

  it('accepts bytes, Fetch Headers and mixed-case header names', async () => {
    const { body, headers } = await sign();
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    const bytes = new TextEncoder().encode(body);
    await expect(
      verifyWebhook({ rawBody: bytes, headers: upper, secret: SECRET, now: NOW }),
    ).resolves.toEqual(event);
    await expect(
      verifyWebhook({ rawBody: body, headers: new Headers(headers), secret: SECRET, now: NOW }),
    ).resolves.toEqual(event);
  });

  it('accepts any of several secrets and any of several v1 values (rotation)', async () => {
    const signedWithOld = await sign('old-secret');
    await expect(
      verifyWebhook({
        ...signedWithOld,
        rawBody: signedWithOld.body,
        secrets: ['new-secret', 'old-secret'],
        now: NOW,
      }),
    ).resolves.toEqual(event);
    const signedWithBoth = await sign(['new-secret', 'old-secret']);
    await expect(
      verifyWebhook({
        rawBody: signedWithBoth.body,
        headers: signedWithBoth.headers,
        secret: 'new-secret',
        now: NOW,
      }),
    ).resolves.toEqual(event);
  });

  it('rejects a forged signature', async () => {
    const { body, headers } = await sign('attacker-secret');
    await expect(
      verifyWebhook({ rawBody: body, headers, secret: SECRET, now: NOW }),
    ).rejects.toMatchObject({
      code: 'ERR_CLINIK_WEBHOOK_SIGNATURE_MISMATCH',
    });
  });

  it('rejects a tampered body (one changed byte)', async () => {
    const { body, headers } = await sign();
    const tampered = body.replace('"a1"', '"a2"');
    await expect(
      verifyWebhook({ rawBody: tampered, headers, secret: SECRET, now: NOW }),
    ).rejects.toMatchObject({
      code: 'ERR_CLINIK_WEBHOOK_SIGNATURE_MISMATCH',
    });
  });

  it('rejects a replay with the old timestamp swapped for a fresh one', async () => {
    const { body, headers } = await sign();
    const v2 = headers['x-clinik-signature-v2']?.replace(`t=${NOW}`, `t=${NOW + 1000}`) ?? '';
    await expect(
      verifyWebhook({
        rawBody: body,
        headers: { ...headers, 'x-clinik-signature-v2': v2 },
        secret: SECRET,
        now: NOW + 1000,
      }),
    ).rejects.toMatchObject({ code: 'ERR_CLINIK_WEBHOOK_SIGNATURE_MISMATCH' });
  });

  it('rejects stale and future timestamps outside the tolerance', async () => {
    const { body, headers } = await sign();
    await expect(
      verifyWebhook({ rawBody: body, headers, secret: SECRET, now: NOW + 301 }),
    ).rejects.toMatchObject({
      code: 'ERR_CLINIK_WEBHOOK_TIMESTAMP_TOO_OLD',
    });
    await expect(
      verifyWebhook({ rawBody: body, headers, secret: SECRET, now: NOW - 301 }),
    ).rejects.toMatchObject({
      code: 'ERR_CLINIK_WEBHOOK_TIMESTAMP_IN_FUTURE',
    });
    await expect(
      verifyWebhook({
        rawBody: body,
        headers,
        secret: SECRET,
        now: NOW + 500,
        toleranceSeconds: 600,
      }),
    ).resolves.toEqual(event);
  });

  it('rejects missing and malformed signature headers', async () => {
    const { body, headers } = await sign();
    const { 'x-clinik-signature-v2': _, ...withoutV2 } = headers;
    await expect(
      verifyWebhook({ rawBody: body, headers: withoutV2, secret: SECRET, now: NOW }),
    ).rejects.toMatchObject({
      code: 'ERR_CLINIK_WEBHOOK_MISSING_SIGNATURE',
    });
    for (const bad of [
      'v1=abc',
      `t=${NOW}`,
      `t=${NOW},t=${NOW},v1=${'a'.repeat(64)}`,
      't=soon,v1=00',
    ]) {
      await expect(
        verifyWebhook({
          rawBody: body,
          headers: { 'x-clinik-signature-v2': bad },
          secret: SECRET,
          now: NOW,
        }),
      ).rejects.toMatchObject({ code: 'ERR_CLINIK_WEBHOOK_MALFORMED_SIGNATURE' });
    }
  });

  it('accepts the legacy header only when explicitly allowed', async () => {
    const { body, headers } = await sign();
    const { 'x-clinik-signature-v2': _, ...legacyOnly } = headers;
    await expect(
      verifyWebhook({
        rawBody: body,
        headers: legacyOnly,
        secret: SECRET,
        allowLegacySignature: true,
      }),
    ).resolves.toEqual(event);
    await expect(
      verifyWebhook({
        rawBody: `${body} `,
        headers: legacyOnly,
        secret: SECRET,
        allowLegacySignature: true,
      }),
    ).rejects.toMatchObject({ code: 'ERR_CLINIK_WEBHOOK_SIGNATURE_MISMATCH' });
  });

  it('rejects a correctly signed body that is not an event', async () => {
    const signed = await signWebhook({
      payload: '{"hello":"world"}',
      secret: SECRET,
      timestamp: NOW,
    });
    await expect(
      verifyWebhook({ rawBody: signed.body, headers: signed.headers, secret: SECRET, now: NOW }),
    ).rejects.toMatchObject({ code: 'ERR_CLINIK_WEBHOOK_INVALID_PAYLOAD' });
  });

  it('needs a secret, and never mentions it in errors', async () => {
    const { body, headers } = await sign();
    await expect(verifyWebhook({ rawBody: body, headers, now: NOW })).rejects.toMatchObject({
      code: 'ERR_CLINIK_WEBHOOK_NO_SECRET',
    });
    const error = (await verifyWebhook({
      rawBody: body,
      headers,
      secret: 'whsec_other',
      now: NOW,
    }).catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('whsec_other');
    expect(error.message).not.toContain(SECRET);
  });
});
