// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bundlePage, page, text } from '../test/bundlePage.js';

describe('immunization pages in an app bundle', () => {
  it('ImmunizationList alone: no form, no zod, no other domain', async () => {
    const list = await bundlePage(page('ImmunizationList'));
    const initial = text(list.initial);
    expect(initial).not.toContain('must be a valid id'); // core's schemas (zod)
    expect(initial).not.toContain('ck-immunization-form');
    expect(initial).not.toContain('ck-medication-list');
    expect(initial).not.toContain('ck-prescription-form');
    expect(initial).not.toContain('Search patients');
    console.info(
      `ImmunizationList page: ${list.initialKb.toFixed(1)} kB gzip up front, ${list.totalKb.toFixed(1)} kB with every lazy chunk`,
    );
    expect(list.initialKb).toBeLessThan(10);
  });

  it('ImmunizationForm alone: validation, sites, routes, reasons and CVX load on demand', async () => {
    const form = await bundlePage(page('ImmunizationForm'));
    const initial = text(form.initial);
    expect(initial).not.toContain('must be a valid id');
    expect(initial).not.toContain('78421000'); // SNOMED CT intramuscular route
    expect(initial).not.toContain('PATOBJ');
    expect(initial).not.toContain('Tdap'); // the CVX value set
    expect(initial).not.toContain('ck-medication-list');
    expect(initial).not.toContain('ck-prescription-form');
    const lazy = text(form.lazy);
    expect(lazy).toContain('78421000');
    expect(lazy).toContain('must be a valid id');
    console.info(
      `ImmunizationForm page: ${form.initialKb.toFixed(1)} kB gzip up front, ${form.totalKb.toFixed(1)} kB with every lazy chunk`,
    );
    expect(form.initialKb).toBeLessThan(22);
  });

  it('a page with both widgets', async () => {
    const both = await bundlePage(page('ImmunizationList, ImmunizationForm'));
    console.info(
      `ImmunizationList + ImmunizationForm page: ${both.initialKb.toFixed(1)} kB gzip up front, ${both.totalKb.toFixed(1)} kB in all`,
    );
    expect(both.initialKb).toBeLessThan(24);
  });
});
