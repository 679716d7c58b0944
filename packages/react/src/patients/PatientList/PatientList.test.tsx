import type { Patient } from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clinikQueries } from '../../queries/clinikQueries.js';
import { axeViolations } from '../../test/axe.js';
import { startFakeApiServer } from '../../test/fakeServer.js';
import { makePatient, makePatients } from '../../test/fixtures.js';
import { createTestQueryClient, renderWithClient } from '../../test/renderWithClient.js';
import { PatientList } from './PatientList.js';

let server: Awaited<ReturnType<typeof startFakeApiServer>>;
beforeAll(async () => {
  server = await startFakeApiServer();
});
afterAll(() => server.close());

const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.closest('tbody') && row.getAttribute('aria-hidden') !== 'true');

describe('PatientList', () => {
  it('shows a "Patients" table with the default columns and no axe violations', async () => {
    server.reset(makePatients(5));
    const { container } = renderWithClient(<PatientList />, { baseUrl: server.baseUrl });
    const table = await screen.findByRole('table', { name: 'Patients' });
    await within(table).findByRole('cell', { name: 'Ada Lovelace' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Date of birth', 'Gender', 'Phone', 'Email']);
    expect(bodyRows(table)).toHaveLength(5);
    expect(within(table).getByRole('cell', { name: 'Jan 1, 1940' })).toBeTruthy();
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('announces loading, then shows rows', async () => {
    const api = server.reset(makePatients(3));
    const hold = api.hold();
    const { container } = renderWithClient(<PatientList />, { baseUrl: server.baseUrl });
    expect((await screen.findByRole('status')).textContent).toBe('Loading patients…');
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('loading');
    expect(await axeViolations(container)).toEqual([]);
    hold.release();
    await screen.findByRole('cell', { name: 'Grace Lovelace' });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('shows an empty state, naming the search when there is one', async () => {
    server.reset([]);
    const { user } = renderWithClient(<PatientList searchDelayMs={20} />, {
      baseUrl: server.baseUrl,
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No patients yet.'));
    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), 'Nobody');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('No patients match “Nobody”.'),
    );
  });

  it('searches by name once typing pauses, not on every keystroke', async () => {
    const api = server.reset(makePatients(30));
    const { user } = renderWithClient(<PatientList searchDelayMs={500} />, {
      baseUrl: server.baseUrl,
    });
    const table = await screen.findByRole('table', { name: 'Patients' });
    await within(table).findByRole('cell', { name: 'Ada Lovelace' });
    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), 'grace');
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3));
    for (const row of bodyRows(table)) expect(row.textContent).toContain('Grace');
    expect(screen.getByRole('status').textContent).toBe('3 patients found.');
    // Debounced: far fewer requests than keystrokes, and the last one is the whole term.
    const searches = api.log.filter((line) => line.includes('name='));
    expect(searches.length).toBeLessThan(3);
    expect(searches.at(-1)).toBe('GET /api/clinik/v1/patients?name=grace&count=20');
  });

  it('pages with cursors: next, previous, and a range label', async () => {
    const api = server.reset(makePatients(45));
    const { user } = renderWithClient(<PatientList pageSize={20} />, { baseUrl: server.baseUrl });
    await screen.findByText('1–20 of 45');
    const hold = api.hold();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    // While page 2 loads, page 1 stays on screen and the label says so; Next waits.
    expect(screen.getByText('1–20 of 45')).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveProperty('disabled', true);
    hold.release();
    await screen.findByText('21–40 of 45');
    expect(screen.getByRole('cell', { name: 'patient20@example.test' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('41–45 of 45');
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByText('21–40 of 45');
  });

  it('shows an error with Retry, and recovers', async () => {
    const api = server.reset(makePatients(2));
    api.failNext(1, 500);
    const { user, container } = renderWithClient(<PatientList />, { baseUrl: server.baseUrl });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load patients.');
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('error');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('cell', { name: 'Ada Lovelace' });
    expect(screen.queryByRole('alert')).toBeNull();
    // Retry and its alert are gone: focus is on the table's scrolling region, not on <body>.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('region', { name: 'Patient table (scrolls)' }),
      ),
    );
  });

  it('keeps the scrolling table keyboard-focusable and named, with no rows too (scrollable-region-focusable)', async () => {
    server.reset([]);
    const { user, container } = renderWithClient(<PatientList searchDelayMs={20} />, {
      baseUrl: server.baseUrl,
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No patients yet.'));
    const region = screen.getByRole('region', { name: 'Patient table (scrolls)' });
    expect(region.tabIndex).toBe(0);
    expect(region.contains(screen.getByRole('table', { name: 'Patients' }))).toBe(true);
    await user.tab(); // the search field
    await user.tab();
    expect(document.activeElement).toBe(region);
    expect(await axeViolations(container)).toEqual([]);
  });

  it.each([
    [401, 'UNAUTHORIZED', 'Your session has ended: sign in again.'],
    [403, 'FORBIDDEN', 'You do not have permission for this.'],
    [429, 'RATE_LIMITED', 'Too many requests: try again in a moment.'],
    [503, 'SERVICE_UNAVAILABLE', 'The service is unavailable right now: try again shortly.'],
  ])('says why loading failed: %i', async (status, error, reason) => {
    const api = server.reset(makePatients(1));
    api.failNext(1, status, { error, message: 'Refused' });
    renderWithClient(<PatientList />, { baseUrl: server.baseUrl });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`Could not load patients. ${reason}`);
    expect(alert.textContent).not.toContain('Refused');
  });

  it('selects rows by click and by keyboard (arrows, Enter, Space)', async () => {
    server.reset(makePatients(5));
    const onSelect = vi.fn<(patient: Patient) => void>();
    const { user } = renderWithClient(<PatientList onSelect={onSelect} />, {
      baseUrl: server.baseUrl,
    });
    const table = await screen.findByRole('table', { name: 'Patients' });
    await within(table).findByRole('cell', { name: 'Ada Lovelace' });

    await user.click(within(table).getByRole('cell', { name: 'Alan Lovelace' }));
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'pat-00002' }));
    const rows = bodyRows(table);
    expect(rows[2]?.getAttribute('aria-selected')).toBe('true');
    expect(rows[2]?.getAttribute('data-state')).toBe('selected');

    rows[2]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(bodyRows(table)[3]);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'pat-00003' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(bodyRows(table)[0]);
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'pat-00000' }));
    // One tab stop: the active row.
    expect(bodyRows(table).filter((row) => row.tabIndex === 0)).toHaveLength(1);
  });

  it('accepts custom columns, messages, className and extra props', async () => {
    server.reset([makePatient(0)]);
    renderWithClient(
      <PatientList
        columns={['name', { id: 'mrn', header: () => 'Record', cell: (p) => p.id }]}
        messages={{ patientsTableLabel: 'Patienten', searchPatientsLabel: 'Patienten suchen' }}
        className="mine"
        data-testid="list"
      />,
      { baseUrl: server.baseUrl },
    );
    const table = await screen.findByRole('table', { name: 'Patienten' });
    expect(screen.getByRole('searchbox', { name: 'Patienten suchen' })).toBeTruthy();
    await within(table).findByRole('cell', { name: 'pat-00000' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Record']);
    expect(screen.getByTestId('list').className).toBe('ck-patient-list mine');
  });

  it('infinite mode: "Load more" follows cursors until the last page', async () => {
    const api = server.reset(makePatients(120));
    const { user } = renderWithClient(<PatientList pagination="infinite" pageSize={50} />, {
      baseUrl: server.baseUrl,
    });
    const table = await screen.findByRole('table', { name: 'Patients' });
    await within(table).findByRole('cell', { name: 'Ada Lovelace' });
    expect(table.getAttribute('aria-rowcount')).toBe('121');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(api.log).toHaveLength(2));
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Load more|Loading more/ })).toBeNull(),
    );
    expect(api.log.map((line) => line.includes('cursor='))).toEqual([false, true, true]);
  });

  it('keeps the DOM small with 10,000 loaded patients (virtualized rows)', async () => {
    server.reset([]);
    const queryClient = createTestQueryClient();
    const patients = makePatients(10_000);
    const pages = Array.from({ length: 100 }, (_, i) => ({
      data: patients.slice(i * 100, i * 100 + 100),
      total: 10_000,
      cursor: i < 99 ? `c${i + 1}` : null,
      hasMore: i < 99,
    }));
    const options = clinikQueries.patients.infinite({ count: 100 });
    queryClient.setQueryData(options.queryKey, {
      pages,
      pageParams: [null, ...pages.slice(0, -1).map((p) => p.cursor)],
    });
    queryClient.setQueryDefaults(options.queryKey, { staleTime: Infinity });
    renderWithClient(<PatientList pagination="infinite" pageSize={100} />, {
      baseUrl: server.baseUrl,
      queryClient,
    });
    const table = await screen.findByRole('table', { name: 'Patients' });
    await within(table).findByRole('cell', { name: 'Ada Lovelace' });
    expect(bodyRows(table).length).toBeGreaterThan(5);
    expect(bodyRows(table).length).toBeLessThanOrEqual(100);
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
  });
});
