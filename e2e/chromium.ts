/**
 * Debian's Chromium (never a downloaded browser) with the flags this closed network needs: without the
 * background-networking flags Chromium keeps trying to reach Google's hosts. Shared by the e2e and system
 * Playwright configs and the Lighthouse script.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const chromiumLaunch = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
