import { clinikFetchProxy, staff } from '@clinikapi/proxy';

// Your auth, reading the Web Request.
declare function userFromRequest(req: Request): Promise<{ id: string } | null>;

// A plain fetch handler: Bun.serve({ fetch: proxy.fetch }), Deno.serve(proxy.fetch),
// Cloudflare-style `export default { fetch }`, or any framework that hands over a Request.
const proxy = clinikFetchProxy({
  target: process.env.CLINIKAPI_URL,
  apiKey: process.env.CLINIKAPI_SECRET_KEY,
  authenticate: userFromRequest,
  authorize: staff(),
  mountPath: '', // this server serves only the proxy: /v1/... at the root
});

export default { fetch: proxy.fetch };
