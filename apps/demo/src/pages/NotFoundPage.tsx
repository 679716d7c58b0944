import { Link } from '../router.js';

export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found">
      <h1 id="not-found">Page not found</h1>
      <p>
        There is nothing here, or you may not see it. <Link to="/">Go to the start page</Link>.
      </p>
    </section>
  );
}
