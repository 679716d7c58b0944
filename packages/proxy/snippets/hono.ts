import { clinikFetchProxy, jwtAuth, readOnly } from '@clinikapi/proxy';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const proxy = clinikFetchProxy({
  target: process.env.CLINIKAPI_URL,
  apiKey: process.env.CLINIKAPI_SECRET_KEY,
  authenticate: jwtAuth({
    jwksUrl: 'https://auth.example.com/.well-known/jwks.json',
    issuer: 'https://auth.example.com/',
    audience: 'clinic-app',
  }),
  authorize: readOnly(),
  mountPath: '/api/clinik',
});

const app = new Hono();
app.all('/api/clinik/*', (c) => proxy.fetch(c.req.raw));
serve({ fetch: app.fetch, port: 3000 });
