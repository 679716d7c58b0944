import {
  type Condition,
  type ConditionCreate,
  createClinikClient,
  type Patient,
} from '@clinikapi/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, inject, it, vi } from 'vitest';
import { CODE_SYSTEMS } from '../../coded/systems.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { ConditionForm } from './ConditionForm.js';

// Record integrity against the real sandbox behind the real proxy. "Y" is another member of
// staff writing through their own client.
const baseUrl = () => inject('sandboxProxyUrl');
const colleague = () => createClinikClient({ baseUrl: baseUrl(), retries: 0 });
const run = Date.now().toString(36);
let counter = 0;

const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const HYPERTENSION = { system: ICD10CM, code: 'I10', display: 'Essential (primary) hypertension' };

async function newPatient(label: string): Promise<Patient> {
  counter += 1;
  return colleague().patients.create({ firstName: label, lastName: `Problem${run}${counter}` });
}

function recordProblem(
  patientId: string,
  fields: Partial<ConditionCreate> = {},
): Promise<Condition> {
  return colleague().conditions.create({
    code: HYPERTENSION,
    patientId,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    category: 'problem-list-item',
    onsetDateTime: '2018-04',
    ...fields,
  });
}

function Switcher({
  patients,
  conditions,
  onSaved,
}: {
  patients: [string, string];
  conditions?: [string, string];
  onSaved?: (condition: Condition) => void;
}) {
  const [second, setSecond] = useState(false);
  const index = second ? 1 : 0;
  return (
    <>
      <button type="button" onClick={() => setSecond(true)}>
        Select second
      </button>
      <ConditionForm
        patientId={patients[index]}
        conditionId={conditions?.[index]}
        onSaved={onSaved}
      />
    </>
  );
}

const problem = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Problem' });
const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const save = () => screen.getByRole('button', { name: 'Save problem' });

describe('ConditionForm follows its patient and record', () => {
  it('a problem typed for A and saved as B is selected lands in A only; B’s form starts empty', async () => {
    const [a, b] = [await newPatient('Ann'), await newPatient('Bob')];
    const net = recordingFetch();
    net.delay('POST', /\/conditions$/, 800);
    const onSaved = vi.fn();
    const { user } = renderWithClient(<Switcher patients={[a.id, b.id]} onSaved={onSaved} />, {
      baseUrl: baseUrl(),
      clientOptions: { fetch: net.fetch },
    });
    await user.click(problem());
    await user.keyboard('asthma');
    await screen.findByRole('option', { name: /J45\.909/ });
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(problem().value).toBe('Unspecified asthma, uncomplicated');
    await user.selectOptions(select('Verification'), 'provisional');
    await user.click(save());
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));

    expect(problem().value).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(problem().value).toBe('');
    expect(screen.queryByText('Problem saved.')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    expect(net.writes()[0]?.body).toEqual({
      patientId: a.id,
      category: 'problem-list-item',
      recordedDate: expect.any(String),
      code: { system: ICD10CM, code: 'J45.909', display: 'Unspecified asthma, uncomplicated' },
      clinicalStatus: 'active',
      verificationStatus: 'provisional',
    });
    expect((await colleague().conditions.search({ patientId: a.id })).data).toHaveLength(1);
    expect((await colleague().conditions.search({ patientId: b.id })).data).toHaveLength(0);
  });

  it('never sends A’s edits to B when B is selected while B is still loading', async () => {
    const [pa, pb] = [await newPatient('Ann'), await newPatient('Bob')];
    const [a, b] = [
      await recordProblem(pa.id),
      await recordProblem(pb.id, { note: 'B’s note', severity: 'mild' }),
    ];
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/conditions/${b.id}$`), 1000);
    const { user } = renderWithClient(
      <Switcher patients={[pa.id, pb.id]} conditions={[a.id, b.id]} />,
      { baseUrl: baseUrl(), clientOptions: { fetch: net.fetch } },
    );
    await waitFor(() => expect(problem().value).toBe('Essential (primary) hypertension'));
    await user.selectOptions(select('Severity'), 'severe');
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.getByText('Loading problem…')).toBeTruthy();
    expect(select('Severity').value).toBe('');
    expect(select('Clinical status').value).toBe('');
    act(() => save().closest('form')?.requestSubmit());
    await waitFor(() => expect(select('Severity').value).toBe('mild'), { timeout: 5000 });
    await user.click(save());
    await screen.findByText('No changes to save.');
    expect(net.writes()).toEqual([]);
    expect((await colleague().conditions.read(a.id)).severity).toBeUndefined();
    expect((await colleague().conditions.read(b.id)).severity).toBe('mild');
  });
});

describe('ConditionForm edits only what the user changed, never over a colleague', () => {
  it('resolves a problem with its abatement date in one PATCH of exactly those fields', async () => {
    const patient = await newPatient('Cat');
    const condition = await recordProblem(patient.id, { note: 'keep me' });
    const net = recordingFetch();
    const { user } = renderWithClient(
      <ConditionForm patientId={patient.id} conditionId={condition.id} />,
      { baseUrl: baseUrl(), clientOptions: { fetch: net.fetch } },
    );
    await waitFor(() => expect(select('Clinical status').value).toBe('active'));
    await user.selectOptions(select('Clinical status'), 'resolved');
    await user.type(input('Abatement'), '2025-11');
    await user.click(save());
    await screen.findByText('Problem saved.');
    const [patch] = net.writes();
    expect(patch?.body).toEqual({ clinicalStatus: 'resolved', abatementDateTime: '2025-11' });
    expect(patch?.headers.get('if-match')).toMatch(/^W\/"/);
    expect(await colleague().conditions.read(condition.id)).toMatchObject({
      clinicalStatus: 'resolved',
      abatementDateTime: '2025-11',
      note: 'keep me',
      code: HYPERTENSION,
    });
  });

  it('refuses an abatement on an active problem, one before the onset, and reactivating an abated one', async () => {
    const patient = await newPatient('Dan');
    const active = await recordProblem(patient.id);
    const net = recordingFetch();
    const { user, rerender } = renderWithClient(
      <ConditionForm patientId={patient.id} conditionId={active.id} />,
      { baseUrl: baseUrl(), clientOptions: { fetch: net.fetch } },
    );
    await waitFor(() => expect(select('Clinical status').value).toBe('active'));
    await user.type(input('Abatement'), '2024');
    await user.click(save());
    expect(
      await screen.findByText(
        'An abatement can only be recorded when the problem is inactive, in remission or resolved',
      ),
    ).toBeTruthy();
    expect(document.activeElement).toBe(input('Abatement'));
    await user.selectOptions(select('Clinical status'), 'remission');
    await user.clear(input('Abatement'));
    await user.type(input('Abatement'), '2017');
    await user.click(save());
    expect(await screen.findByText('Abatement cannot be before the onset')).toBeTruthy();
    expect(net.writes()).toEqual([]);

    const abated = await recordProblem(patient.id, {
      clinicalStatus: 'resolved',
      abatementDateTime: '2023-02',
    });
    rerender(<ConditionForm patientId={patient.id} conditionId={abated.id} />);
    await waitFor(() => expect(select('Clinical status').value).toBe('resolved'));
    await user.selectOptions(select('Clinical status'), 'recurrence');
    await user.click(save());
    expect(
      await screen.findByText(
        'This problem has an abatement date, which cannot be removed here. Record the recurrence as a new problem.',
      ),
    ).toBeTruthy();
    expect(net.writes()).toEqual([]);
    expect((await colleague().conditions.read(abated.id)).clinicalStatus).toBe('resolved');
  });

  it('a colleague’s change: nothing written, both values shown, typed values kept; saving again applies', async () => {
    const patient = await newPatient('Eve');
    const condition = await recordProblem(patient.id);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <ConditionForm patientId={patient.id} conditionId={condition.id} />,
      { baseUrl: baseUrl(), clientOptions: { fetch: net.fetch } },
    );
    await waitFor(() => expect(select('Severity').value).toBe(''));
    await waitFor(() => expect(problem().value).toBe('Essential (primary) hypertension'));
    await colleague().conditions.update(condition.id, { severity: 'mild', note: 'their note' });
    await user.selectOptions(select('Severity'), 'severe');
    await user.click(save());
    const list = await screen.findByRole('region', { name: 'Changed by someone else too' });
    expect(list.textContent).toContain('Stored now: Mild');
    expect(list.textContent).toContain('Yours: Severe');
    expect(select('Severity').value).toBe('severe');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Note').value).toBe('their note');
    expect((await colleague().conditions.read(condition.id)).severity).toBe('mild');
    await user.click(save());
    await screen.findByText('Problem saved.');
    expect(await colleague().conditions.read(condition.id)).toMatchObject({
      severity: 'severe',
      note: 'their note',
    });
    expect(net.writes().every((w) => JSON.stringify(w.body) === '{"severity":"severe"}')).toBe(
      true,
    );
  });

  it('marks entered in error with one field; the stored record has no status or abatement', async () => {
    const patient = await newPatient('Fay');
    const condition = await recordProblem(patient.id, {
      clinicalStatus: 'inactive',
      abatementDateTime: '2024',
      code: { system: SNOMED, code: '195967001', display: 'Asthma' },
    });
    const net = recordingFetch();
    const { user } = renderWithClient(
      <ConditionForm patientId={patient.id} conditionId={condition.id} />,
      { baseUrl: baseUrl(), clientOptions: { fetch: net.fetch } },
    );
    await waitFor(() => expect(select('Clinical status').value).toBe('inactive'));
    await user.selectOptions(select('Verification'), 'entered-in-error');
    await user.click(save());
    await screen.findByText('Problem saved.');
    expect(net.writes().map((w) => w.body)).toEqual([{ verificationStatus: 'entered-in-error' }]);
    const stored = await colleague().conditions.read(condition.id);
    expect(stored.clinicalStatus).toBeUndefined();
    expect(stored.abatementDateTime).toBeUndefined();
  });

  it('offers only the code systems asked for', async () => {
    const patient = await newPatient('Gus');
    const { user } = renderWithClient(
      <ConditionForm patientId={patient.id} codeSystems={[CODE_SYSTEMS.snomed]} />,
      { baseUrl: baseUrl() },
    );
    await user.click(problem());
    await user.keyboard('hypertension');
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Essential hypertension SNOMED CT 59621000']);
  });
});
