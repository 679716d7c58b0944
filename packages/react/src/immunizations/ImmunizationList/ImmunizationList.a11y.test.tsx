import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithClient } from '../../test/renderWithClient.js';
import { newPatient, recordImmunization, sandboxUrl } from '../test/sandboxChart.js';
import { ImmunizationList } from './ImmunizationList.js';

// The list kit's Retry (ListStatus + LoadFailed) against the real sandbox: the first request for
// the list fails as an offline moment would (at the HTTP boundary), the retry reaches the sandbox.
describe('ImmunizationList Retry (list kit)', () => {
  it('moves focus from Retry to the status message, which says loading, then what loaded', async () => {
    const patient = await newPatient('Retry');
    await recordImmunization(patient.id);
    let failures = 1;
    const flaky: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/immunizations') && failures > 0) {
        failures -= 1;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      // The retry is slow, so "while loading again" can be observed.
      return new Promise((resolve) => setTimeout(resolve, 400)).then(() => fetch(input, init));
    };
    const { user } = renderWithClient(<ImmunizationList patientId={patient.id} />, {
      baseUrl: sandboxUrl(),
      clientOptions: { fetch: flaky, retries: 0 },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the immunizations.');
    const retry = within(alert).getByRole('button', { name: 'Retry' });
    retry.focus();
    await user.keyboard('{Enter}');
    // The alert gives way to loading at once: focus is on the status message, not on <body>.
    const status = document.querySelector('.ck-list-status');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.textContent).toBe('Loading immunizations…');
    await waitFor(() => expect(status?.textContent).toBe('1 immunization.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(status);
  });
});
