import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { startFakeApiServer } from '../../test/fakeServer.js';
import { makePatient } from '../../test/fixtures.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { PatientCard } from './PatientCard.js';

let server: Awaited<ReturnType<typeof startFakeApiServer>>;
beforeAll(async () => {
  server = await startFakeApiServer();
});
afterAll(() => server.close());

const patient = makePatient(0, { birthDate: '1990-06-15', gender: 'female' });

describe('PatientCard', () => {
  it('shows name, age, gender and contact, with no axe violations', async () => {
    server.reset();
    const { container } = renderWithClient(<PatientCard patient={patient} />, {
      baseUrl: server.baseUrl,
    });
    const card = screen.getByRole('article', { name: 'Ada Lovelace' });
    expect(within(card).getByText('36 years', { exact: false })).toBeTruthy();
    expect(within(card).getByText('Jun 15, 1990')).toBeTruthy();
    expect(within(card).getByText('Female')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'patient0@example.test' })).toBeTruthy();
    expect(card.getAttribute('data-state')).toBe('ready');
    expect(await axeViolations(container)).toEqual([]);
  });

  it("computes the age in the provider's time zone", () => {
    server.reset();
    // 2026-06-15 02:00 UTC: already the birthday in UTC, still June 14 in Los Angeles.
    renderWithClient(<PatientCard patient={patient} />, {
      baseUrl: server.baseUrl,
      timeZone: 'America/Los_Angeles',
      now: () => new Date('2026-06-15T02:00:00Z'),
    });
    expect(screen.getByText('35 years', { exact: false })).toBeTruthy();
  });

  it('formats dates in the provider locale and loads by id', async () => {
    server.reset([patient]);
    renderWithClient(<PatientCard patientId="pat-00000" className="mine" />, {
      baseUrl: server.baseUrl,
      locale: 'de-DE',
      messages: {
        ageValue: (years) => `${years} Jahre`,
        genderLabels: {
          female: 'weiblich',
          male: 'männlich',
          other: 'divers',
          unknown: 'unbekannt',
        },
      },
    });
    expect(screen.getByRole('status').textContent).toBe('Loading patient…');
    const card = await screen.findByRole('article', { name: 'Ada Lovelace' });
    expect(card.className).toBe('ck-patient-card mine');
    expect(within(card).getByText('15.06.1990')).toBeTruthy();
    expect(within(card).getByText('36 Jahre', { exact: false })).toBeTruthy();
    expect(within(card).getByText('weiblich')).toBeTruthy();
  });
});

describe('PatientCard follows patientId', () => {
  it('never shows the previous patient while the next one loads slowly', async () => {
    const api = server.reset([patient, makePatient(1)]);
    const { rerender } = renderWithClient(<PatientCard patientId="pat-00000" />, {
      baseUrl: server.baseUrl,
    });
    await screen.findByRole('article', { name: 'Ada Lovelace' });
    const gate = api.hold();
    rerender(<PatientCard patientId="pat-00001" />);
    const card = screen.getByRole('article');
    expect(card.getAttribute('data-state')).toBe('loading');
    expect(card.textContent).not.toContain('Ada');
    expect(card.getAttribute('aria-label')).toBeNull();
    gate.release();
    await screen.findByRole('article', { name: 'Grace Lovelace' });
  });
});
