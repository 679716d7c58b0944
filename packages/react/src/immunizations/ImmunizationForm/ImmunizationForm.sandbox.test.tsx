import { etagOf, type Immunization } from '@clinikapi/core';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { chartSettings, colleague, newPatient } from '../../test/sandboxChart.js';
import { CVX, recordImmunization, TDAP } from '../test/sandboxChart.js';
import { ImmunizationForm } from './ImmunizationForm.js';

// What the immunization form sends is accepted and stored by the real sandbox behind the real
// proxy (CVX vaccine code, occurrence with the practice zone's offset, status), read back by a
// colleague; edits go onto the version the user read, and a colleague's save is never overwritten.
// The practice is in New York; "now" is 2026-06-15 14:00 UTC (10:00 EDT).

function render(ui: React.ReactElement, net = recordingFetch()) {
  return {
    ...renderWithClient(ui, chartSettings(net.fetch)),
    net,
  };
}

const input = (label: string) =>
  screen.getByLabelText<HTMLInputElement & HTMLSelectElement>(label, {
    selector: 'input,select,textarea',
  });
const save = () => screen.getByRole('button', { name: 'Save immunization' });
/** A stored record without what the server stamps on every write. */
const content = ({ updatedAt: _u, ...rest }: Immunization) => rest;

describe('ImmunizationForm against the sandbox: what is stored', () => {
  it('stores the CVX vaccine picked, given in winter at a New York time (EST offset), and nothing not entered', async () => {
    const patient = await newPatient('ImmCreate');
    const onSaved = vi.fn();
    const { user, net, container } = render(
      <ImmunizationForm patientId={patient.id} onSaved={onSaved} />,
    );
    // The vaccine picked from the CVX suggestions, as a user does.
    await user.click(input('Vaccine'));
    await user.keyboard('hepatitis b');
    await screen.findByRole('option', { name: /Hep B, adult/ });
    await user.click(screen.getByRole('option', { name: /Hep B, adult/ }));
    expect(input('Vaccine').value).toBe('Hep B, adult');
    await user.type(input('Date and time'), '2026-01-20T16:05');
    await user.type(input('Dose number'), '2');
    expect(input('Given by').value).toBe('');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(save());
    await screen.findByText('Immunization saved.');
    expect(net.statuses('POST').map(([, , status]) => status)).toEqual([201]);

    const [listed, ...more] = (await colleague().immunizations.search({ patientId: patient.id }))
      .data;
    expect(more).toEqual([]);
    const stored = await colleague().immunizations.read(listed?.id ?? '');
    // Exactly what was entered: no performer, lot, site or route invented.
    expect(stored).toEqual({
      id: expect.any(String),
      status: 'completed',
      vaccineCode: { system: CVX, code: '43', display: 'Hep B, adult' },
      patientId: patient.id,
      // 16:05 on the New York wall clock in January is 21:05 UTC.
      occurrenceDateTime: '2026-01-20T16:05:00-05:00',
      protocolApplied: [{ doseNumberPositiveInt: 2 }],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(onSaved).toHaveBeenCalledWith(stored);
  });
});

describe('ImmunizationForm against the sandbox: edits onto the version read', () => {
  it('corrects the date: sends only the occurrence, with If-Match of the version read; only that changes', async () => {
    const patient = await newPatient('ImmEdit');
    const given = await recordImmunization(patient.id);
    const before = await colleague().immunizations.read(given.id);
    const version = etagOf(before);
    expect(version).toMatch(/^W\/"/);
    const { user, net } = render(
      <ImmunizationForm patientId={patient.id} immunizationId={given.id} />,
    );
    // Stored 2026-05-04 14:30 UTC, shown on the New York wall clock.
    await waitFor(() => expect(input('Date and time').value).toBe('2026-05-04T10:30'));
    await user.clear(input('Date and time'));
    await user.type(input('Date and time'), '2026-05-03T10:30');
    await user.click(save());
    await screen.findByText('Immunization saved.');

    expect(net.writes()).toHaveLength(1);
    const [patch] = net.writes();
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/api/clinik/v1/immunizations/${given.id}`);
    expect(patch?.headers.get('if-match')).toBe(version);
    expect(patch?.body).toEqual({ occurrenceDateTime: '2026-05-03T10:30:00-04:00' });
    const after = await colleague().immunizations.read(given.id);
    expect(content(after)).toEqual({
      ...content(before),
      occurrenceDateTime: '2026-05-03T10:30:00-04:00',
    });
    expect(after.vaccineCode).toEqual(TDAP);
  });

  it('a colleague withdraws it after the form loaded: the proxy answers 412, the form says so, theirs stays', async () => {
    const patient = await newPatient('ImmConflict');
    const given = await recordImmunization(patient.id);
    const { user, net } = render(
      <ImmunizationForm patientId={patient.id} immunizationId={given.id} />,
    );
    await waitFor(() => expect(input('Lot number').value).toBe('TD-001'));
    const version = etagOf(await colleague().immunizations.read(given.id));
    const theirs = await colleague().immunizations.update(given.id, {
      status: 'entered-in-error',
    });
    await user.clear(input('Lot number'));
    await user.type(input('Lot number'), 'TD-777');
    await user.click(save());

    await screen.findByText(
      'Someone else saved this immunization while you were editing (Status), so nothing was saved. Your values are kept: check them, then save again to apply yours.',
    );
    expect(net.statuses('PATCH')).toEqual([
      ['PATCH', `/api/clinik/v1/immunizations/${given.id}`, 412],
    ]);
    expect(net.writes()[0]?.headers.get('if-match')).toBe(version);
    expect(net.writes()[0]?.body).toEqual({ lotNumber: 'TD-777' });
    // Their withdrawal shows; the typed lot number is kept.
    expect(input('Status').value).toBe('entered-in-error');
    expect(input('Lot number').value).toBe('TD-777');
    expect(await colleague().immunizations.read(given.id)).toEqual(theirs);
  });
});
