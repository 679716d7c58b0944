// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClinikProvider, clinikQueries, PatientCard, PatientForm, PatientList } from './index.js';
import { makePatient } from './test/fixtures.js';

// Server rendering (Next.js, Remix): importing the package and rendering must not touch
// `window`, and data prefetched with the same query options must render without a request.
describe('server rendering', () => {
  it('has no browser globals here, and renders every component to HTML', () => {
    expect(typeof window).toBe('undefined');
    const queryClient = new QueryClient();
    const patient = makePatient(0);
    queryClient.setQueryData(clinikQueries.patients.list({ count: 20 }).queryKey, {
      data: [patient],
      total: 1,
      cursor: null,
      hasMore: false,
    });
    const html = renderToString(
      <ClinikProvider
        baseUrl="http://127.0.0.1:1/api/clinik"
        queryClient={queryClient}
        timeZone="UTC"
        now={() => new Date('2026-06-15T12:00:00Z')}
      >
        <PatientList />
        <PatientForm />
        <PatientCard patient={patient} />
      </ClinikProvider>,
    );
    expect(html).toContain('aria-label="Patients"');
    expect(html).toContain('Ada Lovelace');
    expect(html).toContain('Save patient');
    expect(html).toContain('data-state="ready"');
  });
});
