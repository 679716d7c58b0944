import type { Prescription } from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import {
  AMLODIPINE_5,
  colleague,
  newPatient,
  prescribe,
  recordAllergy,
  sandboxUrl,
  UCUM,
} from '../test/sandboxChart.js';
import { MedicationList } from './MedicationList.js';

// The medication list and its status changes, against the real sandbox behind the real proxy.

const STATUS_REASON = 'http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason';

function Switcher({
  first,
  second,
  children,
}: {
  first: string;
  second: string;
  children: (id: string) => ReactNode;
}) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select second
      </button>
      {children(id)}
    </>
  );
}

function render(ui: React.ReactElement, net = recordingFetch()) {
  return {
    ...renderWithClient(ui, { baseUrl: sandboxUrl(), clientOptions: { fetch: net.fetch } }),
    net,
  };
}

const table = (name: string) => screen.getByRole('table', { name });
const rowOf = (name: string) =>
  screen.getByRole('rowheader', { name }).closest('tr') as HTMLTableRowElement;

describe('MedicationList', () => {
  it('lists current prescriptions before past ones, with dosage in words and status reasons', async () => {
    const patient = await newPatient('List');
    await prescribe(patient.id, {
      medication: 'Amoxicillin 500 mg capsule',
      authoredOn: '2026-06-10T09:00:00Z',
      dosage: {
        doseQuantity: { value: 1, unit: 'capsule', system: UCUM, code: '{capsule}' },
        timing: {
          repeat: {
            frequency: 3,
            period: 1,
            periodUnit: 'd',
            boundsDuration: { value: 7, unit: 'days', system: UCUM, code: 'd' },
          },
        },
      },
    });
    await prescribe(patient.id, {
      status: 'stopped',
      statusReason: { system: STATUS_REASON, code: 'sintol', display: 'Suspected intolerance' },
      medication: 'Lisinopril 10 mg tablet',
      authoredOn: '2026-01-02T09:00:00Z',
    });
    await prescribe(patient.id, { status: 'on-hold', statusReason: 'Surgery on Monday' });
    const { container } = render(<MedicationList patientId={patient.id} onEdit={() => {}} />);
    await screen.findByText('3 prescriptions.');

    const current = table('Current');
    const rows = within(current).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Amoxicillin 500 mg capsule',
      'amlodipine 5 MG Oral Tablet',
    ]);
    expect(rows[0]?.textContent).toContain('1 capsule, 3 times a day, for 7 days');
    expect(rows[0]?.textContent).toContain('Jun 10, 2026');
    expect(rows[1]?.textContent).toContain('On hold Reason: Surgery on Monday');
    const past = table('Past');
    expect(within(past).getByRole('rowheader').textContent).toBe('Lisinopril 10 mg tablet');
    expect(past.textContent).toContain('Stopped Reason: Suspected intolerance');
    // Actions fit each status: stop/hold when active, stop/resume when on hold, none when past.
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Edit', 'Stop', 'Put on hold']);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Edit', 'Stop', 'Resume']);
    expect(
      within(past)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Edit']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says when there is nothing recorded', async () => {
    const patient = await newPatient('Empty');
    render(<MedicationList patientId={patient.id} />);
    await screen.findByText('No prescriptions recorded.');
  });

  it('stops a prescription with a coded reason: only status and statusReason, with If-Match', async () => {
    const patient = await newPatient('Stop');
    const rx = await prescribe(patient.id);
    const onStatusChanged = vi.fn();
    const { user, net } = render(
      <MedicationList patientId={patient.id} onStatusChanged={onStatusChanged} />,
    );
    await screen.findByText('1 prescription.');
    await user.click(
      within(rowOf('amlodipine 5 MG Oral Tablet')).getByRole('button', { name: /^Stop/ }),
    );
    const panel = screen.getByRole('form', { name: 'Stop amlodipine 5 MG Oral Tablet' });
    // Focus starts at the reason; a reason is required.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(panel).getByLabelText('Reason')),
    );
    await user.click(within(panel).getByRole('button', { name: 'Stop prescription' }));
    expect(within(panel).getByRole('alert').textContent).toBe('Give a reason for the change.');
    expect(net.writes()).toEqual([]);

    await within(panel).findByRole('option', { name: 'Suspected intolerance' });
    await user.selectOptions(within(panel).getByLabelText('Reason'), 'Suspected intolerance');
    await user.click(within(panel).getByRole('button', { name: 'Stop prescription' }));
    await screen.findByText('Prescription is now stopped.');
    const [patch] = net.writes();
    expect(patch?.body).toEqual({
      status: 'stopped',
      statusReason: { system: STATUS_REASON, code: 'sintol', display: 'Suspected intolerance' },
    });
    expect(patch?.headers.get('if-match') ?? '').not.toBe('');
    await waitFor(() =>
      expect(table('Past').textContent).toContain('Stopped Reason: Suspected intolerance'),
    );
    expect(onStatusChanged).toHaveBeenCalledWith(expect.objectContaining({ status: 'stopped' }));
    expect((await colleague().prescriptions.read(rx.id)).dosage).toEqual(rx.dosage);
  });

  it('a colleague’s change meanwhile: nothing is written, the panel says what it is now and asks again', async () => {
    const patient = await newPatient('StopRace');
    const rx = await prescribe(patient.id);
    const { user, net } = render(<MedicationList patientId={patient.id} />);
    await screen.findByText('1 prescription.');
    await user.click(
      within(rowOf(AMLODIPINE_5.display)).getByRole('button', { name: /^Put on hold/ }),
    );
    await colleague().prescriptions.update(rx.id, { refills: 0 });
    const panel = screen.getByRole('form', { name: /on hold/ });
    await user.selectOptions(within(panel).getByLabelText('Reason'), 'Other (describe)');
    await user.type(within(panel).getByLabelText('Describe the reason'), 'Surgery on Monday');
    await user.click(within(panel).getByRole('button', { name: 'Put on hold' }));
    const alert = await within(panel).findByText(/changed since you opened it/);
    expect(alert.textContent).toContain('It is now: Active');
    expect((await colleague().prescriptions.read(rx.id)).status).toBe('active');
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('alert')));

    await user.click(within(panel).getByRole('button', { name: 'Apply anyway' }));
    await screen.findByText('Prescription is now on hold.');
    expect(await colleague().prescriptions.read(rx.id)).toMatchObject({
      status: 'on-hold',
      statusReason: 'Surgery on Monday',
      refills: 0,
    });
    expect(net.writes().map((w) => w.body)).toContainEqual({
      status: 'on-hold',
      statusReason: 'Surgery on Monday',
    });
  });

  it('when a colleague stopped it meanwhile, the hold no longer applies and nothing is written', async () => {
    const patient = await newPatient('StopGone');
    const rx = await prescribe(patient.id);
    const { user } = render(<MedicationList patientId={patient.id} />);
    await screen.findByText('1 prescription.');
    await user.click(
      within(rowOf(AMLODIPINE_5.display)).getByRole('button', { name: /^Put on hold/ }),
    );
    await colleague().prescriptions.update(rx.id, { status: 'stopped', statusReason: 'Allergy' });
    const panel = screen.getByRole('form', { name: /on hold/ });
    await within(panel).findByRole('option', { name: 'Duplicate therapy' });
    await user.selectOptions(within(panel).getByLabelText('Reason'), 'Duplicate therapy');
    await user.click(within(panel).getByRole('button', { name: 'Put on hold' }));
    await within(panel).findByText(/no longer applies/);
    expect(within(panel).queryByRole('button', { name: /hold|Apply/ })).toBeNull();
    expect(await colleague().prescriptions.read(rx.id)).toMatchObject({
      status: 'stopped',
      statusReason: 'Allergy',
    });
  });

  it('resuming re-checks allergies and needs the acknowledgement', async () => {
    const patient = await newPatient('Resume');
    await prescribe(patient.id, { status: 'on-hold', statusReason: 'Rash' });
    await recordAllergy(patient.id, { code: 'Amlodipine', criticality: 'high' });
    const { user, net } = render(<MedicationList patientId={patient.id} />);
    await screen.findByText('1 prescription.');
    await user.click(within(rowOf(AMLODIPINE_5.display)).getByRole('button', { name: /^Resume/ }));
    const panel = screen.getByRole('form', { name: /Resume/ });
    await user.type(within(panel).getByLabelText('Reason'), 'Rash was unrelated');
    await within(panel).findByText(/Recorded allergy to Amlodipine matches/);
    await user.click(within(panel).getByRole('button', { name: 'Resume prescription' }));
    await within(panel).findByText('Review the allergy warning and confirm it before saving.');
    expect(net.writes()).toEqual([]);
    await user.click(
      within(panel).getByLabelText('I have reviewed this allergy and still want to prescribe it'),
    );
    await user.click(within(panel).getByRole('button', { name: 'Resume prescription' }));
    await screen.findByText('Prescription is now active.');
    expect(net.writes()[0]?.body).toEqual({ status: 'active', statusReason: 'Rash was unrelated' });
  });

  it('follows its patient: never shows A’s rows while B’s load, and closes A’s open panel', async () => {
    const [a, b] = [await newPatient('OwnerA'), await newPatient('OwnerB')];
    await prescribe(a.id);
    await prescribe(b.id, { medication: 'Metformin 500 mg tablet' });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/prescriptions\\?.*patientId=${b.id}`), 800);
    const { user } = render(
      <Switcher first={a.id} second={b.id}>
        {(id) => <MedicationList patientId={id} />}
      </Switcher>,
      net,
    );
    await screen.findByText('1 prescription.');
    await user.click(within(rowOf(AMLODIPINE_5.display)).getByRole('button', { name: /^Stop/ }));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.getByText('Loading medications…')).toBeTruthy();
    expect(screen.queryByText(AMLODIPINE_5.display)).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
    await screen.findByText('Metformin 500 mg tablet');
    expect(screen.queryByText(AMLODIPINE_5.display)).toBeNull();
  });

  it('lists the records of its own patient only', async () => {
    const patient = await newPatient('Own');
    const rows: Prescription[] = [await prescribe(patient.id)];
    render(<MedicationList patientId={patient.id} />);
    await screen.findByText('1 prescription.');
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(
      rows.map(() => AMLODIPINE_5.display),
    );
  });
});
