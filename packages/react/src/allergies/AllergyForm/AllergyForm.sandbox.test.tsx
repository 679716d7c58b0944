import { type Allergy, etagOf } from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { CHART_NOW, chartSettings, colleague, newPatient } from '../../test/sandboxChart.js';
import { AllergyForm } from './AllergyForm.js';

// What AllergyForm sends, as the real sandbox behind the real proxy accepts and stores it: the
// exact coded record (nothing invented), one-field edits onto the version read, and a colleague's
// save in between answered by 412 with nothing written over it. AllergyForm.integrity.test.tsx
// covers patient switching, refused clears, "no known allergies" and the theirs-vs-yours list.

const SNOMED = 'http://snomed.info/sct';
const PEANUT = { system: SNOMED, code: '762952008', display: 'Peanut' };
const URTICARIA = { system: SNOMED, code: '126485001', display: 'Urticaria' };

const substance = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Substance' });
const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const save = () => screen.getByRole('button', { name: 'Save allergy' });
const strip = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Allergy) => rest;

/** A food allergy a colleague recorded, unconfirmed, its reaction coded and worded "Hives". */
function recordPeanut(patientId: string) {
  return colleague().allergies.create({
    code: PEANUT,
    patientId,
    clinicalStatus: 'active',
    verificationStatus: 'unconfirmed',
    type: 'allergy',
    category: ['food'],
    criticality: 'high',
    onsetDateTime: '2015',
    recordedDate: '2026-01-10T15:00:00.000Z',
    reactions: [{ manifestation: 'Hives', manifestationCoding: URTICARIA, severity: 'moderate' }],
  });
}

describe('AllergyForm against the real sandbox', () => {
  it('records a coded allergy exactly as sent: SNOMED CT substance and reaction, statuses, patient, nothing invented', async () => {
    const patient = await newPatient('AllergyCreate');
    const net = recordingFetch();
    const { user, container } = renderWithClient(
      <AllergyForm patientId={patient.id} />,
      chartSettings(net.fetch),
    );
    await user.click(substance());
    await user.keyboard('peanut');
    await screen.findByRole('option', { name: /Peanut/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(substance().value).toBe('Peanut');
    await user.selectOptions(select('Verification'), 'Confirmed');
    await user.selectOptions(select('Type'), 'Allergy');
    await user.selectOptions(select('Criticality'), 'High');
    await user.click(screen.getByRole('checkbox', { name: 'Food' }));
    await user.type(screen.getByLabelText('Onset'), '2015-09');
    await user.click(screen.getByRole('button', { name: 'Add reaction' }));
    const reaction = screen.getByRole('group', { name: 'Reaction 1' });
    await user.click(within(reaction).getByRole('combobox', { name: 'Manifestation' }));
    await user.keyboard('hives');
    await within(reaction).findByRole('option', { name: /Urticaria/ });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.selectOptions(within(reaction).getByLabelText('Severity'), 'Severe');
    await user.type(within(reaction).getByLabelText('Description'), ' lips swelled ');
    await user.type(screen.getByLabelText('Note'), 'Carries an epinephrine auto-injector.');
    expect(await axeViolations(container)).toEqual([]);

    await user.click(save());
    await screen.findByText('Allergy saved.');

    const expected = {
      patientId: patient.id,
      recordedDate: CHART_NOW.toISOString(),
      code: PEANUT,
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      type: 'allergy',
      criticality: 'high',
      onsetDateTime: '2015-09',
      category: ['food'],
      reactions: [
        {
          manifestation: 'Urticaria',
          manifestationCoding: URTICARIA,
          severity: 'severe',
          description: 'lips swelled',
        },
      ],
      note: 'Carries an epinephrine auto-injector.',
    };
    expect(net.writes().map((w) => [w.method, w.path, w.body])).toEqual([
      ['POST', '/api/clinik/v1/allergies', expected],
    ]);
    expect(net.statuses('POST')).toEqual([['POST', '/api/clinik/v1/allergies', 201]]);
    // Read back by someone else: the one record, exactly what was sent (no field added or lost
    // through the sandbox's FHIR AllergyIntolerance mapping), under this patient.
    const { data } = await colleague().allergies.search({ patientId: patient.id });
    expect(data).toHaveLength(1);
    expect(strip(data[0] as Allergy)).toEqual(expected);
    expect(await colleague().allergies.read(data[0]?.id ?? '')).toEqual(data[0]);
  });

  it('an edit sends only the changed field (reactions whole) with If-Match of the version read; only that field changes', async () => {
    const patient = await newPatient('AllergyEdit');
    const allergy = await recordPeanut(patient.id);
    const read = await colleague().allergies.read(allergy.id);
    const version = etagOf(read);
    expect(version).toMatch(/^W\/"/);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <AllergyForm patientId={patient.id} allergyId={allergy.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(substance().value).toBe('Peanut'));
    const reaction = screen.getByRole('group', { name: 'Reaction 1' });
    await user.selectOptions(within(reaction).getByLabelText('Severity'), 'Severe');
    await user.click(save());
    await screen.findByText('Allergy saved.');

    // The stored wording "Hives" is kept beside its SNOMED CT coding (display "Urticaria").
    const reactions = [
      { manifestation: 'Hives', manifestationCoding: URTICARIA, severity: 'severe' },
    ];
    const [patch, ...more] = net.writes();
    expect(more).toEqual([]);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/api/clinik/v1/allergies/${allergy.id}`);
    expect(patch?.headers.get('if-match')).toBe(version);
    expect(patch?.body).toEqual({ reactions });
    const stored = await colleague().allergies.read(allergy.id);
    expect(strip(stored)).toEqual({ ...strip(read), reactions });
    expect(stored.createdAt).toBe(read.createdAt);
    expect(etagOf(stored)).not.toBe(version);
  });

  it('a colleague’s save after the form loaded: the PATCH gets 412, theirs stays stored, nothing written over it', async () => {
    const patient = await newPatient('AllergyRace');
    const allergy = await recordPeanut(patient.id);
    const seen = etagOf(await colleague().allergies.read(allergy.id));
    const net = recordingFetch();
    const { user } = renderWithClient(
      <AllergyForm patientId={patient.id} allergyId={allergy.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(select('Verification').value).toBe('unconfirmed'));
    // The colleague confirms the allergy and adds a note; this form still shows the version before.
    const theirs = await colleague().allergies.update(allergy.id, {
      verificationStatus: 'confirmed',
      note: 'Confirmed by skin-prick test.',
    });
    const reaction = screen.getByRole('group', { name: 'Reaction 1' });
    await user.selectOptions(within(reaction).getByLabelText('Severity'), 'Severe');
    await user.click(save());

    const alert = await screen.findByText(/^Someone else saved this allergy after you opened it/);
    expect(alert.textContent).toBe(
      'Someone else saved this allergy after you opened it; nothing was saved. They changed: Verification, Note. Review and save again.',
    );
    const patches = net.writes();
    expect(patches.map((w) => [w.method, w.headers.get('if-match'), w.body])).toEqual([
      ['PATCH', seen, { reactions: [{ ...allergy.reactions?.[0], severity: 'severe' }] }],
    ]);
    expect(net.statuses('PATCH')).toEqual([
      ['PATCH', `/api/clinik/v1/allergies/${allergy.id}`, 412],
    ]);
    // Theirs is what is stored, same version: nothing was written over it.
    const stored = await colleague().allergies.read(allergy.id);
    expect(stored).toEqual(theirs);
    expect(etagOf(stored)).toBe(etagOf(theirs));
    // The form shows their values, keeps the typed severity, and saves it onto their version.
    expect(select('Verification').value).toBe('confirmed');
    expect(within(reaction).getByLabelText<HTMLSelectElement>('Severity').value).toBe('severe');
    await user.click(save());
    await screen.findByText('Allergy saved.');
    expect(net.writes().at(-1)?.headers.get('if-match')).toBe(etagOf(theirs));
    expect(strip(await colleague().allergies.read(allergy.id))).toEqual({
      ...strip(theirs),
      reactions: [{ manifestation: 'Hives', manifestationCoding: URTICARIA, severity: 'severe' }],
    });
  });
});
