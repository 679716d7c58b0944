import { screen, waitFor } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import {
  AMLODIPINE_5,
  AMOXICILLIN,
  AMOXICILLIN_500,
  newPatient,
  recordAllergy,
  sandboxUrl,
} from '../test/sandboxChart.js';
import { PrescriptionForm } from './PrescriptionForm.js';

// The allergy check before a prescription is saved, against allergies recorded in the sandbox.

const input = (label: string) =>
  screen.getByLabelText<HTMLInputElement>(label, { selector: 'input,select,textarea' });

function render(ui: React.ReactElement, net = recordingFetch()) {
  return {
    ...renderWithClient(ui, { baseUrl: sandboxUrl(), clientOptions: { fetch: net.fetch } }),
    net,
  };
}

function Switch({
  first,
  second,
  children,
}: {
  first: string;
  second: string;
  children: (id: string) => ReactNode;
}) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select B
      </button>
      {children(id)}
    </>
  );
}

const save = () => screen.getByRole('button', { name: 'Save prescription' });

describe('PrescriptionForm warns before prescribing against a recorded allergy', () => {
  it('matches an RxNorm drug to an allergy coded as its RxNorm ingredient, and saves only once acknowledged', async () => {
    const patient = await newPatient('AllergyCode');
    // Coded only (no display): nothing to compare by name, so only the ingredient code matches.
    await recordAllergy(patient.id, {
      code: { system: AMOXICILLIN.system, code: AMOXICILLIN.code },
      criticality: 'high',
      reactions: [{ manifestation: 'Hives', severity: 'moderate' }],
    });
    const onSaved = vi.fn();
    const { user, net } = render(
      <PrescriptionForm
        patientId={patient.id}
        defaultValues={{ medication: AMOXICILLIN_500 }}
        onSaved={onSaved}
      />,
    );
    const warning = await screen.findByRole('region', { name: 'Allergy warning' });
    expect(warning.textContent).toContain(
      'Recorded allergy to 723 matches amoxicillin 500 MG Oral Capsule. Criticality: high. Reactions: Hives.',
    );

    await user.click(save());
    // Refused: nothing sent, focus on the warning, which says what to do.
    expect(net.writes()).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(warning));
    expect(warning.textContent).toContain(
      'Review the allergy warning and confirm it before saving.',
    );

    await user.click(
      screen.getByLabelText('I have reviewed this allergy and still want to prescribe it'),
    );
    await user.click(save());
    await screen.findByText('Prescription saved.');
    expect(net.writes()).toHaveLength(1);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('a medication chosen with the keyboard from the RxNorm list is stored coded and matched by code', async () => {
    const patient = await newPatient('AllergyPick');
    await recordAllergy(patient.id, { code: { ...AMOXICILLIN, display: 'Amoxil (any)' } });
    const { user, net } = render(<PrescriptionForm patientId={patient.id} />);
    await user.click(input('Medication'));
    await user.keyboard('amoxi');
    await screen.findByRole('option', { name: /amoxicillin/ });
    await user.keyboard('{ArrowDown}{Enter}');
    const warning = await screen.findByRole('region', { name: 'Allergy warning' });
    expect(warning.textContent).toContain('Recorded allergy to Amoxil (any) matches amoxicillin.');
    await user.click(
      screen.getByLabelText('I have reviewed this allergy and still want to prescribe it'),
    );
    await user.click(save());
    await screen.findByText('Prescription saved.');
    expect((net.writes()[0]?.body as { medication?: unknown } | undefined)?.medication).toEqual(
      AMOXICILLIN,
    );
  });

  it('falls back to names: a text allergy against a text medication, case-insensitively', async () => {
    const patient = await newPatient('AllergyText');
    await recordAllergy(patient.id, { code: 'AMOXICILLIN' });
    const { user } = render(<PrescriptionForm patientId={patient.id} />);
    await user.type(input('Medication'), 'Amoxicillin 250 mg/5 mL suspension');
    const warning = await screen.findByRole('region', { name: 'Allergy warning' });
    expect(warning.textContent).toContain('Recorded allergy to AMOXICILLIN matches');
  });

  it('an acknowledgement does not carry over to another medication', async () => {
    const patient = await newPatient('AllergyReack');
    await recordAllergy(patient.id, { code: 'Amoxicillin' });
    await recordAllergy(patient.id, { code: 'Cephalexin' });
    const { user, net } = render(<PrescriptionForm patientId={patient.id} />);
    await user.type(input('Medication'), 'amoxicillin');
    await screen.findByRole('region', { name: 'Allergy warning' });
    await user.click(
      screen.getByLabelText('I have reviewed this allergy and still want to prescribe it'),
    );
    await user.clear(input('Medication'));
    await user.type(input('Medication'), 'cephalexin');
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Allergy warning' }).textContent).toContain(
        'Cephalexin',
      ),
    );
    expect(
      screen.getByLabelText<HTMLInputElement>(
        'I have reviewed this allergy and still want to prescribe it',
      ).checked,
    ).toBe(false);
    await user.click(save());
    expect(net.writes()).toEqual([]);
  });

  it('ignores inactive, refuted and other patients’ allergies and drug-unrelated names', async () => {
    const [patient, other] = [await newPatient('AllergyNone'), await newPatient('AllergyOther')];
    await recordAllergy(patient.id, { code: AMOXICILLIN, clinicalStatus: 'resolved' });
    await recordAllergy(patient.id, { code: 'Amoxicillin', verificationStatus: 'refuted' });
    await recordAllergy(patient.id, { code: 'Peanut', category: ['food'] });
    await recordAllergy(other.id, { code: AMOXICILLIN });
    const { user, net } = render(
      <PrescriptionForm patientId={patient.id} defaultValues={{ medication: AMOXICILLIN_500 }} />,
    );
    await user.click(save());
    await screen.findByText('Prescription saved.');
    expect(screen.queryByRole('region', { name: 'Allergy warning' })).toBeNull();
    expect(net.writes()).toHaveLength(1);
  });

  it('uses the patient it is given: A’s allergy never warns (or stays acknowledged) for B', async () => {
    const [a, b] = [await newPatient('AllergyA'), await newPatient('AllergyB')];
    await recordAllergy(a.id, { code: AMLODIPINE_5 });
    await recordAllergy(b.id, { code: 'Amlodipine' });
    const net = recordingFetch();
    // B's allergies arrive late: meanwhile nothing of A's check may apply to B.
    net.delay('GET', new RegExp(`/allergies\\?.*patientId=${b.id}`), 800);
    const { user } = render(
      <Switch first={a.id} second={b.id}>
        {(id) => <PrescriptionForm patientId={id} defaultValues={{ medication: AMLODIPINE_5 }} />}
      </Switch>,
      net,
    );
    await screen.findByRole('region', { name: 'Allergy warning' });
    await user.click(
      screen.getByLabelText('I have reviewed this allergy and still want to prescribe it'),
    );
    await user.click(screen.getByRole('button', { name: 'Select B' }));
    // B's form starts empty: nothing to check until a medication is entered for B.
    expect(screen.queryByRole('region', { name: 'Allergy warning' })).toBeNull();
    await user.type(input('Medication'), 'Amlodipine 10 mg tablet');
    await user.click(save());
    const warning = await screen.findByRole('region', { name: 'Allergy warning' });
    expect(warning.textContent).toContain('Recorded allergy to Amlodipine matches');
    expect(net.writes()).toEqual([]);
  });

  it('when the allergies cannot be read, says so and saves only after an explicit acknowledgement', async () => {
    const patient = await newPatient('AllergyDown');
    const net = recordingFetch();
    const failing: typeof fetch = async (request, init) => {
      const url = String(request instanceof Request ? request.url : request);
      if (url.includes('/allergies')) {
        return new Response(
          JSON.stringify({ error: 'INTERNAL_ERROR', message: 'Internal error', code: '500' }),
          { status: 500, headers: { 'content-type': 'application/json' } },
        );
      }
      return net.fetch(request, init);
    };
    const { user } = renderWithClient(
      <PrescriptionForm patientId={patient.id} defaultValues={{ medication: 'Warfarin 5 mg' }} />,
      { baseUrl: sandboxUrl(), clientOptions: { fetch: failing } },
    );
    await screen.findByText(/allergies could not be checked/);
    await user.click(save());
    expect(net.writes()).toEqual([]);
    await user.click(
      screen.getByLabelText('I have checked the allergies myself; save without this check'),
    );
    await user.click(save());
    await screen.findByText('Prescription saved.');
    expect(net.writes()).toHaveLength(1);
  });
});
