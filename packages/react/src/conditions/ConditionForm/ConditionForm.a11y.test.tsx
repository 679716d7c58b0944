import { createClinikClient } from '@clinikapi/core';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, inject, it } from 'vitest';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { ConditionForm } from './ConditionForm.js';

// Focus and announcements of a form built on the form kit (useResourceForm), against the real
// sandbox with a slow save: the same kit drives the allergy, immunization, prescription, vitals
// edit and patient forms.
const baseUrl = () => inject('sandboxProxyUrl');
const colleague = () => createClinikClient({ baseUrl: baseUrl(), retries: 0 });
const run = Date.now().toString(36);

describe('ConditionForm focus and announcements (form kit)', () => {
  it('keeps focus on Save while saving, then moves it to "Problem saved."', async () => {
    const patient = await colleague().patients.create({ firstName: 'Foc', lastName: `Us${run}` });
    const condition = await colleague().conditions.create({
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10', display: 'Hypertension' },
      patientId: patient.id,
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      category: 'problem-list-item',
    });
    const net = recordingFetch();
    net.delay('PATCH', /\/conditions\//, 600);
    const { user } = renderWithClient(
      <ConditionForm patientId={patient.id} conditionId={condition.id} />,
      { baseUrl: baseUrl(), clientOptions: { fetch: net.fetch } },
    );
    const status = screen.getByLabelText<HTMLSelectElement>('Clinical status');
    await waitFor(() => expect(status.value).toBe('active'));
    await user.selectOptions(status, 'inactive');
    const save = screen.getByRole('button', { name: 'Save problem' });
    save.focus();
    await user.keyboard('{Enter}');

    // Saving: the pressed button is aria-disabled, not disabled, so it keeps focus.
    const busy = await screen.findByRole('button', { name: 'Saving…' });
    expect(busy).toBe(save);
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(save.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(save);
    await user.keyboard('{Enter}'); // a second press sends nothing more

    const saved = await screen.findByText('Problem saved.');
    expect(saved.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(saved));
    expect(net.writes()).toHaveLength(1);
  });
});
