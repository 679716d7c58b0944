// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bundlePage, page, text } from '../test/bundlePage.js';

describe('medication pages in an app bundle', () => {
  it('MedicationList alone: no form, no zod, no other domain; value sets only on demand', async () => {
    const list = await bundlePage(page('MedicationList'));
    const initial = text(list.initial);
    expect(initial).not.toContain('must be a valid id'); // core's schemas (zod)
    expect(initial).not.toContain('ck-prescription-form'); // the form's markup
    expect(initial).not.toContain('ck-immunization');
    expect(initial).not.toContain('Search patients');
    expect(initial).not.toContain('Book appointment');
    // Status reasons and the RxNorm ingredient table are chunks of their own.
    expect(initial).not.toContain('medicationrequest-status-reason');
    expect(initial).not.toContain('17767');
    expect(text(list.lazy)).toContain('medicationrequest-status-reason');
    console.info(
      `MedicationList page: ${list.initialKb.toFixed(1)} kB gzip up front, ${list.totalKb.toFixed(1)} kB with every lazy chunk`,
    );
    expect(list.initialKb).toBeLessThan(16);
  });

  it('PrescriptionForm alone: validation, routes, units and RxNorm tables load on demand', async () => {
    const form = await bundlePage(page('PrescriptionForm'));
    const initial = text(form.initial);
    expect(initial).not.toContain('must be a valid id');
    expect(initial).not.toContain('26643006'); // SNOMED CT oral route
    expect(initial).not.toContain('17767'); // RxNorm amlodipine (ingredient table, value set)
    expect(initial).not.toContain('ck-immunization');
    expect(initial).not.toContain('ck-medication-list');
    expect(initial).not.toContain('Search patients');
    const lazy = text(form.lazy);
    expect(lazy).toContain('26643006');
    expect(lazy).toContain('must be a valid id');
    console.info(
      `PrescriptionForm page: ${form.initialKb.toFixed(1)} kB gzip up front, ${form.totalKb.toFixed(1)} kB with every lazy chunk`,
    );
    expect(form.initialKb).toBeLessThan(25);
  });

  it('a page with both widgets shares one copy of the kits', async () => {
    const both = await bundlePage(page('MedicationList, PrescriptionForm'));
    const list = await bundlePage(page('MedicationList'));
    const form = await bundlePage(page('PrescriptionForm'));
    console.info(
      `MedicationList + PrescriptionForm page: ${both.initialKb.toFixed(1)} kB gzip up front, ${both.totalKb.toFixed(1)} kB in all`,
    );
    expect(both.initialKb).toBeLessThan(list.initialKb + form.initialKb);
  });
});
