import { join } from 'node:path';

import { BUCKETS, mustExist } from '@why-they-care/domain';
import { type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../src/preview/chromium';
import { APP_EXTENSIONS } from '../../src/preview/extensions';
import { type LocalPreview, startLocalPreview } from '../../src/cli/local-preview';

/**
 * The live preview in Debian's Chromium: the real card in the browser, every request signed like HubSpot's
 * proxy signs it, the real backend and the sandbox behind it. One browser and one stack for the file.
 */
const browserTests = hasChromium() ? describe : describe.skip;
if (!hasChromium()) {
  console.warn(
    `Skipping the browser preview tests: no Chromium at ${CHROMIUM_PATH}. Install it with ` +
      '`apt-get install -y chromium chromium-driver` (bash .ci/run does), or set CHROMIUM_PATH.',
  );
}

const USERS = { maria: '501', eli: '502', gus: '503' } as const;
const JUNIPER_RETAIL = '1010';
const DELTA_FOODS = '1004';
const FJORD_SHIPPING = '1006';

/** A stand-in for the home page, registered the way the real one will be. */
const FIXTURE_HOME = {
  id: 'fixture-home',
  title: 'Fixture home page',
  location: 'home' as const,
  entrypoint: join(__dirname, 'fixtures', 'FixtureHome.tsx'),
};

let preview: LocalPreview;
let homePreview: LocalPreview;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: BrowserContext;

const open = async (path: string, as: string = USERS.maria, on = preview): Promise<Page> => {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${on.url}${path}?as=${as}`);
  return page;
};

/** The card's frame, as HubSpot titles it. */
const cardOf = (page: Page) => page.getByRole('region', { name: 'Why they care' });

/** Waits for the card to load the company's profile. */
const openCard = async (companyId: string, as?: string) => {
  const page = await open(`/companies/${companyId}`, as);
  const card = cardOf(page);
  await card.getByText(/Last reviewed|Nobody has asked/).waitFor();
  return { page, card };
};

const saved = async (page: Page) => {
  const card = cardOf(page);
  await card.getByRole('status').filter({ hasText: 'Why they care is up to date.' }).last().waitFor();
  await card.getByText('All changes saved').waitFor();
};

const companyIn = (companyId: string) =>
  mustExist(preview.sandbox.store.state.companies[companyId], `company ${companyId}`).properties;

browserTests('the live preview in a browser', () => {
  beforeAll(async () => {
    [preview, homePreview, chromium] = await Promise.all([
      startLocalPreview(),
      startLocalPreview({ extensions: [...APP_EXTENSIONS, FIXTURE_HOME], searchesPerSecond: 1_000 }),
      launchChromium(),
    ]);
    browser = chromium.browser;
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await Promise.all([preview?.close(), homePreview?.close()]);
  });

  it('lists the sandbox companies with their bucket, under a banner that says this is not HubSpot', async () => {
    const page = await open('/');
    expect(await page.getByRole('banner').textContent()).toContain('Local preview: this is not HubSpot.');
    const juniper = page.getByRole('row').filter({ hasText: 'Juniper Retail' });
    expect(await juniper.textContent()).toContain('Not asked yet');
    expect(await page.getByRole('row').filter({ hasText: 'Acme Logistics' }).textContent()).toContain('We need you');
    await juniper.getByRole('link').click();
    await cardOf(page).getByText('Why do they care about us?').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/preview/companies/${JUNIPER_RETAIL}`);
    await page.close();
  }, 30_000);

  it('records an answer and a step, saves through the signed backend, and the sandbox, its task and list follow', async () => {
    const { page, card } = await openCard(JUNIPER_RETAIL);
    await card.getByRole('button', { name: 'Record their answer' }).click();
    const whoAreYou = BUCKETS.find((bucket) => bucket.value === 'who_are_you');
    await card
      .getByLabel('Their answer falls under')
      .selectOption({ label: `${whoAreYou?.label}: ${whoAreYou?.meaning}` });
    await card.getByLabel('Their answer, in their words').fill('Honestly, we forgot what you do for us.');
    await card.getByLabel('Who answered').fill('Dana Scully');
    await card.getByLabel('Their role').fill('CFO');
    await card.getByLabel('Asked on').fill('2026-11-20');
    await card.getByLabel('Asked on').press('Enter');

    await card.getByRole('button', { name: 'Add a step' }).click();
    await card.getByRole('button', { name: 'Save' }).click();
    // The card's own zod check: the message sits under the field, the edits stay.
    await card.getByText('Describe the step').waitFor();
    expect(await card.getByLabel('Their answer, in their words').inputValue()).toBe(
      'Honestly, we forgot what you do for us.',
    );
    expect(await card.getByRole('alert').filter({ hasText: 'Not saved' }).textContent()).toContain(
      'Some fields need fixing before saving',
    );
    await card.getByLabel('What needs to happen').fill('Show them last quarter’s savings');
    await card.getByLabel('Due', { exact: true }).fill('2026-12-15');
    await card.getByLabel('Due', { exact: true }).press('Enter');
    await card.getByRole('button', { name: 'Try again' }).click();
    await saved(page);

    expect(companyIn(JUNIPER_RETAIL)).toMatchObject({
      wtc_bucket: 'who_are_you',
      wtc_answer: 'Honestly, we forgot what you do for us.',
      wtc_answered_by_name: 'Dana Scully',
      wtc_asked_on: '2026-11-20',
      wtc_plan_steps_total: '1',
      // The user the preview signed in as, appended to the signed query as HubSpot appends it.
      wtc_last_reviewed_by: 'maria.manager@example.com',
    });
    const record = page.getByRole('complementary', { name: 'Tasks and lists' });
    await record.getByText('Re-recruit: the customer asked "Who are you?"').waitFor();
    await record.getByText('[Why They Care] Who are you?').waitFor();

    await page.reload();
    await cardOf(page).getByText('“Honestly, we forgot what you do for us.” — Dana Scully, CFO, 2026-11-20').waitFor();
    expect(await cardOf(page).getByLabel('What needs to happen').inputValue()).toBe('Show them last quarter’s savings');
    await page.close();
  }, 45_000);

  it('keeps your edits when someone else saved first, and saves them over theirs when you choose to', async () => {
    const mine = await openCard(DELTA_FOODS, USERS.eli);
    await mine.card.getByLabel('Their answer, in their words').fill('Eli heard: it works, but it is pricey.');

    const theirs = await openCard(DELTA_FOODS, USERS.gus);
    await theirs.card.getByLabel('Their answer, in their words').fill('Gus heard: we are shopping around.');
    await theirs.card.getByRole('button', { name: 'Save' }).click();
    await saved(theirs.page);

    await mine.card.getByRole('button', { name: 'Save' }).click();
    const conflict = mine.card.getByRole('alert').filter({ hasText: 'Someone else saved this profile first' });
    expect(await conflict.textContent()).toContain('gus.growth@example.com saved it at');
    expect(await mine.card.getByLabel('Their answer, in their words').inputValue()).toBe(
      'Eli heard: it works, but it is pricey.',
    );
    expect(companyIn(DELTA_FOODS).wtc_answer).toBe('Gus heard: we are shopping around.');

    await mine.card.getByRole('button', { name: 'Keep my edits' }).click();
    await mine.card.getByRole('button', { name: 'Save' }).click();
    await saved(mine.page);
    expect(companyIn(DELTA_FOODS)).toMatchObject({
      wtc_answer: 'Eli heard: it works, but it is pricey.',
      wtc_last_reviewed_by: 'eli.enterprise@example.com',
    });
    await Promise.all([mine.page.close(), theirs.page.close()]);
  }, 45_000);

  it("shows the backend's error when HubSpot is down, keeps the edits, and saves on Try again once it is back", async () => {
    const { page, card } = await openCard(FJORD_SHIPPING);
    await card.getByLabel('Their answer, in their words').fill('Saved after the outage.');
    await preview.stopHubSpot();
    try {
      await card.getByRole('button', { name: 'Save' }).click();
      const error = card.getByRole('alert').filter({ hasText: 'Not saved' });
      expect(await error.textContent()).toContain('Your edits are still here');
      expect(await card.getByLabel('Their answer, in their words').inputValue()).toBe('Saved after the outage.');
    } finally {
      await preview.startHubSpot();
    }
    await card.getByRole('button', { name: 'Try again' }).click();
    await saved(page);
    expect(companyIn(FJORD_SHIPPING).wtc_answer).toBe('Saved after the outage.');
    await page.close();
  }, 45_000);

  it('runs the real home page on the demo account: counting first, then the figures, each company linked', async () => {
    const page = await open('/home', USERS.maria, homePreview);
    const home = page.getByRole('region', { name: 'Why They Care' });
    await home.getByRole('heading', { name: 'Are we winning?' }).waitFor({ timeout: 30_000 });
    const risk = home.getByRole('link', { name: 'Delta Foods' });
    expect(await risk.getAttribute('href')).toMatch(/^https:\/\/app\.hubspot\.com\/contacts\/\d+\/record\/0-2\/1004$/);
    await home.getByText('Moved up, last 30 days').waitFor();
    await home.getByRole('heading', { name: 'Find more like them' }).waitFor();
    const segments = home.getByRole('table').filter({ hasText: 'Among "We need you"' });
    await segments.getByRole('row', { name: /Country: Germany/ }).waitFor();
    await home.getByText('This play is off: it is opt-in').waitFor();
    expect(await home.getByRole('note').count()).toBe(0);
    await home.getByRole('button', { name: 'Refresh' }).click();
    await home.getByRole('button', { name: 'Refresh' }).waitFor();
    await page.close();
  }, 45_000);

  it('runs a registered home page with its context, draws tables and links, and marks what it cannot draw', async () => {
    const page = await open('/home', USERS.gus, homePreview);
    const home = page.getByRole('region', { name: 'Fixture home page' });
    const greeting = home.getByTestId('greeting');
    await greeting.waitFor();
    expect(await greeting.textContent()).toBe('Hello Gus, page 1 of 3');
    expect(await home.getByRole('cell').allTextContents()).toEqual(['Acme', 'Birch']);

    await home.getByRole('button', { name: 'Next' }).click();
    await home.getByText('Hello Gus, page 2 of 3').waitFor();
    expect(await home.getByRole('cell').allTextContents()).toEqual(['Cobalt', 'Delta']);
    await home.getByRole('button', { name: /Company/ }).click();
    await home.getByRole('button', { name: /Company/ }).click();
    await home.getByRole('cell', { name: 'Birch' }).waitFor();

    const link = home.getByRole('link', { name: 'Read the guide' });
    expect(await link.getAttribute('href')).toBe('https://example.com/why-they-care');
    expect(await link.getAttribute('target')).toBe('_blank');
    const unsupported = home.getByRole('note');
    expect(await unsupported.textContent()).toContain('Unsupported component Accordion');
    expect(await unsupported.textContent()).toContain('Inside the accordion');
    await page.close();
  }, 30_000);
});
