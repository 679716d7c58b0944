import { etagOf } from '@clinikapi/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { referenceRangeOf, vitalBody } from '../observations.js';
import { chartSettings, colleague, newPatient, recordVital } from '../test/sandboxVitals.js';
import { VitalEditForm } from './VitalEditForm.js';

// Amending, correcting and withdrawing a recorded vital: the record-integrity rules (identity,
// edits only, If-Match, theirs vs yours) against the real sandbox behind the real proxy.

const UCUM = 'http://unitsofmeasure.org';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

async function heartRate(patientId: string, value = 72) {
  return recordVital({
    vital: 'heartRate',
    values: { heartRate: value },
    ranges: { heartRate: { low: 60, high: 100 } },
    patientId,
    effectiveDateTime: '2026-06-15T09:30:00-04:00',
  });
}

async function bloodPressure(patientId: string) {
  return recordVital({
    vital: 'bloodPressure',
    values: { systolic: 128, diastolic: 78 },
    ranges: { systolic: { low: 90, high: 129 }, diastolic: { low: 60, high: 79 } },
    patientId,
    effectiveDateTime: '2026-06-15T09:30:00-04:00',
  });
}

describe('VitalEditForm', () => {
  it('corrects a value: sends only the value, its recomputed flag and the status, with If-Match', async () => {
    const patient = await newPatient('Correct');
    const hr = await heartRate(patient.id);
    const net = recordingFetch();
    const onSaved = vi.fn();
    const { user, container } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={hr.id} onSaved={onSaved} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(input('Heart rate').value).toBe('72'));
    expect(screen.getByText('Normal · Reference 60–100 /min')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    await user.clear(input('Heart rate'));
    await user.type(input('Heart rate'), '112');
    await user.selectOptions(input('Status'), 'corrected');
    await user.click(screen.getByRole('button', { name: 'Save change' }));
    await screen.findByText('Reading saved.');

    const [patch] = net.writes();
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers.get('if-match')).toMatch(/^W\/"/);
    expect(patch?.body).toEqual({
      status: 'corrected',
      valueQuantity: { value: 112, unit: 'beats/minute', system: UCUM, code: '/min' },
      interpretation: { system: V3, code: 'H', display: 'High' },
    });
    const stored = await colleague().observations.read(hr.id);
    expect(stored).toMatchObject({ status: 'corrected', valueQuantity: { value: 112 } });
    expect(stored.referenceRange).toEqual(hr.referenceRange);
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ id: hr.id, status: 'corrected' }),
    );
  });

  it('records a changed value as amended when no status is chosen; a weight typed in lb is stored in kg', async () => {
    const patient = await newPatient('Amend');
    const weight = await recordVital({
      vital: 'bodyWeight',
      values: { bodyWeight: 70 },
      patientId: patient.id,
      effectiveDateTime: '2026-06-15T09:30:00-04:00',
    });
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={weight.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(input('Weight').value).toBe('70.0'));
    await user.selectOptions(screen.getByLabelText('Weight unit'), 'lb');
    await user.clear(input('Weight'));
    await user.type(input('Weight'), '150');
    await user.click(screen.getByRole('button', { name: 'Save change' }));
    await screen.findByText('Reading saved.');
    expect(net.writes().map((w) => w.body)).toEqual([
      { valueQuantity: { value: 68, unit: 'kg', system: UCUM, code: 'kg' }, status: 'amended' },
    ]);
  });

  it('withdraws a reading as entered in error, changing nothing else', async () => {
    const patient = await newPatient('Withdraw');
    const hr = await heartRate(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={hr.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(input('Heart rate').value).toBe('72'));
    await user.selectOptions(input('Status'), 'entered-in-error');
    await user.click(screen.getByRole('button', { name: 'Withdraw as entered in error' }));
    await screen.findByText(
      'This reading was withdrawn as entered in error and can no longer be changed.',
    );
    expect(net.writes().map((w) => w.body)).toEqual([{ status: 'entered-in-error' }]);
    expect((await colleague().observations.read(hr.id)).valueQuantity?.value).toBe(72);
  });

  it('refuses to withdraw and change a value in one save', async () => {
    const patient = await newPatient('WithdrawEdit');
    const hr = await heartRate(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={hr.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(input('Heart rate').value).toBe('72'));
    await user.clear(input('Heart rate'));
    await user.type(input('Heart rate'), '80');
    await user.selectOptions(input('Status'), 'entered-in-error');
    await user.click(screen.getByRole('button', { name: 'Withdraw as entered in error' }));
    await screen.findByText(
      'A reading entered in error is withdrawn as it was: undo your other changes first',
    );
    await waitFor(() => expect(document.activeElement).toBe(input('Status')));
    expect(net.writes()).toEqual([]);
  });

  it('edits one blood pressure component onto the latest stored panel after a colleague changed the other', async () => {
    const patient = await newPatient('Panel');
    const bp = await bloodPressure(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={bp.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(input('Systolic').value).toBe('128'));
    // A colleague corrects the diastolic after this form loaded.
    const theirs = (bp.component ?? []).map((c, i) =>
      i === 1 ? { ...c, valueQuantity: { ...c.valueQuantity, value: 70 } } : c,
    );
    await colleague().observations.update(bp.id, {
      component: theirs as never,
      status: 'corrected',
    });
    await user.clear(input('Systolic'));
    await user.type(input('Systolic'), '150');
    await user.click(screen.getByRole('button', { name: 'Save change' }));

    const alert = await screen.findByText(/Someone else changed this reading/);
    expect(alert.textContent).toContain('Diastolic');
    expect(input('Systolic').value).toBe('150');
    expect(input('Diastolic').value).toBe('70');
    expect((await colleague().observations.read(bp.id)).component?.[0]?.valueQuantity?.value).toBe(
      128,
    );

    await user.click(screen.getByRole('button', { name: 'Save change' }));
    await screen.findByText('Reading saved.');
    const patches = net.writes().filter((w) => w.method === 'PATCH');
    const range = referenceRangeOf('systolic', { low: 90, high: 129 });
    expect(patches.at(-1)?.body).toEqual({
      component: [
        {
          code: { system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' },
          valueQuantity: { value: 150, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
          interpretation: { system: V3, code: 'H', display: 'High' },
          referenceRange: range,
        },
        theirs[1],
      ],
    });
    const stored = await colleague().observations.read(bp.id);
    expect(stored.status).toBe('corrected');
    expect(stored.component?.map((c) => c.valueQuantity?.value)).toEqual([150, 70]);
  });

  it('shows theirs vs yours when both changed the value; "keep stored" drops the edit', async () => {
    const patient = await newPatient('Both');
    const hr = await heartRate(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={hr.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(input('Heart rate').value).toBe('72'));
    await colleague().observations.update(hr.id, {
      valueQuantity: { value: 80, unit: 'beats/minute', system: UCUM, code: '/min' },
      status: 'corrected',
    });
    await user.clear(input('Heart rate'));
    await user.type(input('Heart rate'), '90');
    await user.click(screen.getByRole('button', { name: 'Save change' }));

    const list = await screen.findByRole('region', { name: 'Changed by someone else too' });
    expect(list.textContent).toContain('Stored now: 80');
    expect(list.textContent).toContain('Yours: 90');
    await waitFor(() => expect(document.activeElement).toBe(list));
    expect(input('Heart rate').value).toBe('90');
    await user.click(within(list).getByRole('button', { name: 'Keep stored heart rate' }));
    expect(input('Heart rate').value).toBe('80');
    await user.click(screen.getByRole('button', { name: 'Save change' }));
    await screen.findByText('No changes to save.');
    expect(net.writes().filter((w) => w.method === 'PATCH')).toHaveLength(1);
    expect((await colleague().observations.read(hr.id)).valueQuantity?.value).toBe(80);
  });

  it('never shows or edits a reading of another patient', async () => {
    const mine = await newPatient('Mine');
    const other = await newPatient('Other');
    const theirs = await heartRate(other.id, 66);
    const net = recordingFetch();
    renderWithClient(
      <VitalEditForm patientId={mine.id} observationId={theirs.id} />,
      chartSettings(net.fetch),
    );
    await screen.findByText('This reading belongs to another patient; it is not shown here.');
    expect(screen.queryByLabelText('Heart rate')).toBeNull();
    expect(screen.queryByDisplayValue('66')).toBeNull();
    expect(net.writes()).toEqual([]);
  });
});

function Switcher({ first, second }: { first: string; second: string }) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select second
      </button>
      <VitalEditForm observationId={id} onSaved={() => {}} />
    </>
  );
}

describe('VitalEditForm follows its observationId', () => {
  it('drops A’s typed value when B is selected, shows loading, and sends nothing meanwhile', async () => {
    const patient = await newPatient('SwitchObs');
    const a = await heartRate(patient.id, 72);
    const b = await heartRate(patient.id, 64);
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/observations/${b.id}$`), 1000);
    const { user } = renderWithClient(
      <Switcher first={a.id} second={b.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(input('Heart rate').value).toBe('72'));
    await user.clear(input('Heart rate'));
    await user.type(input('Heart rate'), '99');
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.getByText('Loading the reading…')).toBeTruthy();
    expect(screen.queryByDisplayValue('99')).toBeNull();
    act(() => {
      screen.getByRole('button', { name: 'Save change' }).closest('form')?.requestSubmit();
    });
    await waitFor(() => expect(input('Heart rate').value).toBe('64'), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Save change' }));
    await screen.findByText('No changes to save.');
    expect(net.writes()).toEqual([]);
    const y = colleague();
    expect((await y.observations.read(a.id)).valueQuantity?.value).toBe(72);
    expect((await y.observations.read(b.id)).valueQuantity?.value).toBe(64);
  });
});

/** A height, a weight and the BMI computed from them (22.9 kg/m², Normal), as VitalsForm stores them. */
async function weighed(label: string) {
  const patient = await newPatient(label);
  const at = '2026-06-15T09:30:00-04:00';
  const height = await recordVital({
    vital: 'bodyHeight',
    values: { bodyHeight: 175 },
    patientId: patient.id,
    effectiveDateTime: at,
  });
  const weight = await recordVital({
    vital: 'bodyWeight',
    values: { bodyWeight: 70 },
    patientId: patient.id,
    effectiveDateTime: at,
  });
  const bmi = await colleague().observations.create({
    ...vitalBody({
      vital: 'bmi',
      values: { bmi: 22.9 },
      ranges: { bmi: { low: 18.5, high: 24.9 } },
      patientId: patient.id,
      effectiveDateTime: at,
      note: 'Calculated from body weight 70.0 kg and body height 175.0 cm.',
    }),
    derivedFromIds: [weight.id, height.id],
  });
  // An earlier BMI of the patient, from another weight and height: never offered a change here.
  const earlierHeight = await recordVital({
    vital: 'bodyHeight',
    values: { bodyHeight: 175 },
    patientId: patient.id,
    effectiveDateTime: '2026-03-01T10:00:00-05:00',
  });
  const earlierWeight = await recordVital({
    vital: 'bodyWeight',
    values: { bodyWeight: 68 },
    patientId: patient.id,
    effectiveDateTime: '2026-03-01T10:00:00-05:00',
  });
  const earlier = await colleague().observations.create({
    ...vitalBody({
      vital: 'bmi',
      values: { bmi: 22.2 },
      patientId: patient.id,
      effectiveDateTime: '2026-03-01T10:00:00-05:00',
      ranges: {},
    }),
    derivedFromIds: [earlierWeight.id, earlierHeight.id],
  });
  return { patient, height, weight, bmi, earlier };
}

const status = () => screen.getByRole('status');

async function amendWeight(user: ReturnType<typeof renderWithClient>['user'], kg: string) {
  await waitFor(() => expect(input('Weight').value).toBe('70.0'));
  await user.clear(input('Weight'));
  await user.type(input('Weight'), kg);
  await user.click(screen.getByRole('button', { name: 'Save change' }));
}

describe('VitalEditForm and the BMI computed from the reading (derivedFrom)', () => {
  it('offers the recomputed BMI after a weight is amended, and updates it with If-Match when asked', async () => {
    const { patient, weight, bmi, earlier } = await weighed('BmiAmend');
    const net = recordingFetch();
    const { user, container } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={weight.id} />,
      chartSettings(net.fetch),
    );
    await amendWeight(user, '80');
    const offer = await screen.findByText(
      'BMI recorded with this weight is 22.9 kg/m²; with the new value it is 26.1 kg/m².',
    );
    // Said in the status region too; nothing is written to the BMI before it is asked for.
    expect(status().textContent).toBe(`Reading saved. ${offer.textContent}`);
    expect(net.writes().map((w) => w.path)).toEqual([`/api/clinik/v1/observations/${weight.id}`]);
    expect((await colleague().observations.read(bmi.id)).valueQuantity?.value).toBe(22.9);
    expect(await axeViolations(container)).toEqual([]);
    const bmiVersion = etagOf(await colleague().observations.read(bmi.id));
    expect(bmiVersion).toMatch(/^W\/"/);

    expect(screen.getAllByRole('button', { name: 'Update BMI' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Update BMI' }));
    await waitFor(() =>
      expect(status().textContent).toBe('Reading saved. BMI updated to 26.1 kg/m².'),
    );
    const [, patch] = net.writes();
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/api/clinik/v1/observations/${bmi.id}`);
    // Conditional on the BMI's own stored version.
    expect(patch?.headers.get('if-match')).toBe(bmiVersion);
    expect(patch?.body).toEqual({
      valueQuantity: { value: 26.1, unit: 'kg/m2', system: UCUM, code: 'kg/m2' },
      interpretation: { system: V3, code: 'H', display: 'High' },
      note: 'Calculated from body weight 80.0 kg and body height 175.0 cm.',
      status: 'amended',
    });
    const stored = await colleague().observations.read(bmi.id);
    expect(stored).toMatchObject({
      status: 'amended',
      valueQuantity: { value: 26.1 },
      interpretation: { code: 'H' },
      derivedFromIds: bmi.derivedFromIds,
    });
    expect(stored.referenceRange).toEqual(bmi.referenceRange);
    expect(screen.queryByRole('button', { name: 'Update BMI' })).toBeNull();
    expect(await colleague().observations.read(earlier.id)).toEqual(earlier);
  });

  it('does not overwrite a BMI a colleague changed after the offer: 412, said, nothing written', async () => {
    const { patient, weight, bmi } = await weighed('Bmi412');
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={weight.id} />,
      chartSettings(net.fetch),
    );
    await amendWeight(user, '80');
    await screen.findByRole('button', { name: 'Update BMI' });
    const theirs = await colleague().observations.update(bmi.id, {
      note: 'Checked by Dr. Lee.',
      status: 'corrected',
    });

    await user.click(screen.getByRole('button', { name: 'Update BMI' }));
    // Refused: said by an alert (not the status), the offers' region focused.
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .map((a) => a.textContent)
          .includes(
            'The BMI was changed by someone else after this offer was made, so it was not changed here. Review it in the vitals list.',
          ),
      ).toBe(true),
    );
    expect(status().textContent).toBe('Reading saved.');
    const patches = net.writes().filter((w) => w.path.endsWith(`/observations/${bmi.id}`));
    expect(patches).toHaveLength(1);
    expect(patches[0]?.headers.get('if-match')).toMatch(/^W\/"/);
    const stored = await colleague().observations.read(bmi.id);
    expect(stored).toEqual(theirs);
    expect(stored.valueQuantity?.value).toBe(22.9);
    expect(screen.queryByRole('button', { name: 'Update BMI' })).toBeNull();
  });

  it('offers to withdraw the BMI too when its height is withdrawn', async () => {
    const { patient, height, bmi } = await weighed('BmiWithdraw');
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={height.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(input('Height').value).toBe('175.0'));
    await user.selectOptions(input('Status'), 'entered-in-error');
    await user.click(screen.getByRole('button', { name: 'Withdraw as entered in error' }));
    await screen.findByText(
      /^A BMI of 22\.9 kg\/m² \(measured Mon, Jun 15, 2026, 9:30\sAM EDT\) was computed from this height and still stands\.$/,
    );
    expect((await colleague().observations.read(bmi.id)).status).toBe('final');
    await user.click(screen.getByRole('button', { name: 'Withdraw BMI too' }));
    await waitFor(() =>
      expect(status().textContent).toBe('Reading saved. BMI withdrawn as entered in error.'),
    );
    expect(net.writes().map((w) => [w.path, w.body])).toEqual([
      [`/api/clinik/v1/observations/${height.id}`, { status: 'entered-in-error' }],
      [`/api/clinik/v1/observations/${bmi.id}`, { status: 'entered-in-error' }],
    ]);
    expect((await colleague().observations.read(bmi.id)).status).toBe('entered-in-error');
  });

  it('names a BMI it cannot recompute (its height withdrawn) without offering a change', async () => {
    const { patient, height, weight, bmi } = await weighed('BmiReview');
    await colleague().observations.update(height.id, { status: 'entered-in-error' });
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalEditForm patientId={patient.id} observationId={weight.id} />,
      chartSettings(net.fetch),
    );
    await amendWeight(user, '80');
    await screen.findByText(
      /^BMI recorded with this weight is 22\.9 kg\/m² and cannot be recomputed here/,
    );
    expect(screen.queryByRole('button', { name: 'Update BMI' })).toBeNull();
    expect(net.writes().map((w) => w.path)).toEqual([`/api/clinik/v1/observations/${weight.id}`]);
    expect((await colleague().observations.read(bmi.id)).valueQuantity?.value).toBe(22.9);
  });

  it('drops the offer when the form moves to another reading', async () => {
    const { weight, bmi } = await weighed('BmiSwitch');
    const other = await heartRate(weight.patientId);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <Switcher first={weight.id} second={other.id} />,
      chartSettings(net.fetch),
    );
    await amendWeight(user, '80');
    await screen.findByRole('button', { name: 'Update BMI' });
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    await waitFor(() => expect(input('Heart rate').value).toBe('72'));
    expect(screen.queryByRole('button', { name: 'Update BMI' })).toBeNull();
    expect(screen.queryByText(/BMI recorded with this weight/)).toBeNull();
    expect(status().textContent).toBe('');
    expect(net.writes().map((w) => w.path)).toEqual([`/api/clinik/v1/observations/${weight.id}`]);
    expect((await colleague().observations.read(bmi.id)).valueQuantity?.value).toBe(22.9);
  });
});
