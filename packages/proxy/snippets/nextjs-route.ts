// app/api/clinik/[...path]/route.ts
import { clinikFetchProxy, staff } from '@clinikapi/proxy';
import type { NextRequest } from 'next/server';

interface AppUser {
  id: string;
}
// Your auth: Auth.js, Clerk, Supabase, a session cookie...
declare function userFromCookie(value: string | undefined): Promise<AppUser | null>;

// Options are checked at the first request: `next build` needs no key in the environment.
const proxy = clinikFetchProxy<AppUser, NextRequest>({
  target: process.env.CLINIKAPI_URL,
  apiKey: process.env.CLINIKAPI_SECRET_KEY,
  authenticate: (req) => userFromCookie(req.cookies.get('session')?.value),
  authorize: staff(),
  mountPath: '/api/clinik', // where this route file sits
});

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = proxy.handlers;
