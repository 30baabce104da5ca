import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { loadBrowserEnv } from '../config/env';

/** Debian's Chromium (apt-get install chromium): never a downloaded browser. CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = loadBrowserEnv().CHROMIUM_PATH;

export const hasChromium = () => existsSync(CHROMIUM_PATH);

/** Flags that let Chromium run headless on a server, offline, as root, without a GPU. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with a fresh, empty profile that is removed on close. */
export const launchChromium = async () => {
  const profile = mkdtempSync(join(tmpdir(), 'wtc-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1000 },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};
