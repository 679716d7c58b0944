import { ClinikProvider } from '@clinikapi/react';
import { useCallback, useEffect, useState } from 'react';
import { Announcer } from './announce.js';
import { Layout } from './Layout.js';
import { SignInPage } from './pages/SignInPage.js';
import { Routes } from './Routes.js';
import { navigate } from './router.js';
import { type SessionUser, sessionApi } from './session.js';

/** The practice's time zone: every time on screen is shown in it, whatever the browser's zone. */
export const PRACTICE_TIME_ZONE = 'America/New_York';

export function App() {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [live, setLive] = useState(false);

  useEffect(() => {
    sessionApi.me().then(setUser, () => setUser(null));
    sessionApi.live().then(setLive, () => setLive(false));
  }, []);

  const signIn = useCallback(async (userId: string) => {
    const signedIn = await sessionApi.signIn(userId);
    setUser(signedIn);
    navigate(
      signedIn.role === 'patient'
        ? '/portal'
        : signedIn.role === 'practitioner'
          ? '/schedule'
          : '/patients',
      {
        replace: true,
      },
    );
  }, []);

  const signOut = useCallback(async () => {
    await sessionApi.signOut();
    setUser(null);
    navigate('/', { replace: true });
  }, []);

  return (
    <>
      {/* First and always mounted: a live region must exist before it speaks. */}
      <Announcer />
      {user === undefined ? (
        <p className="demo-loading">Loading…</p>
      ) : user === null ? (
        <SignInPage onSignIn={signIn} />
      ) : (
        // key: a new sign-in starts with an empty cache, so no data of the previous user remains.
        <ClinikProvider
          key={user.id}
          baseUrl="/api/clinik"
          timeZone={PRACTICE_TIME_ZONE}
          locale="en-US"
          live={live}
        >
          <Layout user={user} onSignOut={signOut}>
            <Routes user={user} />
          </Layout>
        </ClinikProvider>
      )}
    </>
  );
}
