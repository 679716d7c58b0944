import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { chartSettings, colleague, newPatient, recordVital } from '../test/sandboxVitals.js';
import { MEASURES } from '../vitalSigns.js';
import { VitalsTrend } from './VitalsTrend.js';

async function pressures(patientId: string) {
  const ranges = {
    systolic: MEASURES.systolic.adultRange,
    diastolic: MEASURES.diastolic.adultRange,
  };
  for (const [systolic, diastolic, when] of [
    [118, 76, '2026-03-02T09:00:00-05:00'],
    [126, 78, '2026-05-01T16:45:00-04:00'],
    [142, 88, '2026-06-15T09:30:00-04:00'],
  ] as const) {
    await recordVital({
      vital: 'bloodPressure',
      values: { systolic, diastolic },
      ranges,
      patientId,
      effectiveDateTime: when,
    });
  }
  const withdrawn = await recordVital({
    vital: 'bloodPressure',
    values: { systolic: 210, diastolic: 140 },
    ranges,
    patientId,
    effectiveDateTime: '2026-06-01T09:30:00-04:00',
  });
  await colleague().observations.update(withdrawn.id, { status: 'entered-in-error' });
}

describe('VitalsTrend', () => {
  it('draws blood pressure as two labelled series, reachable with the keyboard, with a table alternative', async () => {
    const patient = await newPatient('Trend');
    await pressures(patient.id);
    const { user, container } = renderWithClient(
      <VitalsTrend patientId={patient.id} />,
      chartSettings(),
    );
    const chart = await screen.findByRole('group', { name: 'Blood pressure trend' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelector('title')?.textContent).toBe('Blood pressure trend');
    expect(chart.querySelector('desc')?.textContent).toMatch(
      /^Blood pressure: 3 readings from Mon, Mar 2, 2026, 9:00\sAM EST to Mon, Jun 15, 2026, 9:30\sAM EDT; latest 142\/88 mmHg\. Shaded: reference range Systolic 90–129 mmHg; Diastolic 60–79 mmHg\.$/,
    );
    const points = within(chart).getAllByRole('img');
    expect(points).toHaveLength(6); // the withdrawn reading is not plotted
    expect(
      screen.getByText(
        '1 reading is not plotted (withdrawn, or in a unit the chart cannot convert); see the table.',
      ),
    ).toBeTruthy();
    // One tab stop: the latest systolic.
    expect(points.filter((p) => p.getAttribute('tabindex') === '0')).toHaveLength(1);
    await user.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^Systolic 142 mmHg, High, Mon, Jun 15, 2026, 9:30\sAM EDT$/,
    );
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^Systolic 126 mmHg, Normal, Fri, May 1, 2026/,
    );
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^Diastolic 78 mmHg, Normal, Fri, May 1, 2026/,
    );
    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^Diastolic 76 mmHg, Normal, Mon, Mar 2, 2026/,
    );
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^Diastolic 88 mmHg, High, Mon, Jun 15, 2026/,
    );

    await user.click(screen.getByText('Show as a table'));
    const table = screen.getByRole('table', { name: 'Blood pressure history, latest first' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows[0]).toMatch(
      /^Mon, Jun 15, 2026, 9:30\sAM EDT142 mmHg88 mmHgSystolic: High; Diastolic: High$/,
    );
    expect(rows).toHaveLength(3);
    await waitFor(async () => expect(await axeViolations(container)).toEqual([]));
  });

  it('says so when there is nothing to chart', async () => {
    const patient = await newPatient('TrendEmpty');
    renderWithClient(<VitalsTrend patientId={patient.id} />, chartSettings());
    await screen.findByText('No vital signs recorded.');
    expect(screen.queryByRole('group')).toBeNull();
  });
});
