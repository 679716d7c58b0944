import { clinikFetchProxy, staff } from '@clinikapi/proxy';
import type { NextRequest } from 'next/server';
import { type ExampleUser, SESSION_COOKIE, userFromSession } from './session';

// Created when the module loads, checked at the first request: `next build` needs no key.
// Against the local sandbox (CLINIK_EXAMPLE_SANDBOX=1) a test key over http is expected.
const sandbox = process.env.CLINIK_EXAMPLE_SANDBOX === '1';

export const proxy = clinikFetchProxy<ExampleUser, NextRequest>({
  target: process.env.CLINIKAPI_URL,
  apiKey: process.env.CLINIKAPI_SECRET_KEY,
  authenticate: (req) => userFromSession(req.cookies.get(SESSION_COOKIE)?.value),
  authorize: staff(),
  mountPath: '/api/clinik',
  events: { webhookSecret: process.env.CLINIKAPI_WEBHOOK_SECRET },
  allowTestKeyInProduction: sandbox,
  allowInsecureTargetInProduction: sandbox,
});
