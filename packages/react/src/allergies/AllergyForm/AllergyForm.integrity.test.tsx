import {
  type Allergy,
  type AllergyCreate,
  createClinikClient,
  NO_KNOWN_ALLERGY,
  type Patient,
} from '@clinikapi/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, inject, it, vi } from 'vitest';
import { clinikKeys } from '../../queries/keys.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { AllergyList } from '../AllergyList/AllergyList.js';
import { AllergyForm } from './AllergyForm.js';

// Record integrity against the real sandbox behind the real proxy. "Y" is another member of
// staff writing through their own client.
const baseUrl = () => inject('sandboxProxyUrl');
const colleague = () => createClinikClient({ baseUrl: baseUrl(), retries: 0 });
const run = Date.now().toString(36);
let counter = 0;

const SNOMED = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const PENICILLIN_G = { system: RXNORM, code: '7980', display: 'Penicillin G' };
const PEANUT = { system: SNOMED, code: '762952008', display: 'Peanut' };

async function newPatient(label: string): Promise<Patient> {
  counter += 1;
  return colleague().patients.create({ firstName: label, lastName: `Allergy${run}${counter}` });
}

function recordAllergy(patientId: string, fields: Partial<AllergyCreate> = {}): Promise<Allergy> {
  return colleague().allergies.create({
    code: PEANUT,
    patientId,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    type: 'allergy',
    category: ['food'],
    criticality: 'high',
    onsetDateTime: '2015',
    reactions: [
      {
        manifestation: 'Hives',
        manifestationCoding: { system: SNOMED, code: '126485001', display: 'Urticaria' },
        severity: 'moderate',
      },
    ],
    ...fields,
  });
}

/** One form whose patient (or allergy) follows a selection, with no `key`, as in an app. */
function Switcher({
  patients,
  allergies,
  onSaved,
}: {
  patients: [string, string];
  allergies?: [string, string];
  onSaved?: (allergy: Allergy) => void;
}) {
  const [second, setSecond] = useState(false);
  const index = second ? 1 : 0;
  return (
    <>
      <button type="button" onClick={() => setSecond(true)}>
        Select second
      </button>
      <AllergyForm patientId={patients[index]} allergyId={allergies?.[index]} onSaved={onSaved} />
    </>
  );
}

const substance = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Substance' });
const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const save = () => screen.getByRole('button', { name: 'Save allergy' });

describe('AllergyForm follows its patient and record', () => {
  it('a new allergy typed for A and saved as B is selected lands in A only; B’s form starts empty', async () => {
    const [a, b] = [await newPatient('Ann'), await newPatient('Bob')];
    const net = recordingFetch();
    net.delay('POST', /\/allergies$/, 800);
    const onSaved = vi.fn();
    const { user } = renderWithClient(<Switcher patients={[a.id, b.id]} onSaved={onSaved} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await user.click(substance());
    await user.keyboard('penicillin g');
    await screen.findByRole('option', { name: /Penicillin G/ });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.selectOptions(select('Verification'), 'confirmed');
    await user.click(save());
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));

    // B's form: nothing of A's allergy, and A's late answer does not land here.
    expect(substance().value).toBe('');
    expect(select('Verification').value).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(substance().value).toBe('');
    expect(screen.queryByText('Allergy saved.')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    const [post] = net.writes();
    expect(post?.path).toBe('/api/clinik/v1/allergies');
    expect(post?.body).toMatchObject({ patientId: a.id, code: PENICILLIN_G });
    expect((await colleague().allergies.search({ patientId: a.id })).data).toHaveLength(1);
    expect((await colleague().allergies.search({ patientId: b.id })).data).toHaveLength(0);
  });

  it('never sends A’s edits to B when B is selected while B is still loading', async () => {
    const [pa, pb] = [await newPatient('Ann'), await newPatient('Bob')];
    const [a, b] = [await recordAllergy(pa.id), await recordAllergy(pb.id, { criticality: 'low' })];
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/allergies/${b.id}$`), 1000);
    const { user } = renderWithClient(
      <Switcher patients={[pa.id, pb.id]} allergies={[a.id, b.id]} />,
      { baseUrl: baseUrl(), clientOptions: { fetch: net.fetch } },
    );
    await waitFor(() => expect(substance().value).toBe('Peanut'));
    expect(select('Criticality').value).toBe('high');
    await user.selectOptions(select('Criticality'), 'unable-to-assess');

    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.getByText('Loading allergy…')).toBeTruthy();
    expect(select('Criticality').value).toBe('');
    expect(select('Criticality').closest('fieldset')?.disabled).toBe(true);
    act(() => save().closest('form')?.requestSubmit());

    await waitFor(() => expect(select('Criticality').value).toBe('low'), { timeout: 5000 });
    await user.click(save());
    await screen.findByText('No changes to save.');
    expect(net.writes()).toEqual([]);
    expect((await colleague().allergies.read(a.id)).criticality).toBe('high');
    expect((await colleague().allergies.read(b.id)).criticality).toBe('low');
  });

  it('shows a record of another patient as such and cannot save it', async () => {
    const [pa, pb] = [await newPatient('Ann'), await newPatient('Bob')];
    const a = await recordAllergy(pa.id);
    const net = recordingFetch();
    const { user } = renderWithClient(<AllergyForm patientId={pb.id} allergyId={a.id} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    expect(
      await screen.findByText(
        'This allergy belongs to another patient than the one selected. It cannot be edited here.',
      ),
    ).toBeTruthy();
    expect(save()).toHaveProperty('disabled', true);
    await user.click(save());
    expect(net.writes()).toEqual([]);
  });
});

describe('AllergyForm edits only what the user changed, never over a colleague', () => {
  it('sends only the edited field with If-Match, and the coded reactions stay as stored', async () => {
    const patient = await newPatient('Cat');
    const allergy = await recordAllergy(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <AllergyForm patientId={patient.id} allergyId={allergy.id} />,
      {
        baseUrl: baseUrl(),
        clientOptions: { fetch: net.fetch },
      },
    );
    await waitFor(() => expect(substance().value).toBe('Peanut'));
    await user.selectOptions(select('Criticality'), 'low');
    await user.click(save());
    await screen.findByText('Allergy saved.');
    const [patch] = net.writes();
    expect(patch?.method).toBe('PATCH');
    expect(patch?.body).toEqual({ criticality: 'low' });
    expect(patch?.headers.get('if-match')).toMatch(/^W\/"/);
    const stored = await colleague().allergies.read(allergy.id);
    expect(stored.reactions).toEqual(allergy.reactions);
    expect(stored.code).toEqual(PEANUT);
  });

  it('a colleague’s change: nothing written, conflict shown with both values, typed values kept; saving again applies', async () => {
    const patient = await newPatient('Dan');
    const allergy = await recordAllergy(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <AllergyForm patientId={patient.id} allergyId={allergy.id} />,
      {
        baseUrl: baseUrl(),
        clientOptions: { fetch: net.fetch },
      },
    );
    await waitFor(() => expect(substance().value).toBe('Peanut'));
    await colleague().allergies.update(allergy.id, { criticality: 'low', note: 'colleague note' });
    await user.selectOptions(select('Criticality'), 'unable-to-assess');
    await user.type(screen.getByLabelText('Onset'), '{Control>}a{/Control}2014-06');
    await user.click(save());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else saved this allergy');
    expect(alert.textContent).toContain('Criticality');
    const list = screen.getByRole('region', { name: 'Changed by someone else too' });
    expect(list.textContent).toContain('Stored now: Low');
    expect(list.textContent).toContain('Yours: Unable to assess');
    expect(document.activeElement).toBe(list);
    expect(select('Criticality').value).toBe('unable-to-assess');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Note').value).toBe('colleague note');
    expect((await colleague().allergies.read(allergy.id)).criticality).toBe('low');

    await user.click(save());
    await screen.findByText('Allergy saved.');
    expect(await colleague().allergies.read(allergy.id)).toMatchObject({
      criticality: 'unable-to-assess',
      onsetDateTime: '2014-06',
      note: 'colleague note',
    });
    expect(
      net.writes().every(
        (w) =>
          Object.keys(w.body as object)
            .sort()
            .join() === 'criticality,onsetDateTime',
      ),
    ).toBe(true);
  });

  it('a newer copy from a refetch updates untouched fields and keeps typed ones', async () => {
    const patient = await newPatient('Eve');
    const allergy = await recordAllergy(patient.id);
    const { user, queryClient } = renderWithClient(
      <AllergyForm patientId={patient.id} allergyId={allergy.id} />,
      { baseUrl: baseUrl() },
    );
    await waitFor(() => expect(substance().value).toBe('Peanut'));
    await user.type(screen.getByLabelText('Note'), 'typed here');
    await colleague().allergies.update(allergy.id, { criticality: 'low' });
    await act(() =>
      queryClient.invalidateQueries({ queryKey: clinikKeys.detail('allergies', allergy.id) }),
    );
    await waitFor(() => expect(select('Criticality').value).toBe('low'));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Note').value).toBe('typed here');
    expect(screen.getByText(/This allergy was changed elsewhere \(Criticality\)/)).toBeTruthy();
  });

  it('marks resolved, then entered in error (stored without a clinical status), each as a one-field PATCH', async () => {
    const patient = await newPatient('Fay');
    const allergy = await recordAllergy(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <AllergyForm patientId={patient.id} allergyId={allergy.id} />,
      {
        baseUrl: baseUrl(),
        clientOptions: { fetch: net.fetch },
      },
    );
    await waitFor(() => expect(select('Clinical status').value).toBe('active'));
    await user.selectOptions(select('Clinical status'), 'resolved');
    await user.click(save());
    await screen.findByText('Allergy saved.');
    await user.selectOptions(select('Verification'), 'entered-in-error');
    await user.click(save());
    await waitFor(() => expect(net.writes()).toHaveLength(2));
    await screen.findByText('Allergy saved.');
    expect(net.writes().map((w) => w.body)).toEqual([
      { clinicalStatus: 'resolved' },
      { verificationStatus: 'entered-in-error' },
    ]);
    const stored = await colleague().allergies.read(allergy.id);
    expect(stored.verificationStatus).toBe('entered-in-error');
    expect(stored.clinicalStatus).toBeUndefined();
    expect(select('Clinical status').value).toBe('');
  });

  it('refuses to silently keep a value the user emptied', async () => {
    const patient = await newPatient('Gus');
    const allergy = await recordAllergy(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <AllergyForm patientId={patient.id} allergyId={allergy.id} />,
      {
        baseUrl: baseUrl(),
        clientOptions: { fetch: net.fetch },
      },
    );
    await waitFor(() => expect(select('Criticality').value).toBe('high'));
    await user.selectOptions(select('Criticality'), '');
    await user.click(save());
    expect(
      await screen.findByText(
        'Criticality can only be changed here, not removed. Enter a value or undo.',
      ),
    ).toBeTruthy();
    expect(net.writes()).toEqual([]);
  });
});

describe('recording an allergy with codes, and "No known allergies"', () => {
  it('stores the substance and reactions with their codings, exactly as chosen', async () => {
    const patient = await newPatient('Hal');
    const net = recordingFetch();
    const onSaved = vi.fn();
    const { user } = renderWithClient(<AllergyForm patientId={patient.id} onSaved={onSaved} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await user.click(substance());
    await user.keyboard('amoxi');
    await screen.findByRole('option', { name: /Amoxicillin/ });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.selectOptions(select('Verification'), 'confirmed');
    await user.selectOptions(select('Type'), 'allergy');
    await user.selectOptions(select('Criticality'), 'high');
    await user.click(screen.getByRole('checkbox', { name: 'Medication' }));
    await user.type(screen.getByLabelText('Onset'), '2021-03');
    await user.click(screen.getByRole('button', { name: 'Add reaction' }));
    const reaction = screen.getByRole('group', { name: 'Reaction 1' });
    await user.click(within(reaction).getByRole('combobox', { name: 'Manifestation' }));
    await user.keyboard('hives');
    await within(reaction).findByRole('option', { name: /Urticaria/ });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.selectOptions(within(reaction).getByLabelText('Severity'), 'severe');
    await user.click(screen.getByRole('button', { name: 'Add reaction' }));
    const second = screen.getByRole('group', { name: 'Reaction 2' });
    await user.type(within(second).getByRole('combobox', { name: 'Manifestation' }), 'felt dizzy');
    await user.click(save());
    await screen.findByText('Allergy saved.');

    const expected = {
      code: { system: RXNORM, code: '723', display: 'Amoxicillin' },
      patientId: patient.id,
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      onsetDateTime: '2021-03',
      reactions: [
        {
          manifestation: 'Urticaria',
          manifestationCoding: { system: SNOMED, code: '126485001', display: 'Urticaria' },
          severity: 'severe',
        },
        { manifestation: 'felt dizzy' },
      ],
    };
    expect(net.writes()[0]?.body).toEqual({ ...expected, recordedDate: expect.any(String) });
    const [stored] = (await colleague().allergies.search({ patientId: patient.id })).data;
    expect(stored).toMatchObject(expected);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining(expected));
    // The form is ready for the next allergy.
    expect(substance().value).toBe('');
  });

  it('the list tells "No known allergies" (recorded) from "not recorded", and a new allergy retires the statement', async () => {
    const [withNka, nothing] = [await newPatient('Ida'), await newPatient('Jon')];
    const { user, rerender } = renderWithClient(
      <AllergyList patientId={nothing.id} canRecordNoKnownAllergies />,
      { baseUrl: baseUrl() },
    );
    const list = await screen.findByRole('region', { name: 'Allergies and intolerances' });
    await waitFor(() => expect(list.dataset.state).toBe('not-recorded'));
    expect(list.textContent).toContain('Allergies not recorded.');

    rerender(<AllergyList patientId={withNka.id} canRecordNoKnownAllergies />);
    await waitFor(() => expect(list.dataset.state).toBe('not-recorded'));
    await user.click(screen.getByRole('button', { name: 'Record “No known allergies”' }));
    await screen.findByText('“No known allergies” recorded.');
    await waitFor(() => expect(list.dataset.state).toBe('no-known-allergies'));
    expect(list.textContent).toMatch(/No known allergies \(recorded .*2026\)\./);
    const [statement] = (await colleague().allergies.search({ patientId: withNka.id })).data;
    expect(statement).toMatchObject({
      code: NO_KNOWN_ALLERGY,
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
    });

    // Recording an allergy for that patient marks the statement inactive.
    rerender(
      <>
        <AllergyList patientId={withNka.id} />
        <AllergyForm patientId={withNka.id} />
      </>,
    );
    await screen.findByText(
      '“No known allergies” is on file for this patient; saving this allergy marks it inactive.',
    );
    await user.click(substance());
    await user.keyboard('latex{ArrowDown}{Enter}');
    await user.selectOptions(select('Verification'), 'confirmed');
    await user.click(save());
    await screen.findByText(/“No known allergies” was marked inactive\./);
    await waitFor(() => expect(list.dataset.state).toBe('allergies'));
    expect(within(list).getByRole('table', { name: '1 active allergy' }).textContent).toContain(
      'Latex',
    );
    expect((await colleague().allergies.read(statement?.id ?? '')).clinicalStatus).toBe('inactive');
  });

  it('refuses "No known allergies" while an allergy is on file, naming it', async () => {
    const patient = await newPatient('Kim');
    // Recorded by a colleague after this list loaded.
    const { user } = renderWithClient(
      <AllergyList patientId={patient.id} canRecordNoKnownAllergies />,
      { baseUrl: baseUrl() },
    );
    const list = await screen.findByRole('region', { name: 'Allergies and intolerances' });
    await waitFor(() => expect(list.dataset.state).toBe('not-recorded'));
    await recordAllergy(patient.id);
    await user.click(screen.getByRole('button', { name: 'Record “No known allergies”' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not recorded: this patient has active allergies (Peanut).',
    );
    expect((await colleague().allergies.search({ patientId: patient.id })).data).toHaveLength(1);
  });
});
