import { usePage } from '../page.js';
import { Link } from '../router.js';

export function NotFoundPage() {
  const heading = usePage('Page not found');
  return (
    <section aria-labelledby="not-found">
      <h1 id="not-found" ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p>
        There is nothing here, or you may not see it. <Link to="/">Go to the start page</Link>.
      </p>
    </section>
  );
}
