import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Observation } from '@clinikapi/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import {
  chartSettings,
  colleague,
  failingFetch,
  newPatient,
  recordVital,
} from '../test/sandboxVitals.js';
import { VitalsForm } from './VitalsForm.js';

// Record integrity and coding of the vitals entry against the real sandbox behind the real proxy.

const fixture = JSON.parse(
  readFileSync(
    resolve(
      import.meta.dirname,
      '../../../../sandbox/src/engine/adapters/observation.vitals.fixture.json',
    ),
    'utf8',
  ),
) as { bodies: Record<string, unknown>[] };

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const save = () => screen.getByRole('button', { name: /Save vitals|Saving/ });
const strip = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Observation) => rest;

async function loaded() {
  await waitFor(() => expect(input('Heart rate').closest('fieldset')?.disabled).toBe(false));
}

async function storedFor(patientId: string) {
  return (await colleague().observations.search({ patientId, count: 100 })).data;
}

describe('VitalsForm records several vitals in one submit', () => {
  it('sends one coded Observation per vital (BP as the 85354-9 panel, BMI computed), in canonical UCUM units', async () => {
    const patient = await newPatient('Entry');
    const nurse = await colleague().practitioners.create({ firstName: 'Nora', lastName: 'Nurse' });
    const net = recordingFetch();
    const onSaved = vi.fn();
    const { user, container } = renderWithClient(
      <VitalsForm patientId={patient.id} performerId={nurse.id} onSaved={onSaved} />,
      chartSettings(net.fetch),
    );
    await loaded();
    fireEvent.change(input('Measured at'), { target: { value: '2026-06-15T09:30' } });
    await user.type(input('Systolic'), '142');
    await user.type(input('Diastolic'), '88');
    await user.type(input('Heart rate'), '72');
    await user.type(input('Respiratory rate'), '16');
    await user.type(input('Temperature'), '100.4');
    await user.type(input('Oxygen saturation (SpO₂)'), '97');
    const height = screen.getByRole('group', { name: 'Height' });
    await user.type(within(height).getByLabelText('ft'), '5');
    await user.type(within(height).getByLabelText('in'), '10');
    await user.type(input('Weight'), '154');

    // What will be stored, said before saving: canonical values, flags, ranges, the BMI.
    expect(screen.getByText('Stored as 38.0 °C · High · Reference 36.1–37.2 °C')).toBeTruthy();
    expect(screen.getByText('Stored as 69.9 kg')).toBeTruthy();
    expect(screen.getByText('Stored as 177.8 cm')).toBeTruthy();
    expect(screen.getByText('High · Reference 90–129 mmHg')).toBeTruthy();
    expect(screen.getByText('BMI 22.1 kg/m², from 69.9 kg and 177.8 cm.')).toBeTruthy();
    expect(screen.getByText(/Recorded as Mon, Jun 15, 2026, 9:30\sAM EDT/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    await user.click(save());
    const notice = await screen.findByText(/^Vitals recorded: /);
    expect(notice.textContent).toBe(
      'Vitals recorded: Blood pressure 142/88 mmHg, Heart rate 72 /min, Respiratory rate 16 /min, Temperature 38.0 °C, Oxygen saturation (SpO₂) 97 %, Height 177.8 cm, Weight 69.9 kg, BMI 22.1 kg/m².',
    );
    const stored = await storedFor(patient.id);
    const idOf = (code: string) =>
      stored.find((o) => (o.code as { code: string }).code === code)?.id as string;
    const expected = fixture.bodies.map((body) =>
      JSON.parse(
        JSON.stringify(body)
          .replaceAll('{patientId}', patient.id)
          .replaceAll('{performerId}', nurse.id)
          // The BMI names the weight and height stored before it (FHIR derivedFrom).
          .replaceAll('{weightId}', idOf('29463-7'))
          .replaceAll('{heightId}', idOf('8302-2')),
      ),
    );
    expect(expected.at(-1).derivedFromIds).toEqual([idOf('29463-7'), idOf('8302-2')]);
    // Exactly the bodies the sandbox's own test proves valid FHIR R4 (codings, UCUM, flags).
    expect(net.writes().map((w) => [w.method, w.path])).toEqual(
      expected.map(() => ['POST', '/api/clinik/v1/observations']),
    );
    expect(net.writes().map((w) => w.body)).toEqual(expected);
    expect(stored.map(strip)).toEqual(expect.arrayContaining(expected));
    expect(stored).toHaveLength(8);
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(onSaved.mock.calls[0]?.[0]).toHaveLength(8);
    // A fresh entry for the same patient.
    expect(input('Systolic').value).toBe('');
    expect(input('Weight').value).toBe('');
  });

  it('on a partial failure keeps what failed, lists what was saved, and the next save sends only the rest', async () => {
    const patient = await newPatient('Partial');
    const net = failingFetch([
      { method: 'POST', status: 503, match: (_p, body) => body.includes('"8310-5"') },
    ]);
    const { user } = renderWithClient(
      <VitalsForm patientId={patient.id} />,
      chartSettings(net.fetch),
    );
    await loaded();
    fireEvent.change(input('Measured at'), { target: { value: '2026-06-15T09:30' } });
    await user.type(input('Heart rate'), '72');
    await user.type(input('Temperature'), '100.4');
    await user.type(input('Weight'), '154');
    expect(screen.getByText('BMI is not computed: no height is entered or recorded.')).toBeTruthy();
    await user.click(save());

    const alert = await screen.findByText(/^Saved: /);
    expect(alert.textContent).toBe(
      'Saved: Heart rate 72 /min, Weight 69.9 kg. Not saved: Temperature (server error). Your entries for these are kept; save again to retry them (saved vitals are not sent again).',
    );
    await waitFor(() => expect(document.activeElement).toBe(alert.closest('[role="alert"]')));
    expect(input('Temperature').value).toBe('100.4');
    expect(input('Heart rate').value).toBe('');
    expect(input('Weight').value).toBe('');
    expect(await storedFor(patient.id)).toHaveLength(2);

    await user.click(save());
    await screen.findByText(
      'Vitals recorded: Heart rate 72 /min, Temperature 38.0 °C, Weight 69.9 kg.',
    );
    const posted = net.writes().map((w) => (w.body as { code: { code: string } }).code.code);
    expect(posted).toEqual(['8867-4', '8310-5', '29463-7', '8310-5']);
    const stored = await storedFor(patient.id);
    expect(stored.map((o) => (o.code as { code: string }).code).sort()).toEqual([
      '29463-7',
      '8310-5',
      '8867-4',
    ]);
  });

  it('sends the BMI only after its weight is stored: a failed weight holds the BMI back, the retry sends both', async () => {
    const patient = await newPatient('Bmi');
    const recordedHeight = await recordVital({
      vital: 'bodyHeight',
      values: { bodyHeight: 175 },
      patientId: patient.id,
      effectiveDateTime: '2026-03-01T10:00:00-05:00',
    });
    const net = failingFetch([
      { method: 'POST', status: 500, match: (_p, body) => body.includes('"29463-7"') },
    ]);
    const { user } = renderWithClient(
      <VitalsForm patientId={patient.id} units={{ bodyWeight: 'kg' }} />,
      chartSettings(net.fetch),
    );
    await loaded();
    fireEvent.change(input('Measured at'), { target: { value: '2026-06-15T09:30' } });
    await user.type(input('Weight'), '70');
    expect(
      screen.getByText(
        /^BMI 22\.9 kg\/m², from 70\.0 kg and the latest recorded height, 175\.0 cm \(measured Sun, Mar 1, 2026, 10:00\sAM EST\)\.$/,
      ),
    ).toBeTruthy();
    await user.click(save());
    await screen.findByText(
      'Nothing was saved: Weight (server error). Your entries are kept; save again to retry.',
    );
    expect(net.writes()).toHaveLength(1);
    expect(input('Weight').value).toBe('70');

    await user.click(save());
    await screen.findByText('Vitals recorded: Weight 70.0 kg, BMI 22.9 kg/m².');
    const bmi = (await storedFor(patient.id)).find(
      (o) => (o.code as { code: string }).code === '39156-5',
    );
    expect(bmi?.valueQuantity).toEqual({
      value: 22.9,
      unit: 'kg/m2',
      system: 'http://unitsofmeasure.org',
      code: 'kg/m2',
    });
    expect(bmi?.note).toMatch(
      /^Calculated from body weight 70\.0 kg and the latest body height 175\.0 cm \(measured Sun, Mar 1, 2026, 10:00\sAM EST\)\.$/,
    );
    // It names the weight stored by the retry and the recorded height it used.
    const weight = (await storedFor(patient.id)).find(
      (o) => (o.code as { code: string }).code === '29463-7',
    );
    expect(bmi?.derivedFromIds).toEqual([weight?.id, recordedHeight.id]);
  });

  it('holds the BMI back while its typed height is not stored, and computes it from the height stored later', async () => {
    const patient = await newPatient('BmiHeld');
    const net = failingFetch([
      { method: 'POST', status: 503, match: (_p, body) => body.includes('"8302-2"') },
    ]);
    const { user } = renderWithClient(
      <VitalsForm patientId={patient.id} units={{ bodyWeight: 'kg', bodyHeight: 'cm' }} />,
      chartSettings(net.fetch),
    );
    await loaded();
    fireEvent.change(input('Measured at'), { target: { value: '2026-06-15T09:30' } });
    await user.type(input('Weight'), '70');
    await user.type(input('Height'), '157');
    await user.click(save());
    await screen.findByText(/^Saved: Weight 70\.0 kg\. Not saved: Height \(server error\); BMI\./);
    expect(net.writes().map((w) => (w.body as { code: { code: string } }).code.code)).toEqual([
      '8302-2',
      '29463-7',
    ]);
    // The height was mistyped: corrected before the retry.
    await user.clear(input('Height'));
    await user.type(input('Height'), '175');
    await user.click(save());
    await screen.findByText('Vitals recorded: Height 175.0 cm, Weight 70.0 kg, BMI 22.9 kg/m².');
    const stored = await storedFor(patient.id);
    const byCode = (code: string) =>
      stored.find((o) => (o.code as { code: string }).code === code) as Observation;
    expect(stored).toHaveLength(3);
    expect(byCode('39156-5')).toMatchObject({
      valueQuantity: { value: 22.9, code: 'kg/m2' },
      interpretation: { code: 'N' },
      note: 'Calculated from body weight 70.0 kg and body height 175.0 cm.',
      derivedFromIds: [byCode('29463-7').id, byCode('8302-2').id],
    });
  });

  it('refuses an implausible value before sending anything, and says which unit was probably meant', async () => {
    const patient = await newPatient('Implausible');
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalsForm patientId={patient.id} units={{ bodyTemperature: 'Cel' }} />,
      chartSettings(net.fetch),
    );
    await loaded();
    await user.type(input('Heart rate'), '72');
    await user.type(input('Temperature'), '98.6');
    await user.click(save());
    expect(
      await screen.findByText(
        'Temperature must be between 25.0 °C and 45.0 °C. Check the value and its unit. This looks like °F: pick °F as the unit.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(input('Temperature')));
    expect(input('Temperature').getAttribute('aria-invalid')).toBe('true');
    expect(net.writes()).toEqual([]);
    await user.selectOptions(screen.getByLabelText('Temperature unit'), '°F');
    await user.click(save());
    await screen.findByText('Vitals recorded: Heart rate 72 /min, Temperature 37.0 °C.');
  });

  it('does not flag a child against adult ranges, and says so', async () => {
    const child = await newPatient('Child', '2019-05-01');
    const net = recordingFetch();
    const { user } = renderWithClient(
      <VitalsForm patientId={child.id} />,
      chartSettings(net.fetch),
    );
    await loaded();
    expect(screen.getByText(/No flags: the reference ranges are for adults/)).toBeTruthy();
    await user.type(input('Heart rate'), '118');
    await user.click(save());
    await screen.findByText('Vitals recorded: Heart rate 118 /min.');
    const body = net.writes()[0]?.body as Record<string, unknown>;
    expect(body.interpretation).toBeUndefined();
    expect(body.referenceRange).toBeUndefined();
  });
});

/** One form whose patientId follows a selection, with no `key` (the README's pattern). */
function Switcher({
  first,
  second,
  onSaved,
}: {
  first: string;
  second: string;
  onSaved?: (observations: Observation[]) => void;
}) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select second
      </button>
      <VitalsForm patientId={id} onSaved={onSaved} />
    </>
  );
}

describe('VitalsForm follows its patientId', () => {
  it('never sends A’s vitals for B when B is selected while B is still loading', async () => {
    const a = await newPatient('SwitchA');
    const b = await newPatient('SwitchB');
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/patients/${b.id}$`), 1000);
    const { user } = renderWithClient(
      <Switcher first={a.id} second={b.id} />,
      chartSettings(net.fetch),
    );
    await loaded();
    await user.type(input('Heart rate'), '88');
    await user.type(input('Systolic'), '150');
    await user.type(input('Diastolic'), '95');

    await user.click(screen.getByRole('button', { name: 'Select second' }));
    // While B loads nothing typed for A is shown, and nothing can be submitted.
    expect(screen.getByText('Loading the patient…')).toBeTruthy();
    expect(input('Heart rate').value).toBe('');
    expect(input('Heart rate').closest('fieldset')?.disabled).toBe(true);
    act(() => {
      save().closest('form')?.requestSubmit();
    });

    await loaded();
    expect(input('Heart rate').value).toBe('');
    expect(input('Systolic').value).toBe('');
    await user.click(save());
    await screen.findByText('Enter at least one vital sign.');
    expect(net.writes()).toEqual([]);
    expect(await storedFor(a.id)).toEqual([]);
    expect(await storedFor(b.id)).toEqual([]);
  });

  it('a save in flight for A lands in A only; B’s form is untouched and onSaved is not called', async () => {
    const a = await newPatient('InFlightA');
    const b = await newPatient('InFlightB');
    const net = recordingFetch();
    net.delay('POST', /\/observations$/, 800);
    const onSaved = vi.fn();
    const { user } = renderWithClient(
      <Switcher first={a.id} second={b.id} onSaved={onSaved} />,
      chartSettings(net.fetch),
    );
    await loaded();
    await user.type(input('Heart rate'), '88');
    await user.click(save());
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    await loaded();
    await user.type(input('Respiratory rate'), '14');
    // Let A's response arrive while B is shown.
    await new Promise((r) => setTimeout(r, 1000));
    expect(input('Respiratory rate').value).toBe('14');
    expect(screen.queryByText(/Vitals recorded/)).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    expect(net.writes().map((w) => [w.method, w.path, (w.body as Observation).patientId])).toEqual([
      ['POST', '/api/clinik/v1/observations', a.id],
    ]);
    expect(await storedFor(a.id)).toHaveLength(1);
    expect(await storedFor(b.id)).toEqual([]);
  });
});
