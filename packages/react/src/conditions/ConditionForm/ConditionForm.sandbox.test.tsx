import { type Condition, etagOf } from '@clinikapi/core';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { CHART_NOW, chartSettings, colleague, newPatient } from '../../test/sandboxChart.js';
import { ConditionForm } from './ConditionForm.js';

// What ConditionForm sends, as the real sandbox behind the real proxy accepts and stores it: the
// exact coded problem-list entry (nothing invented), a one-field edit that codes a free-text
// problem onto the version read, and a colleague's save in between answered by 412 with nothing
// written over it. ConditionForm.integrity.test.tsx covers patient switching, abatement rules,
// entered-in-error and the theirs-vs-yours list of a field both changed.

const SNOMED = 'http://snomed.info/sct';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const ESSENTIAL_HYPERTENSION = {
  system: SNOMED,
  code: '59621000',
  display: 'Essential hypertension',
};
const I10 = { system: ICD10CM, code: 'I10', display: 'Essential (primary) hypertension' };

const problem = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Problem' });
const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const save = () => screen.getByRole('button', { name: 'Save problem' });
const strip = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Condition) => rest;

/** A problem a colleague recorded as free text, without a code. */
function recordUncoded(patientId: string) {
  return colleague().conditions.create({
    code: 'high blood pressure',
    patientId,
    category: 'problem-list-item',
    clinicalStatus: 'active',
    verificationStatus: 'provisional',
    onsetDateTime: '2018-04',
    recordedDate: '2026-01-10T15:00:00.000Z',
    note: 'Home readings around 150/95.',
  });
}

describe('ConditionForm against the real sandbox', () => {
  it('records a SNOMED CT coded problem-list entry exactly as sent: statuses, severity, patient, nothing invented', async () => {
    const patient = await newPatient('ProblemCreate');
    const net = recordingFetch();
    const { user, container } = renderWithClient(
      <ConditionForm patientId={patient.id} />,
      chartSettings(net.fetch),
    );
    await user.click(problem());
    await user.keyboard('hypertension');
    await user.click(await screen.findByRole('option', { name: /SNOMED CT 59621000/ }));
    expect(problem().value).toBe('Essential hypertension');
    await user.selectOptions(select('Verification'), 'Confirmed');
    await user.selectOptions(select('Severity'), 'Moderate');
    await user.type(screen.getByLabelText('Onset'), '2019-05');
    await user.type(screen.getByLabelText('Note'), ' On lisinopril since 2020. ');
    expect(await axeViolations(container)).toEqual([]);

    await user.click(save());
    await screen.findByText('Problem saved.');

    const expected = {
      patientId: patient.id,
      category: 'problem-list-item',
      recordedDate: CHART_NOW.toISOString(),
      code: ESSENTIAL_HYPERTENSION,
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      severity: 'moderate',
      onsetDateTime: '2019-05',
      note: 'On lisinopril since 2020.',
    };
    expect(net.writes().map((w) => [w.method, w.path, w.body])).toEqual([
      ['POST', '/api/clinik/v1/conditions', expected],
    ]);
    expect(net.statuses('POST')).toEqual([['POST', '/api/clinik/v1/conditions', 201]]);
    // Read back by someone else: the one record, exactly what was sent (no field added or lost
    // through the sandbox's FHIR Condition mapping, severity included), under this patient.
    const { data } = await colleague().conditions.search({ patientId: patient.id });
    expect(data).toHaveLength(1);
    expect(strip(data[0] as Condition)).toEqual(expected);
    expect(await colleague().conditions.read(data[0]?.id ?? '')).toEqual(data[0]);
  });

  it('coding a free-text problem sends only the code (ICD-10-CM) with If-Match of the version read; only the code changes', async () => {
    const patient = await newPatient('ProblemEdit');
    const condition = await recordUncoded(patient.id);
    const read = await colleague().conditions.read(condition.id);
    const version = etagOf(read);
    expect(version).toMatch(/^W\/"/);
    const net = recordingFetch();
    const { user } = renderWithClient(
      <ConditionForm patientId={patient.id} conditionId={condition.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(problem().value).toBe('high blood pressure'));
    await user.clear(problem());
    await user.keyboard('hypertension');
    await user.click(await screen.findByRole('option', { name: /ICD-10-CM I10/ }));
    expect(problem().value).toBe('Essential (primary) hypertension');
    await user.click(save());
    await screen.findByText('Problem saved.');

    const [patch, ...more] = net.writes();
    expect(more).toEqual([]);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/api/clinik/v1/conditions/${condition.id}`);
    expect(patch?.headers.get('if-match')).toBe(version);
    expect(patch?.body).toEqual({ code: I10 });
    const stored = await colleague().conditions.read(condition.id);
    expect(strip(stored)).toEqual({ ...strip(read), code: I10 });
    expect(stored.createdAt).toBe(read.createdAt);
    expect(etagOf(stored)).not.toBe(version);
  });

  it('a colleague’s save after the form loaded: the PATCH gets 412, theirs stays stored, nothing written over it', async () => {
    const patient = await newPatient('ProblemRace');
    const condition = await recordUncoded(patient.id);
    const seen = etagOf(await colleague().conditions.read(condition.id));
    const net = recordingFetch();
    const { user } = renderWithClient(
      <ConditionForm patientId={patient.id} conditionId={condition.id} />,
      chartSettings(net.fetch),
    );
    await waitFor(() => expect(select('Verification').value).toBe('provisional'));
    // The colleague confirms the problem; this form still shows the version before.
    const theirs = await colleague().conditions.update(condition.id, {
      verificationStatus: 'confirmed',
    });
    await user.selectOptions(select('Severity'), 'Mild');
    await user.click(save());

    const alert = await screen.findByText(/^Someone else saved this problem after you opened it/);
    expect(alert.textContent).toBe(
      'Someone else saved this problem after you opened it; nothing was saved. They changed: Verification. Review and save again.',
    );
    expect(net.writes().map((w) => [w.method, w.headers.get('if-match'), w.body])).toEqual([
      ['PATCH', seen, { severity: 'mild' }],
    ]);
    expect(net.statuses('PATCH')).toEqual([
      ['PATCH', `/api/clinik/v1/conditions/${condition.id}`, 412],
    ]);
    // Theirs is what is stored, same version: nothing was written over it.
    const stored = await colleague().conditions.read(condition.id);
    expect(stored).toEqual(theirs);
    expect(etagOf(stored)).toBe(etagOf(theirs));
    // The form shows their value, keeps the typed severity, and saves it onto their version.
    expect(select('Verification').value).toBe('confirmed');
    expect(select('Severity').value).toBe('mild');
    await user.click(save());
    await screen.findByText('Problem saved.');
    expect(net.writes().at(-1)?.headers.get('if-match')).toBe(etagOf(theirs));
    expect(strip(await colleague().conditions.read(condition.id))).toEqual({
      ...strip(theirs),
      severity: 'mild',
    });
  });
});
