import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';

// The warning is once per page load (module state): each test loads the provider afresh.
async function freshProvider() {
  vi.resetModules();
  return (await import('./ClinikProvider.js')).ClinikProvider;
}

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  warn.mockRestore();
});

const zoneWarnings = () =>
  warn.mock.calls.filter(([message]) => String(message).includes('has no timeZone prop'));

describe('ClinikProvider without timeZone', () => {
  it('warns once per page load in development, naming the zone it falls back to', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const ClinikProvider = await freshProvider();
    const first = render(<ClinikProvider>one</ClinikProvider>);
    const second = render(<ClinikProvider>two</ClinikProvider>);
    first.rerender(<ClinikProvider locale="de-DE">one again</ClinikProvider>);
    expect(zoneWarnings()).toHaveLength(1);
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(String(zoneWarnings()[0]?.[0])).toContain(`this runtime's zone (${zone})`);
    first.unmount();
    second.unmount();
  });

  it('says nothing when a timeZone is given', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const ClinikProvider = await freshProvider();
    render(<ClinikProvider timeZone="America/New_York">set</ClinikProvider>).unmount();
    expect(zoneWarnings()).toHaveLength(0);
  });

  it('says nothing in a production build', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const ClinikProvider = await freshProvider();
    render(<ClinikProvider>prod</ClinikProvider>).unmount();
    expect(zoneWarnings()).toHaveLength(0);
  });
});
