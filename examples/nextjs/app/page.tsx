import { cookies } from 'next/headers';
import { SESSION_COOKIE, userFromSession } from '../lib/session';
import { FrontDesk } from './front-desk';

export default async function Home() {
  const user = userFromSession((await cookies()).get(SESSION_COOKIE)?.value);
  if (!user) {
    return (
      <form method="post" action="/api/session">
        <h1>Front desk</h1>
        <button type="submit">Sign in as the front desk</button>
      </form>
    );
  }
  return (
    <>
      <h1>Front desk</h1>
      <FrontDesk />
    </>
  );
}
