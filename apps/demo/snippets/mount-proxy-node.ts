import { createServer } from 'node:http';
import { clinikProxy, jwtAuth, readOnly } from '@clinikapi/proxy';

// Plain node:http with bearer tokens: a read-only proxy for a reporting tool.
const proxy = clinikProxy({
  target: 'https://api.clinikapi.com',
  apiKey: () => process.env.CLINIKAPI_SECRET_KEY ?? '', // read per request: rotate without a restart
  authenticate: jwtAuth({
    jwksUrl: 'https://auth.example.com/.well-known/jwks.json',
    issuer: 'https://auth.example.com/',
    audience: 'clinic-app',
  }),
  authorize: readOnly(),
  mountPath: '/api/clinik',
});
createServer((req, res) => proxy(req, res)).listen(3000);
