import { clinikProxy, staff } from '@clinikapi/proxy';
import { redisStores } from '@clinikapi/proxy/redis';
import express from 'express';
import { Redis } from 'ioredis';

interface AppUser {
  id: string;
  role: string;
}
declare function userFromSession(req: express.Request): AppUser | null;

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  enableOfflineQueue: false, // fail at once while disconnected instead of running commands late
  maxRetriesPerRequest: 1, // a command caught by a dropped connection fails at the first retry
  connectTimeout: 2000, // give up a connection attempt to an unreachable host after 2 s, then retry
});
redis.on('error', () => {}); // the proxy logs one warning per outage (store, error class, code)
const stores = redisStores({ client: redis });

const app = express();
const proxy = clinikProxy<AppUser, express.Request>({
  target: process.env.CLINIKAPI_URL,
  apiKey: process.env.CLINIKAPI_SECRET_KEY,
  authenticate: (req) => userFromSession(req),
  authorize: staff(),
  rateLimit: { store: stores.rateLimit }, // storeFailure: 'open' by default, or 'closed'
  events: { webhookSecret: process.env.CLINIKAPI_WEBHOOK_SECRET, store: stores },
  timeouts: { storeMs: 500 }, // the bound of every Redis call (the default)
});

// Readiness for the load balancer: 'degraded' (Redis down, the clinic keeps working) stays in.
app.get('/ready', async (_req, res) => {
  const health = await proxy.health();
  res.status(health.status === 'unavailable' ? 503 : 200).json(health);
});
app.use('/api/clinik', proxy);
app.listen(3000);
