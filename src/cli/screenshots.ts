import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { type Page } from 'playwright-core';

import { CHROMIUM_PATH, hasChromium, launchChromium } from '../preview/chromium';
import { APP_EXTENSIONS } from '../preview/extensions';
import { startLocalPreview } from './local-preview';
import { CommandError, runCommand } from './run-command';

/**
 * `npm run screenshots`: the README's pictures of the preview, taken from a fresh sandbox in Debian's
 * Chromium. The home page is shot as soon as it is registered, so its picture comes with it.
 */
const DOCS = join(__dirname, '..', '..', 'docs');
const ACME_LOGISTICS = '1001';
const DELTA_FOODS = '1004';
const JUNIPER_RETAIL = '1010';
const ELI = '502';
const GUS = '503';

runCommand(async () => {
  if (!hasChromium()) {
    throw new CommandError(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium chromium-driver, or set CHROMIUM_PATH`,
    );
  }
  mkdirSync(DOCS, { recursive: true });
  const preview = await startLocalPreview();
  const chromium = await launchChromium();
  const shot = (name: string) => join(DOCS, `${name}.png`);

  const open = async (path: string, as = ELI): Promise<Page> => {
    const page = await chromium.browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${preview.url}${path}?as=${as}`);
    return page;
  };
  const openCard = async (companyId: string, as = ELI) => {
    const page = await open(`/companies/${companyId}`, as);
    const card = page.getByRole('region', { name: 'Why they care' });
    await card.getByText(/Last reviewed|Nobody has asked/).waitFor();
    await page.getByRole('complementary', { name: 'Tasks and lists' }).getByText('Refresh').waitFor();
    return { page, card };
  };

  try {
    const record = await openCard(ACME_LOGISTICS);
    await record.page.screenshot({ path: shot('preview-record') });
    await record.card.screenshot({ path: shot('preview-card-filled') });

    const empty = await openCard(JUNIPER_RETAIL);
    await empty.card.screenshot({ path: shot('preview-card-empty') });

    const mine = await openCard(DELTA_FOODS, ELI);
    await mine.card.getByLabel('Their answer, in their words').fill('It works, but the price went up again.');
    const theirs = await openCard(DELTA_FOODS, GUS);
    await theirs.card.getByLabel('Their answer, in their words').fill('We are comparing you with two others.');
    await theirs.card.getByRole('button', { name: 'Save' }).click();
    await theirs.card.getByText('All changes saved').waitFor();
    await mine.card.getByRole('button', { name: 'Save' }).click();
    const conflict = mine.card.getByRole('alert').filter({ hasText: 'Someone else saved this profile first' });
    await conflict.waitFor();
    // The bottom of the card, where the account manager decides: their version or my edits.
    const from = await mine.card.getByRole('heading', { name: 'Health quadrant' }).boundingBox();
    const card = await mine.card.boundingBox();
    if (!from || !card) throw new Error('The conflict is not on screen');
    // Bounding boxes are in the scrolled viewport; a full-page clip is in the page.
    const scrolled = Number(await mine.page.evaluate('window.scrollY'));
    await mine.page.screenshot({
      path: shot('preview-card-conflict'),
      fullPage: true,
      clip: { x: card.x, y: from.y + scrolled - 16, width: card.width, height: card.y + card.height - from.y + 16 },
    });

    const home = APP_EXTENSIONS.find((extension) => extension.location === 'home');
    if (home) {
      const page = await open('/home');
      const region = page.getByRole('region', { name: home.title });
      // A fresh sandbox: the first count takes one search per figure at HubSpot's pace, then the revenue pass.
      await region.getByText('Revenue as of').waitFor({ timeout: 120_000 });
      // The plays' own searches share HubSpot's search pace with the count: they may come after it.
      await region.getByRole('heading', { name: 'Ask one buyer a day' }).waitFor({ timeout: 120_000 });
      await page.screenshot({ path: shot('preview-home'), fullPage: true });
    } else {
      console.log('No home page registered in src/preview/extensions.ts yet: no preview-home.png.');
    }
    console.log(`Screenshots written to ${DOCS}`);
  } finally {
    await chromium.close();
    await preview.close();
  }
});
