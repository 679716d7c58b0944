import type { ReactNode } from 'react';
import { AreaContext } from './page.js';
import { Link, usePathname } from './router.js';
import type { SessionUser } from './session.js';

const ROLE_LABEL = {
  'front-desk': 'Front desk',
  practitioner: 'Practitioner',
  patient: 'Patient portal',
};

export function Layout({
  user,
  onSignOut,
  children,
}: {
  user: SessionUser;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const links =
    user.role === 'patient'
      ? [{ to: '/portal', label: 'My record' }]
      : [
          { to: '/patients', label: 'Patients' },
          { to: '/schedule', label: 'Schedule' },
        ];
  return (
    <div className="demo-shell">
      <header className="demo-header">
        <span className="demo-brand">Clinik front desk</span>
        <nav aria-label="Main">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} aria-current={pathname.startsWith(link.to) ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="demo-user">
          <span>
            {user.name} · {ROLE_LABEL[user.role]}
          </span>
          <button type="button" className="ck-button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="demo-main">
        <AreaContext.Provider value={ROLE_LABEL[user.role]}>{children}</AreaContext.Provider>
      </main>
    </div>
  );
}
