/**
 * How every suite launches Debian's Chromium (no downloaded browsers on these machines):
 * Storybook tests, the demo's Playwright tests and the React list benchmark. CHROMIUM_PATH
 * overrides the binary.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
