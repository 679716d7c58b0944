import { createClinikClient } from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, inject, it } from 'vitest';
import { NO_KNOWN_ALLERGY } from '../allergies/codes.js';
import { axeViolations } from '../test/axe.js';
import { recordingFetch } from '../test/recordingFetch.js';
import { renderWithClient, TEST_NOW } from '../test/renderWithClient.js';
import { vitalBody } from '../vitals/observations.js';
import { PatientSummary } from './PatientSummary.js';

// The chart at a glance against the real sandbox behind the proxy: what each domain wrote is
// summarized from the same queries the full widgets use.
const baseUrl = () => inject('sandboxProxyUrl');
const api = () => createClinikClient({ baseUrl: baseUrl(), retries: 0 });
const run = Date.now().toString(36);
const SNOMED = 'http://snomed.info/sct';

async function patient(label: string) {
  return api().patients.create({ firstName: label, lastName: `Summary${run}` });
}

const sectionOf = (title: string) => screen.getByRole('region', { name: title }) as HTMLElement;

describe('PatientSummary', () => {
  it('summarizes every section of a full chart, with links to the full widgets', async () => {
    const c = api();
    const p = await patient('Full');
    await c.conditions.create({
      patientId: p.id,
      code: { system: SNOMED, code: '38341003', display: 'Hypertensive disorder' },
      clinicalStatus: 'active',
    });
    await c.conditions.create({
      patientId: p.id,
      code: { system: SNOMED, code: '195967001', display: 'Asthma' },
      clinicalStatus: 'resolved',
      abatementDateTime: '2020-01-01',
    });
    await c.allergies.create({
      patientId: p.id,
      code: { system: SNOMED, code: '91936005', display: 'Allergy to penicillin' },
      clinicalStatus: 'active',
      criticality: 'high',
    });
    await c.prescriptions.create({
      patientId: p.id,
      status: 'active',
      medication: {
        system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
        code: '197361',
        display: 'amlodipine 5 MG Oral Tablet',
      },
      dosageInstruction: 'One tablet daily',
    });
    await c.observations.create(
      vitalBody({
        vital: 'heartRate',
        values: { heartRate: 128 },
        ranges: { heartRate: { low: 60, high: 100 } },
        patientId: p.id,
        effectiveDateTime: '2026-06-14T09:00:00Z',
      }),
    );
    await c.immunizations.create({
      patientId: p.id,
      status: 'completed',
      vaccineCode: { system: 'http://hl7.org/fhir/sid/cvx', code: '115', display: 'Tdap' },
      occurrenceDateTime: '2026-05-01T10:00:00Z',
    });
    const start = new Date(Date.now() + 3 * 86_400_000);
    await c.appointments.create({
      patientId: p.id,
      status: 'booked',
      start: start.toISOString(),
      end: new Date(start.getTime() + 1_800_000).toISOString(),
      reasonCode: 'Blood pressure review',
    });

    const { container } = renderWithClient(
      <PatientSummary patientId={p.id} hrefs={{ allergies: '#allergies' }} />,
      { baseUrl: baseUrl(), now: () => new Date() },
    );
    await waitFor(() =>
      expect(sectionOf('Active problems').textContent).toContain('Hypertensive disorder'),
    );
    expect(sectionOf('Active problems').textContent).not.toContain('Asthma');
    await waitFor(() =>
      expect(sectionOf('Allergies').textContent).toContain(
        'Allergy to penicillin (high criticality)',
      ),
    );
    expect(
      within(sectionOf('Allergies')).getByRole('link', { name: 'All allergies' }),
    ).toBeTruthy();
    await waitFor(() =>
      expect(sectionOf('Active medications').textContent).toContain('amlodipine 5 MG Oral Tablet'),
    );
    await waitFor(() => expect(sectionOf('Latest vitals').textContent).toMatch(/Heart rate:.*128/));
    expect(sectionOf('Latest vitals').textContent).toMatch(/\(.*High.*\)|\(H\)/i);
    await waitFor(() => expect(sectionOf('Immunizations given').textContent).toContain('Tdap'));
    await waitFor(() =>
      expect(sectionOf('Upcoming appointments').textContent).toContain('Blood pressure review'),
    );
    await waitFor(() => expect(sectionOf('Patient').textContent).toContain(`Full Summary${run}`));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('tells "No known allergies" (recorded) from "not recorded", and says when sections are empty', async () => {
    const recorded = await patient('Nka');
    await api().allergies.create({
      patientId: recorded.id,
      code: NO_KNOWN_ALLERGY,
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
    });
    const blank = await patient('Blank');
    const first = renderWithClient(<PatientSummary patientId={recorded.id} />, {
      baseUrl: baseUrl(),
    });
    await waitFor(() =>
      expect(sectionOf('Allergies').textContent).toBe('AllergiesNo known allergies (recorded).'),
    );
    first.unmount();

    renderWithClient(<PatientSummary patientId={blank.id} />, { baseUrl: baseUrl() });
    await waitFor(() =>
      expect(sectionOf('Allergies').textContent).toContain('Allergies not recorded.'),
    );
    await waitFor(() =>
      expect(sectionOf('Active problems').textContent).toContain('No active problems recorded.'),
    );
    expect(sectionOf('Active medications').textContent).toContain('No active medications.');
    expect(sectionOf('Latest vitals').textContent).toContain('No vitals recorded.');
  });

  it('never shows the previous patient’s chart while the next one loads slowly', async () => {
    const a = await patient('SwitchA');
    await api().allergies.create({
      patientId: a.id,
      code: { system: SNOMED, code: '91936005', display: 'Allergy to penicillin' },
      clinicalStatus: 'active',
    });
    const b = await patient('SwitchB');
    const net = recordingFetch();
    net.delay('GET', new RegExp(`patientId=${b.id}`), 1000);
    const { rerender } = renderWithClient(
      <PatientSummary patientId={a.id} sections={['allergies']} />,
      {
        baseUrl: baseUrl(),
        clientOptions: { fetch: net.fetch },
      },
    );
    await waitFor(() => expect(sectionOf('Allergies').textContent).toContain('penicillin'));
    rerender(<PatientSummary patientId={b.id} sections={['allergies']} />);
    expect(sectionOf('Allergies').textContent).not.toContain('penicillin');
    expect(sectionOf('Allergies').textContent).toContain('Loading');
    await waitFor(
      () => expect(sectionOf('Allergies').textContent).toContain('Allergies not recorded.'),
      {
        timeout: 5000,
      },
    );
  });

  it('retries a section that failed to load and moves focus to its heading (never <body>)', async () => {
    const p = await patient('Retry');
    let failures = 0;
    // The first allergy search answers 500, as a failing upstream would; the rest reach the sandbox.
    const failOnce: typeof fetch = async (input, init) => {
      if (failures === 0 && new Request(input, init).url.includes('/allergies')) {
        failures += 1;
        return Response.json(
          { error: 'INTERNAL_ERROR', message: 'Upstream failed' },
          { status: 500 },
        );
      }
      return fetch(input, init);
    };
    const { user } = renderWithClient(
      <PatientSummary patientId={p.id} sections={['allergies']} />,
      {
        baseUrl: baseUrl(),
        clientOptions: { fetch: failOnce },
      },
    );
    const retry = await within(sectionOf('Allergies')).findByRole('button', { name: 'Retry' });
    await user.click(retry);
    await waitFor(() =>
      expect(sectionOf('Allergies').textContent).toContain('Allergies not recorded.'),
    );
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Allergies' }));
  });

  it('shows only the sections asked for, in that order', () => {
    renderWithClient(<PatientSummary patientId="p-none" sections={['vitals', 'problems']} />, {
      baseUrl: baseUrl(),
      now: () => TEST_NOW,
    });
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'Latest vitals',
      'Active problems',
    ]);
  });
});
