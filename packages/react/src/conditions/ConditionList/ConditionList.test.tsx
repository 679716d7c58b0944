import {
  type Condition,
  type ConditionCreate,
  createClinikClient,
  type Patient,
} from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, inject, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { ConditionList } from './ConditionList.js';

const baseUrl = () => inject('sandboxProxyUrl');
const colleague = () => createClinikClient({ baseUrl: baseUrl(), retries: 0 });
const run = Date.now().toString(36);
let counter = 0;
const SNOMED = 'http://snomed.info/sct';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';

async function newPatient(label: string): Promise<Patient> {
  counter += 1;
  return colleague().patients.create({ firstName: label, lastName: `Problems${run}${counter}` });
}

const record = (patientId: string, fields: Partial<ConditionCreate>): Promise<Condition> =>
  colleague().conditions.create({
    code: 'Unspecified',
    patientId,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    category: 'problem-list-item',
    ...fields,
  });

function Switcher({ first, second }: { first: string; second: string }) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select second
      </button>
      <ConditionList patientId={id} />
    </>
  );
}

const region = () => screen.getByRole('region', { name: 'Problem list' });

describe('ConditionList', () => {
  it('orders the problem list: active, then recurrence/relapse, then inactive/remission/resolved; axe-clean', async () => {
    const patient = await newPatient('Ann');
    await record(patient.id, {
      code: 'Old sprain',
      clinicalStatus: 'resolved',
      abatementDateTime: '2011',
    });
    await record(patient.id, {
      code: { system: ICD10CM, code: 'I10', display: 'Essential (primary) hypertension' },
      onsetDateTime: '2018-04',
      severity: 'moderate',
    });
    await record(patient.id, {
      code: { system: SNOMED, code: '195967001', display: 'Asthma' },
      onsetDateTime: '2021',
    });
    await record(patient.id, {
      code: 'Depression',
      clinicalStatus: 'relapse',
      onsetDateTime: '2015',
    });
    await record(patient.id, {
      code: 'Anemia',
      clinicalStatus: 'remission',
      abatementDateTime: '2020',
    });
    await record(patient.id, { code: 'Wrong chart', verificationStatus: 'entered-in-error' });
    const onSelect = vi.fn();
    const { user, container } = renderWithClient(
      <ConditionList patientId={patient.id} onSelect={onSelect} />,
      { baseUrl: baseUrl() },
    );
    await waitFor(() => expect(region().dataset.state).toBe('ready'));
    const tables = within(region()).getAllByRole('table', { hidden: true });
    expect(tables.map((t) => t.querySelector('caption')?.textContent)).toEqual([
      'Active (2)',
      'Recurrence or relapse (1)',
      'Inactive, in remission or resolved (2)',
    ]);
    const names = (table: HTMLElement | undefined) =>
      within(table as HTMLElement)
        .getAllByRole('rowheader', { hidden: true })
        .map((cell) => cell.querySelector('.ck-condition-list__name')?.textContent);
    // Latest onset first.
    expect(names(tables[0])).toEqual(['Asthma', 'Essential (primary) hypertension']);
    expect(tables[0]?.textContent).toContain('ICD-10-CM I10');
    expect(tables[0]?.textContent).toContain('Active, Confirmed, Moderate');
    expect(names(tables[2])).toEqual(['Anemia', 'Old sprain']);
    expect(region().textContent).not.toContain('Wrong chart');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Edit Asthma' }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ onsetDateTime: '2021' }));
  });

  it('never shows the previous patient’s problems while the next patient’s load', async () => {
    const [a, b] = [await newPatient('Bob'), await newPatient('Cat')];
    await record(a.id, { code: 'Gout' });
    await record(b.id, { code: 'Migraine' });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/conditions\\?.*patientId=${b.id}`), 1000);
    const { user } = renderWithClient(<Switcher first={a.id} second={b.id} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await waitFor(() => expect(region().textContent).toContain('Gout'));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(region().dataset.state).toBe('loading');
    expect(region().textContent).not.toContain('Gout');
    await waitFor(() => expect(region().textContent).toContain('Migraine'), { timeout: 5000 });
    expect(region().textContent).not.toContain('Gout');
  });

  it('says when no problems are recorded', async () => {
    const patient = await newPatient('Dan');
    renderWithClient(<ConditionList patientId={patient.id} />, { baseUrl: baseUrl() });
    await waitFor(() => expect(region().dataset.state).toBe('empty'));
    expect(screen.getByText('No problems recorded.')).toBeTruthy();
  });
});
