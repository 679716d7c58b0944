import { createClinikClient } from '@clinikapi/core';

// The README's client block (also compiled with exactOptionalPropertyTypes: see typetests/exact-optional).
// On a server, with the secret key:
export const clinik = createClinikClient({
  baseUrl: 'https://api.clinikapi.com',
  apiKey: process.env.CLINIKAPI_SECRET_KEY,
});
// In a browser, through your same-origin proxy (no key, ever):
export const browserClient = createClinikClient({ baseUrl: '/api/clinik' });
