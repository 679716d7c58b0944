import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const COOKIE = 'clinik_demo_sid';
const MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * A minimal server-side session: a random id in an HttpOnly, SameSite=Strict cookie mapping to a
 * user id in memory. SameSite=Strict keeps other sites from riding the session (CSRF).
 */
export class SessionStore {
  private readonly sessions = new Map<string, { userId: string; expiresAt: number }>();

  constructor(private readonly secureCookies: boolean) {}

  userIdOf(req: IncomingMessage): string | undefined {
    const sid = readCookie(req.headers.cookie, COOKIE);
    if (!sid) return undefined;
    const session = this.sessions.get(sid);
    if (!session) return undefined;
    if (session.expiresAt < Date.now()) {
      this.sessions.delete(sid);
      return undefined;
    }
    return session.userId;
  }

  start(res: ServerResponse, userId: string): void {
    const sid = randomBytes(32).toString('base64url');
    this.sessions.set(sid, { userId, expiresAt: Date.now() + MAX_AGE_SECONDS * 1000 });
    res.setHeader('set-cookie', this.cookie(sid, MAX_AGE_SECONDS));
  }

  end(req: IncomingMessage, res: ServerResponse): void {
    const sid = readCookie(req.headers.cookie, COOKIE);
    if (sid) this.sessions.delete(sid);
    res.setHeader('set-cookie', this.cookie('', 0));
  }

  private cookie(value: string, maxAge: number): string {
    const secure = this.secureCookies ? '; Secure' : '';
    return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
