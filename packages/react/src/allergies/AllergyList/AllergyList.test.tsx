import {
  type Allergy,
  type AllergyCreate,
  createClinikClient,
  NO_KNOWN_ALLERGY,
  type Patient,
} from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, inject, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { AllergyList } from './AllergyList.js';

const baseUrl = () => inject('sandboxProxyUrl');
const colleague = () => createClinikClient({ baseUrl: baseUrl(), retries: 0 });
const run = Date.now().toString(36);
let counter = 0;
const SNOMED = 'http://snomed.info/sct';

async function newPatient(label: string): Promise<Patient> {
  counter += 1;
  return colleague().patients.create({ firstName: label, lastName: `AllergyList${run}${counter}` });
}

const record = (patientId: string, fields: Partial<AllergyCreate>): Promise<Allergy> =>
  colleague().allergies.create({
    code: 'Unknown',
    patientId,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    ...fields,
  });

function Switcher({ first, second }: { first: string; second: string }) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select second
      </button>
      <AllergyList patientId={id} />
    </>
  );
}

const region = () => screen.getByRole('region', { name: 'Allergies and intolerances' });

describe('AllergyList', () => {
  it('never shows the previous patient’s allergies while the next patient’s load', async () => {
    const [a, b] = [await newPatient('Ann'), await newPatient('Bob')];
    await record(a.id, { code: { system: SNOMED, code: '762952008', display: 'Peanut' } });
    await record(b.id, { code: { system: SNOMED, code: '111088007', display: 'Latex' } });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/allergies\\?.*patientId=${b.id}`), 1000);
    const { user } = renderWithClient(<Switcher first={a.id} second={b.id} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await waitFor(() => expect(region().textContent).toContain('Peanut'));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(region().dataset.state).toBe('loading');
    expect(region().textContent).not.toContain('Peanut');
    expect(screen.getByText('Loading allergies…')).toBeTruthy();
    await waitFor(() => expect(region().textContent).toContain('Latex'), { timeout: 5000 });
    expect(region().textContent).not.toContain('Peanut');
  });

  it('lists current allergies most critical first, inactive ones apart, entered in error only on request; axe-clean', async () => {
    const patient = await newPatient('Cat');
    await record(patient.id, { code: 'Strawberries', criticality: 'low', onsetDateTime: '2001' });
    await record(patient.id, {
      code: {
        system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
        code: '7980',
        display: 'Penicillin G',
      },
      criticality: 'high',
      category: ['medication'],
      type: 'allergy',
      onsetDateTime: '2019-05',
      reactions: [
        {
          manifestation: 'Anaphylaxis',
          manifestationCoding: { system: SNOMED, code: '39579001', display: 'Anaphylaxis' },
          severity: 'severe',
        },
      ],
    });
    await record(patient.id, { code: 'Cats', clinicalStatus: 'resolved' });
    await record(patient.id, { code: 'Mistaken entry', verificationStatus: 'entered-in-error' });
    const onSelect = vi.fn();
    const { user, container, rerender } = renderWithClient(
      <AllergyList patientId={patient.id} onSelect={onSelect} />,
      { baseUrl: baseUrl() },
    );
    const active = await screen.findByRole('table', { name: '2 active allergies' });
    const rows = within(active).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Penicillin GRxNorm 7980',
      'Strawberriesnot coded',
    ]);
    expect(rows[0]?.textContent).toContain('Anaphylaxis (severe)');
    expect(rows[0]?.textContent).toContain('May 2019');
    expect(rows[0]?.textContent).toContain('Medication, Allergy');
    expect(region().textContent).toContain('Inactive and resolved (1)');
    expect(region().textContent).not.toContain('Mistaken entry');
    expect(await axeViolations(container)).toEqual([]);

    await user.click(within(active).getByRole('button', { name: 'Edit Penicillin G' }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ criticality: 'high' }));

    rerender(<AllergyList patientId={patient.id} showEnteredInError />);
    await waitFor(() => expect(region().textContent).toContain('Entered in error (1)'));
  });

  it('flags "No known allergies" contradicted by a recorded allergy and marks it inactive on request', async () => {
    const patient = await newPatient('Dan');
    const statement = await record(patient.id, { code: { ...NO_KNOWN_ALLERGY } });
    // A colleague recorded an allergy without retiring the statement.
    await record(patient.id, { code: 'Shellfish', criticality: 'high' });
    const net = recordingFetch();
    const { user } = renderWithClient(<AllergyList patientId={patient.id} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await waitFor(() => expect(region().dataset.state).toBe('allergies'));
    // Never shown as the answer: the allergy is, with the contradiction flagged.
    expect(region().textContent).not.toMatch(/^No known allergies/m);
    expect(region().textContent).toContain(
      '“No known allergies” is also on file, but allergies are recorded: it no longer holds.',
    );
    await user.click(screen.getByRole('button', { name: 'Mark “No known allergies” inactive' }));
    await screen.findByText('“No known allergies” was marked inactive.');
    await waitFor(() =>
      expect(region().textContent).not.toContain('“No known allergies” is also on file'),
    );
    const [patch] = net.writes();
    expect(patch?.path).toBe(`/api/clinik/v1/allergies/${statement.id}`);
    expect(patch?.body).toEqual({ clinicalStatus: 'inactive' });
    expect((await colleague().allergies.read(statement.id)).clinicalStatus).toBe('inactive');
  });

  it('says "no active allergies" when only resolved ones are on file', async () => {
    const patient = await newPatient('Eve');
    await record(patient.id, { code: 'Pollen', clinicalStatus: 'resolved' });
    renderWithClient(<AllergyList patientId={patient.id} />, { baseUrl: baseUrl() });
    await waitFor(() => expect(region().dataset.state).toBe('no-active'));
    expect(region().textContent).toContain('No active allergies on file');
    expect(region().textContent).not.toContain('No known allergies');
  });
});
