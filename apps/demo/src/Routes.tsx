import { ChartPage } from './pages/ChartPage.js';
import { NewPatientPage } from './pages/NewPatientPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PatientPage } from './pages/PatientPage.js';
import { PatientsPage } from './pages/PatientsPage.js';
import { PortalPage } from './pages/PortalPage.js';
import { SchedulePage } from './pages/SchedulePage.js';
import { matchPath, navigate, usePathname } from './router.js';
import type { SessionUser } from './session.js';

export function Routes({ user }: { user: SessionUser }) {
  const pathname = usePathname();
  if (user.role === 'patient') {
    if (pathname === '/portal' || pathname === '/')
      return <PortalPage patientId={user.patientId ?? ''} />;
    return <NotFoundPage />;
  }
  if (pathname === '/') {
    queueMicrotask(() =>
      navigate(user.role === 'practitioner' ? '/schedule' : '/patients', { replace: true }),
    );
    return null;
  }
  if (pathname === '/patients') return <PatientsPage canCreate={user.role === 'front-desk'} />;
  if (pathname === '/patients/new' && user.role === 'front-desk') return <NewPatientPage />;
  const chart = matchPath('/patients/:id/chart', pathname);
  if (chart?.id) return <ChartPage patientId={chart.id} canEdit={user.role === 'front-desk'} />;
  const patient = matchPath('/patients/:id', pathname);
  if (patient?.id)
    return <PatientPage patientId={patient.id} canEdit={user.role === 'front-desk'} />;
  if (pathname === '/schedule') return <SchedulePage />;
  return <NotFoundPage />;
}
