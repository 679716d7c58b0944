export type Role = 'front-desk' | 'practitioner' | 'patient';

export interface SessionUser {
  id: string;
  role: Role;
  name: string;
  patientId?: string;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`Request failed (${response.status})`);
  return (await response.json()) as T;
}

export const sessionApi = {
  me: async (): Promise<SessionUser | null> => {
    const response = await fetch('/auth/me', { credentials: 'same-origin' });
    if (response.status === 401) return null;
    return (await json<{ user: SessionUser }>(response)).user;
  },
  /** Whether the server streams live updates (it has a webhook secret). */
  live: async () => (await json<{ live: boolean }>(await fetch('/auth/config'))).live,
  users: async () => (await json<{ users: SessionUser[] }>(await fetch('/auth/users'))).users,
  signIn: async (userId: string) =>
    (
      await json<{ user: SessionUser }>(
        await fetch('/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId }),
        }),
      )
    ).user,
  signOut: async () => {
    await fetch('/auth/logout', { method: 'POST' });
  },
};
