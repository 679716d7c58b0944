import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { chartSettings, colleague, newPatient, recordVital } from '../test/sandboxVitals.js';
import { VitalsForm } from '../VitalsForm/VitalsForm.js';
import { MEASURES } from '../vitalSigns.js';
import { VitalsList } from './VitalsList.js';

const adult = (m: 'systolic' | 'diastolic' | 'heartRate') => MEASURES[m].adultRange;

async function history(patientId: string) {
  const bp = (systolic: number, diastolic: number, when: string) =>
    recordVital({
      vital: 'bloodPressure',
      values: { systolic, diastolic },
      ranges: { systolic: adult('systolic'), diastolic: adult('diastolic') },
      patientId,
      effectiveDateTime: when,
    });
  await bp(118, 76, '2026-03-02T09:00:00-05:00');
  await bp(142, 88, '2026-06-15T09:30:00-04:00');
  await bp(126, 78, '2026-05-01T16:45:00-04:00');
  const wrong = await recordVital({
    vital: 'heartRate',
    values: { heartRate: 180 },
    ranges: { heartRate: adult('heartRate') },
    patientId,
    effectiveDateTime: '2026-06-15T09:31:00-04:00',
  });
  await colleague().observations.update(wrong.id, { status: 'entered-in-error' });
  await recordVital({
    vital: 'bodyWeight',
    values: { bodyWeight: 69.9 },
    patientId,
    effectiveDateTime: '2026-06-15T09:30:00-04:00',
  });
  // Not a vital: a lab result of the same patient stays out of the list.
  await colleague().observations.create({
    status: 'final',
    category: 'laboratory',
    code: { system: 'http://loinc.org', code: '2345-7', display: 'Glucose' },
    patientId,
    valueQuantity: {
      value: 5.4,
      unit: 'mmol/L',
      system: 'http://unitsofmeasure.org',
      code: 'mmol/L',
    },
  });
}

const rowsOf = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent);

function Switcher({ first, second }: { first: string; second: string }) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select B
      </button>
      <VitalsList patientId={id} />
    </>
  );
}

describe('VitalsList', () => {
  it('lists each vital latest first in the practice zone, with flags, ranges and withdrawn readings struck out', async () => {
    const patient = await newPatient('List');
    await history(patient.id);
    const onEdit = vi.fn();
    const { user, container } = renderWithClient(
      <VitalsList patientId={patient.id} onEdit={onEdit} />,
      chartSettings(),
    );
    await screen.findByRole('table', { name: 'Blood pressure history, latest first' });
    expect(rowsOf('Blood pressure history, latest first')).toEqual(
      [
        'Mon, Jun 15, 2026, 9:30 AM EDT142/88 mmHgSystolic: High; Diastolic: HighSystolic: 90–129 mmHg; Diastolic: 60–79 mmHgEdit',
        'Fri, May 1, 2026, 4:45 PM EDT126/78 mmHgSystolic: Normal; Diastolic: NormalSystolic: 90–129 mmHg; Diastolic: 60–79 mmHgEdit',
        'Mon, Mar 2, 2026, 9:00 AM EST118/76 mmHgSystolic: Normal; Diastolic: NormalSystolic: 90–129 mmHg; Diastolic: 60–79 mmHgEdit',
      ].map((t) =>
        expect.stringMatching(
          new RegExp(
            `^${t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ (AM|PM)/g, '\\s$1')}$`,
          ),
        ),
      ),
    );
    const hr = screen.getByRole('table', { name: 'Heart rate history, latest first' });
    const withdrawn = within(hr).getAllByRole('row')[1] as HTMLElement;
    expect(withdrawn.dataset.status).toBe('entered-in-error');
    expect(withdrawn.querySelector('s')?.textContent).toBe('180 /min');
    expect(withdrawn.textContent).toContain('Entered in error');
    expect(within(withdrawn).queryByRole('button')).toBeNull();
    // Weight in kg, and in lb for a US practice.
    expect(rowsOf('Weight history, latest first')[0]).toContain('69.9 kg (154.1 lb)');
    expect(screen.queryByText(/Glucose|mmol/)).toBeNull();
    expect(await axeViolations(container)).toEqual([]);

    await user.click(
      screen.getByRole('button', {
        name: /^Edit blood pressure of Mon, Jun 15, 2026, 9:30\sAM EDT$/,
      }),
    );
    expect(onEdit).toHaveBeenCalledWith(
      expect.objectContaining({
        vital: 'bloodPressure',
        effectiveDateTime: '2026-06-15T09:30:00-04:00',
      }),
    );
  });

  it('shows times in the practice zone, not the browser’s', async () => {
    const patient = await newPatient('Zone');
    await history(patient.id);
    renderWithClient(
      <VitalsList patientId={patient.id} vitals={['bloodPressure']} />,
      chartSettings(undefined, 'Asia/Kolkata'),
    );
    await screen.findByRole('table', { name: 'Blood pressure history, latest first' });
    expect(rowsOf('Blood pressure history, latest first')[0]).toMatch(
      /^Mon, Jun 15, 2026, 7:00\sPM GMT\+5:30/,
    );
  });

  it('follows patientId: while B loads, none of A’s readings are shown', async () => {
    const a = await newPatient('ListA');
    const b = await newPatient('ListB');
    await history(a.id);
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/observations\\?.*patientId=${b.id}`), 1000);
    const { user } = renderWithClient(
      <Switcher first={a.id} second={b.id} />,
      chartSettings(net.fetch),
    );
    await screen.findByRole('table', { name: 'Blood pressure history, latest first' });
    await user.click(screen.getByRole('button', { name: 'Select B' }));
    expect(screen.getByText('Loading vital signs…')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await screen.findByText('No vital signs recorded.', undefined, { timeout: 5000 });
    expect(screen.queryByText(/142\/88/)).toBeNull();
  });

  it('shows the vitals just saved by the form on the same page', async () => {
    const patient = await newPatient('Together');
    const { user } = renderWithClient(
      <>
        <VitalsForm patientId={patient.id} />
        <VitalsList patientId={patient.id} />
      </>,
      chartSettings(),
    );
    await screen.findByText('No vital signs recorded.');
    await waitFor(() =>
      expect(screen.getByLabelText('Heart rate').closest('fieldset')?.disabled).toBe(false),
    );
    await user.type(screen.getByLabelText('Heart rate'), '104');
    await user.click(screen.getByRole('button', { name: 'Save vitals' }));
    const table = await screen.findByRole('table', { name: 'Heart rate history, latest first' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toMatch(/104 \/minHigh60–100 \/min/);
  });
});
