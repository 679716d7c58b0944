import { NextResponse } from 'next/server';
import { SESSION_COOKIE, sessionCookieValue } from '../../../lib/session';

// Demo sign-in (one button, one user); a real app signs in with its identity provider.
export function POST() {
  // A relative Location: behind a proxy or on 127.0.0.1, request.url may name another host.
  const response = new NextResponse(null, { status: 303, headers: { location: '/' } });
  response.cookies.set(SESSION_COOKIE, sessionCookieValue(), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
  });
  return response;
}
