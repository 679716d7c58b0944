import type { Immunization } from '@clinikapi/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import {
  ACT_REASON,
  ACT_SITE,
  colleague,
  FLU,
  newPatient,
  recordImmunization,
  SNOMED,
  sandboxUrl,
  TDAP,
} from '../test/sandboxChart.js';
import { ImmunizationForm } from './ImmunizationForm.js';

// The immunization form against the real sandbox behind the real proxy. The practice is in New
// York; "now" is 2026-06-15 12:00 UTC (08:00 EDT).

const ZONE = 'America/New_York';

function Switcher({
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
        Select second
      </button>
      {children(id)}
    </>
  );
}

const input = (label: string) =>
  screen.getByLabelText<HTMLInputElement & HTMLSelectElement>(label, {
    selector: 'input,select,textarea',
  });
const save = () => screen.getByRole('button', { name: 'Save immunization' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function render(ui: React.ReactElement, net = recordingFetch()) {
  return {
    ...renderWithClient(ui, {
      baseUrl: sandboxUrl(),
      timeZone: ZONE,
      clientOptions: { fetch: net.fetch },
    }),
    net,
  };
}

async function chooseVaccine(user: ReturnType<typeof render>['user'], typed: string, name: RegExp) {
  await user.click(input('Vaccine'));
  await user.keyboard(typed);
  await screen.findByRole('option', { name });
  await user.keyboard('{ArrowDown}{Enter}');
}

describe('ImmunizationForm records exactly what was entered', () => {
  it('stores a CVX vaccine given at a practice-zone time with dose number, lot, coded site and route', async () => {
    const patient = await newPatient('Given');
    const nurse = await colleague().practitioners.create({ firstName: 'Florence', lastName: 'N' });
    const onSaved = vi.fn();
    const { user, net, container } = render(
      <ImmunizationForm patientId={patient.id} performerId={nurse.id} onSaved={onSaved} />,
    );
    await chooseVaccine(user, 'tdap', /Tdap/);
    await user.type(input('Date and time'), '2026-06-15T07:45');
    expect(screen.getByText('Time in America/New_York')).toBeTruthy();
    await user.type(input('Dose number'), '1');
    await user.type(input('Lot number'), 'TD4471');
    await screen.findByRole('option', { name: 'left deltoid' });
    await user.selectOptions(input('Site'), 'left deltoid');
    await user.selectOptions(input('Route'), 'Intramuscular route');
    await waitFor(() => expect(input('Given by').value).toBe(nurse.id));
    expect(await axeViolations(container)).toEqual([]);
    await user.click(save());
    await screen.findByText('Immunization saved.');
    expect(net.writes().map((w) => w.body)).toEqual([
      {
        status: 'completed',
        vaccineCode: TDAP,
        patientId: patient.id,
        // 07:45 on the practice's wall clock in June is 11:45 UTC.
        occurrenceDateTime: '2026-06-15T07:45:00-04:00',
        performerId: nurse.id,
        lotNumber: 'TD4471',
        site: { system: ACT_SITE, code: 'LD', display: 'left deltoid' },
        route: { system: SNOMED, code: '78421000', display: 'Intramuscular route' },
        protocolApplied: [{ doseNumberPositiveInt: 1 }],
      },
    ]);
    const saved = onSaved.mock.calls[0]?.[0] as Immunization;

    // What the sandbox returns re-renders identically; saving it unchanged sends nothing.
    const again = render(<ImmunizationForm patientId={patient.id} immunizationId={saved.id} />);
    const form = again.container;
    await waitFor(() =>
      expect(within(form).getByLabelText<HTMLInputElement>('Lot number').value).toBe('TD4471'),
    );
    expect(within(form).getByLabelText<HTMLInputElement>('Date and time').value).toBe(
      '2026-06-15T07:45',
    );
    expect(within(form).getByLabelText<HTMLInputElement>('Vaccine').value).toBe('Tdap');
    expect(within(form).getByLabelText<HTMLInputElement>('Dose number').value).toBe('1');
    await waitFor(() =>
      expect(
        within(form).getByLabelText<HTMLSelectElement>('Site').selectedOptions[0]?.textContent,
      ).toBe('left deltoid'),
    );
    await again.user.click(within(form).getByRole('button', { name: 'Save immunization' }));
    await within(form).findByText('No changes to save.');
    expect(again.net.writes()).toEqual([]);
  });

  it('a dose not given needs a reason, sent as a v3 ActReason coding', async () => {
    const patient = await newPatient('NotGiven');
    const { user, net } = render(
      <ImmunizationForm patientId={patient.id} defaultValues={{ vaccineCode: FLU }} />,
    );
    await user.selectOptions(input('Status'), 'Not given');
    await user.type(input('Date and time'), '2026-06-14T16:00');
    await user.click(save());
    await screen.findByText('Give the reason it was not given');
    expect(document.activeElement).toBe(input('Reason not given'));
    expect(net.writes()).toEqual([]);
    await screen.findByRole('option', { name: 'patient objection' });
    await user.selectOptions(input('Reason not given'), 'patient objection');
    await user.click(save());
    await screen.findByText('Immunization saved.');
    expect(net.writes()[0]?.body).toEqual({
      status: 'not-done',
      vaccineCode: FLU,
      patientId: patient.id,
      occurrenceDateTime: '2026-06-14T16:00:00-04:00',
      statusReason: { system: ACT_REASON, code: 'PATOBJ', display: 'patient objection' },
    });
  });

  it('refuses a time in the future of the practice’s clock', async () => {
    const patient = await newPatient('Future');
    const { user, net } = render(
      <ImmunizationForm patientId={patient.id} defaultValues={{ vaccineCode: TDAP }} />,
    );
    // 08:30 in New York is after "now" (08:00 EDT), though before noon UTC.
    await user.type(input('Date and time'), '2026-06-15T08:30');
    await user.click(save());
    await screen.findByText('Date and time cannot be in the future');
    expect(net.writes()).toEqual([]);
  });
});

describe('ImmunizationForm follows its ids', () => {
  it('never sends edits of one immunization to another selected while it loads', async () => {
    const patient = await newPatient('Switch');
    const first = await recordImmunization(patient.id, { lotNumber: 'LOT-A' });
    const second = await recordImmunization(patient.id, { lotNumber: 'LOT-B' });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/immunizations/${second.id}$`), 1000);
    const { user } = render(
      <Switcher first={first.id} second={second.id}>
        {(id) => <ImmunizationForm patientId={patient.id} immunizationId={id} />}
      </Switcher>,
      net,
    );
    await waitFor(() => expect(input('Lot number').value).toBe('LOT-A'));
    await user.clear(input('Lot number'));
    await user.type(input('Lot number'), 'TYPED');
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.getByText('Loading immunization…')).toBeTruthy();
    expect(input('Lot number').value).toBe('');
    act(() => save().closest('form')?.requestSubmit());
    await waitFor(() => expect(input('Lot number').value).toBe('LOT-B'), { timeout: 5000 });
    await user.click(save());
    await screen.findByText('No changes to save.');
    expect(net.writes()).toEqual([]);
  });

  it('a save in flight for patient A lands in A only, and B starts empty', async () => {
    const [a, b] = [await newPatient('FlightA'), await newPatient('FlightB')];
    const net = recordingFetch();
    net.delay('POST', /\/immunizations$/, 800);
    const onSaved = vi.fn();
    const { user } = render(
      <Switcher first={a.id} second={b.id}>
        {(id) => (
          <ImmunizationForm
            patientId={id}
            defaultValues={{ vaccineCode: TDAP }}
            onSaved={onSaved}
          />
        )}
      </Switcher>,
      net,
    );
    await user.type(input('Date and time'), '2026-06-01T10:00');
    await user.click(save());
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(input('Date and time').value).toBe('');
    await sleep(1000);
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.queryByText('Immunization saved.')).toBeNull();
    expect((net.writes()[0]?.body as { patientId?: string } | undefined)?.patientId).toBe(a.id);
    expect((await colleague().immunizations.search({ patientId: b.id })).data).toEqual([]);
  });
});

describe('ImmunizationForm edits only what changed, onto the version the user saw', () => {
  it('merges the dose number onto the stored series, after showing a colleague’s change', async () => {
    const patient = await newPatient('Dose');
    const stored = await recordImmunization(patient.id);
    const { user, net } = render(
      <ImmunizationForm patientId={patient.id} immunizationId={stored.id} />,
    );
    await waitFor(() => expect(input('Dose number').value).toBe('1'));
    await colleague().immunizations.update(stored.id, { lotNumber: 'TD-002' });
    await user.clear(input('Dose number'));
    await user.type(input('Dose number'), '2');
    await user.click(save());
    await screen.findByText(
      /Someone else saved this immunization while you were editing \(Lot number\)/,
    );
    expect(input('Lot number').value).toBe('TD-002');
    expect(input('Dose number').value).toBe('2');
    await user.click(save());
    await screen.findByText('Immunization saved.');
    expect(await colleague().immunizations.read(stored.id)).toMatchObject({
      lotNumber: 'TD-002',
      protocolApplied: [
        { series: 'Adult booster', doseNumberPositiveInt: 2, seriesDosesPositiveInt: 2 },
      ],
    });
    const patches = net.writes().filter((w) => w.method === 'PATCH');
    expect(patches.at(-1)?.body).toEqual({
      protocolApplied: [
        { series: 'Adult booster', doseNumberPositiveInt: 2, seriesDosesPositiveInt: 2 },
      ],
    });
    expect(patches.at(-1)?.headers.get('if-match') ?? '').not.toBe('');
  });

  it('shows both values when both changed the lot number', async () => {
    const patient = await newPatient('Both');
    const stored = await recordImmunization(patient.id);
    const { user } = render(<ImmunizationForm patientId={patient.id} immunizationId={stored.id} />);
    await waitFor(() => expect(input('Lot number').value).toBe('TD-001'));
    await colleague().immunizations.update(stored.id, { lotNumber: 'THEIRS' });
    await user.clear(input('Lot number'));
    await user.type(input('Lot number'), 'MINE');
    await user.click(save());
    const list = await screen.findByRole('region', { name: 'Changed by someone else too' });
    expect(list.textContent).toContain('Stored now: THEIRS');
    expect(list.textContent).toContain('Yours: MINE');
    expect(input('Lot number').value).toBe('MINE');
  });

  it('will not mark a dose not given as given while its reason cannot be removed', async () => {
    const patient = await newPatient('Regive');
    const stored = await recordImmunization(patient.id, {
      status: 'not-done',
      statusReason: { system: ACT_REASON, code: 'OSTOCK', display: 'product out of stock' },
    });
    const { user, net } = render(
      <ImmunizationForm patientId={patient.id} immunizationId={stored.id} />,
    );
    await waitFor(() => expect(input('Status').value).toBe('not-done'));
    await user.selectOptions(input('Status'), 'Given');
    await user.click(save());
    await screen.findByText(/The stored reason it was not given cannot be removed here/);
    expect(net.writes()).toEqual([]);
  });

  it('refuses to show or save another patient’s immunization', async () => {
    const [a, b] = [await newPatient('OwnA'), await newPatient('OwnB')];
    const ofB = await recordImmunization(b.id);
    const { user, net } = render(<ImmunizationForm patientId={a.id} immunizationId={ofB.id} />);
    await screen.findByText(/belongs to another patient/);
    await user.click(save());
    expect(net.writes()).toEqual([]);
  });
});
