import { useEffect, useState } from 'react';
import { usePage } from '../page.js';
import { type SessionUser, sessionApi } from '../session.js';

const BUTTON_LABEL = {
  'front-desk': 'Sign in as front desk',
  practitioner: 'Sign in as practitioner',
  patient: 'Sign in as patient',
};

const ROLE_HELP = {
  'front-desk': 'Full access: find, edit and register patients, book and cancel appointments.',
  practitioner: 'Read-only: the schedule and patient records.',
  patient: 'The patient portal: only their own record and appointments.',
};

export function SignInPage({ onSignIn }: { onSignIn: (userId: string) => Promise<void> }) {
  const [users, setUsers] = useState<SessionUser[]>([]);
  const [error, setError] = useState<string | null>(null);
  const heading = usePage('Sign in');
  useEffect(() => {
    sessionApi.users().then(setUsers, () => setError('Could not reach the demo server.'));
  }, []);
  return (
    <main className="demo-signin">
      <h1 ref={heading} tabIndex={-1}>
        Clinik front desk
      </h1>
      <p>
        A demo of <code>@clinikapi/react</code> and <code>@clinikapi/proxy</code>: this browser
        never holds an API key. Pick a demo user; a real app uses its own sign-in.
      </p>
      {error && <p role="alert">{error}</p>}
      <ul className="demo-signin-users">
        {users.map((user) => (
          <li key={user.id}>
            <button
              type="button"
              className="ck-button ck-button--primary"
              onClick={() => onSignIn(user.id).catch(() => setError('Sign-in failed. Try again.'))}
            >
              {BUTTON_LABEL[user.role]}
            </button>
            <span>
              {user.name}: {ROLE_HELP[user.role]}
            </span>
          </li>
        ))}
      </ul>
    </main>
  );
}
