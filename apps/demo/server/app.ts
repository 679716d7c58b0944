import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AuthorizeContext,
  clinikProxy,
  type ProxyLogger,
  patientPortal,
  readOnly,
  staff,
} from '@clinikapi/proxy';
import express from 'express';
import { SessionStore } from './sessions.js';
import { type DemoDirectory, type DemoUser, demoUsers } from './users.js';

export interface DemoAppOptions {
  /** Data API origin: the sandbox's URL or https://api.clinikapi.com. */
  target: string;
  /** The secret key; stays on this server. */
  apiKey: string;
  directory: DemoDirectory;
  /** Built UI (vite build output). When absent, only /auth and /api are served. */
  staticDir?: string;
  /** Mark the session cookie Secure (behind HTTPS). Defaults to false. */
  secureCookies?: boolean;
  logger?: ProxyLogger | false;
  /** Allow an http: target / test key when NODE_ENV=production (the local sandbox). Defaults to false. */
  localSandbox?: boolean;
  /** Enables live updates: the proxy receives webhooks signed with this secret. Defaults to off. */
  webhookSecret?: string | undefined;
}

const policies = {
  'front-desk': staff<DemoUser>(),
  practitioner: readOnly<DemoUser>(),
  patient: patientPortal<DemoUser>({ patientIdOf: (user) => user.patientId }),
};

/** Sign-in, the ClinikAPI proxy at /api/clinik, and the built UI; `close()` ends live streams. */
export function createDemoApp(
  options: DemoAppOptions,
): express.Express & { close(): Promise<void> } {
  const users = new Map(demoUsers(options.directory).map((u) => [u.id, u]));
  const sessions = new SessionStore(options.secureCookies ?? false);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    next();
  });

  app.get('/auth/users', (_req, res) => {
    res.json({ users: [...users.values()].map(({ id, role, name }) => ({ id, role, name })) });
  });
  app.post('/auth/login', express.json({ limit: '1kb' }), (req, res) => {
    const user = typeof req.body?.userId === 'string' ? users.get(req.body.userId) : undefined;
    if (!user) {
      res.status(400).json({ error: 'UNKNOWN_USER', message: 'Choose one of the demo users' });
      return;
    }
    sessions.start(res, user.id);
    res.json({ user });
  });
  app.post('/auth/logout', (req, res) => {
    sessions.end(req, res);
    res.status(204).end();
  });
  app.get('/auth/me', (req, res) => {
    const user = users.get(sessions.userIdOf(req) ?? '');
    if (!user) {
      res.status(401).json({ error: 'UNAUTHORIZED', message: 'Not signed in' });
      return;
    }
    res.json({ user });
  });

  const proxy = clinikProxy<DemoUser>({
    target: options.target,
    apiKey: options.apiKey,
    authenticate: (req) => users.get(sessions.userIdOf(req) ?? ''),
    authorize: (context: AuthorizeContext<DemoUser>) => policies[context.user.role](context),
    logger: options.logger,
    allowTestKeyInProduction: options.localSandbox,
    allowInsecureTargetInProduction: options.localSandbox,
    ...(options.webhookSecret ? { events: { webhookSecret: options.webhookSecret } } : {}),
  });
  app.use('/api/clinik', proxy);
  app.get('/auth/config', (_req, res) => {
    res.json({ live: Boolean(options.webhookSecret) });
  });

  const staticDir = options.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    app.use(express.static(staticDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/patients/p1, /schedule...) all load the app shell.
    app.get(/^\/(?!api\/|auth\/).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(staticDir, 'index.html'));
    });
  }
  return Object.assign(app, { close: () => proxy.close() });
}
