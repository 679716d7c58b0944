import { createHmac, timingSafeEqual } from 'node:crypto';

/** The example's sign-in: one front-desk user, a cookie signed with SESSION_SECRET. */
export interface ExampleUser {
  id: string;
  role: 'front-desk';
}

export const SESSION_COOKIE = 'example_session';
const USER_ID = 'front-desk';

function secret(): string {
  const value = process.env.SESSION_SECRET;
  if (!value || value.length < 16) throw new Error('SESSION_SECRET must be set (16+ characters)');
  return value;
}

const sign = (value: string) => createHmac('sha256', secret()).update(value).digest('base64url');

/** The cookie value that signs the front-desk user in. */
export function sessionCookieValue(): string {
  return `${USER_ID}.${sign(USER_ID)}`;
}

/** The user a session cookie names, or null (tampered, absent). */
export function userFromSession(value: string | undefined): ExampleUser | null {
  if (!value) return null;
  const [id, mac] = value.split('.');
  if (id !== USER_ID || !mac) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { id, role: 'front-desk' };
}
