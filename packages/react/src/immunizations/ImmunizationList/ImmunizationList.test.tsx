import { screen, within } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import {
  ACT_REASON,
  FLU,
  newPatient,
  recordImmunization,
  sandboxUrl,
} from '../test/sandboxChart.js';
import { ImmunizationList } from './ImmunizationList.js';

// The immunization history against the real sandbox behind the real proxy.

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

function render(ui: React.ReactElement, net = recordingFetch(), timeZone = 'Asia/Tokyo') {
  return {
    ...renderWithClient(ui, {
      baseUrl: sandboxUrl(),
      timeZone,
      clientOptions: { fetch: net.fetch },
    }),
    net,
  };
}

describe('ImmunizationList', () => {
  it('lists newest first with dose, lot, site and route, and why a dose was not given', async () => {
    const patient = await newPatient('History');
    await recordImmunization(patient.id, { occurrenceDateTime: '2025-11-02T20:30:00Z' });
    await recordImmunization(patient.id, {
      status: 'not-done',
      statusReason: { system: ACT_REASON, code: 'OSTOCK', display: 'product out of stock' },
      vaccineCode: FLU,
      occurrenceDateTime: '2026-01-10T09:00:00Z',
      lotNumber: undefined,
      site: undefined,
      route: undefined,
      protocolApplied: undefined,
    });
    await recordImmunization(patient.id, {
      status: 'entered-in-error',
      occurrenceDateTime: '2026-02-01T09:00:00Z',
    });
    const onEdit = vi.fn();
    const { container, user } = render(<ImmunizationList patientId={patient.id} onEdit={onEdit} />);
    await screen.findByText('2 immunizations.');
    const rows = within(screen.getByRole('table', { name: 'Immunizations' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Influenza, seasonal, injectable',
      'Tdap',
    ]);
    expect(rows[0]?.textContent).toContain('Not given Reason: product out of stock');
    // 20:30 UTC on Nov 2 is already Nov 3 in the practice's zone (Tokyo).
    expect(rows[1]?.textContent).toContain('Nov 3, 2025');
    expect(rows[1]?.textContent).toContain('Dose 1 of 2');
    expect(rows[1]?.textContent).toContain('TD-001');
    expect(rows[1]?.textContent).toContain('left arm, Intramuscular route');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(within(rows[1] as HTMLElement).getByRole('button', { name: /^Edit Tdap/ }));
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ lotNumber: 'TD-001' }));
  });

  it('says when nothing is recorded', async () => {
    const patient = await newPatient('None');
    render(<ImmunizationList patientId={patient.id} />);
    await screen.findByText('No immunizations recorded.');
  });

  it('follows its patient: never shows A’s history while B’s loads', async () => {
    const [a, b] = [await newPatient('ListA'), await newPatient('ListB')];
    await recordImmunization(a.id, { lotNumber: 'LOT-OF-A' });
    await recordImmunization(b.id, { lotNumber: 'LOT-OF-B' });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/immunizations\\?.*patientId=${b.id}`), 800);
    const { user } = render(
      <Switcher first={a.id} second={b.id}>
        {(id) => <ImmunizationList patientId={id} />}
      </Switcher>,
      net,
    );
    await screen.findByText('LOT-OF-A');
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.getByText('Loading immunizations…')).toBeTruthy();
    expect(screen.queryByText('LOT-OF-A')).toBeNull();
    await screen.findByText('LOT-OF-B');
  });
});
