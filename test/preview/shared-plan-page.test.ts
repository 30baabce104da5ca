import { type BrowserContext, type Page } from 'playwright-core';

import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../src/preview/chromium';
import { signShareToken } from '../../src/share/share-token';
import { startSandboxBackend } from '../support/sandbox-backend';
import { signedRequest } from '../support/signed';

/**
 * The customer's page in Debian's Chromium: what they see, the one stylesheet its CSP allows, marking their
 * own step done with a plain form, and the plain words of a link that no longer works.
 */
const browserTests = hasChromium() ? describe : describe.skip;
if (!hasChromium()) {
  console.warn(`Skipping the shared plan's browser tests: no Chromium at ${CHROMIUM_PATH}.`);
}

const DELTA_FOODS = '1004';
const AS_AM = { portalId: SANDBOX_PORTAL_ID, userEmail: 'am@example.com' };

let stack: Awaited<ReturnType<typeof startSandboxBackend>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: BrowserContext;

const shareLink = async (companyId: string) => {
  const answer = await signedRequest(stack.backendUrl, 'POST', `/api/companies/${companyId}/share`, {}, AS_AM);
  return new URL(answer.body.link.url as string).pathname;
};

/** Opens a page and collects what the browser refused or reported (CSP violations land in the console). */
const open = async (path: string) => {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text());
  });
  const response = await page.goto(`${stack.backendUrl}${path}`);
  return { page, complaints, status: response?.status() };
};

const stepsOf = (page: Page, list: string) => page.locator(`h2#${list} + ol > li strong`).allTextContents();

browserTests("the customer's shared plan in a browser", () => {
  beforeAll(async () => {
    [stack, chromium] = await Promise.all([startSandboxBackend({}, undefined, true), launchChromium()]);
    browser = chromium.browser;
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
  });

  it('shows their outcome and metrics, their steps first, styled by the one stylesheet the CSP allows', async () => {
    const { page, complaints, status } = await open(await shareLink(DELTA_FOODS));
    expect(status).toBe(200);
    await page.getByRole('heading', { name: 'Our shared success plan' }).waitFor();
    expect(await page.locator('blockquote').textContent()).toBe('Cut the monthly close from 9 days to 3');
    expect(await page.getByRole('cell', { name: 'Days to close' }).count()).toBe(1);
    expect(await stepsOf(page, 'your-steps')).toEqual(['Customer shares usage data', 'Agree the success metrics']);
    expect(await stepsOf(page, 'our-steps')).toEqual(['Kick-off with the buyer', 'Run the quarterly value review']);
    expect(await page.locator('h2#our-steps + ol form').count()).toBe(0);
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(245, 248, 250)');
    expect(complaints).toEqual([]);
    await page.close();
  }, 30_000);

  it('lets them mark their own step done with their name, and says so', async () => {
    const { page } = await open(await shareLink(DELTA_FOODS));
    const step = page.locator('li.yours', { hasText: 'Agree the success metrics' });
    await step.getByRole('button', { name: 'Mark done' }).click();
    // The browser's own check: the name is required, so the empty field is :invalid.
    expect(await step.getByLabel('Your name').and(page.locator(':invalid')).count()).toBe(1);
    await step.getByLabel('Your name').fill('Priya Natarajan');
    await step.getByRole('button', { name: 'Mark done' }).click();
    await page.getByRole('status').filter({ hasText: 'the step is marked done' }).waitFor();
    const done = page.locator('li.yours', { hasText: 'Agree the success metrics' });
    expect(await done.locator('.tag').first().textContent()).toMatch(/^Done by Priya Natarajan on \d{4}-\d{2}-\d{2}$/);
    expect(await done.getByRole('button').count()).toBe(0);
    const stored = JSON.parse(stack.sandbox.store.state.companies[DELTA_FOODS]?.properties.wtc_plan_steps ?? '[]');
    expect(stored.find((candidate: { id: string }) => candidate.id === 'n1')).toMatchObject({
      status: 'done',
      customerDone: { by: 'Priya Natarajan' },
    });
    await page.close();
  }, 30_000);

  it('says plainly that a link was turned off, or has expired', async () => {
    const path = await shareLink(DELTA_FOODS);
    await signedRequest(stack.backendUrl, 'DELETE', `/api/companies/${DELTA_FOODS}/share`, undefined, AS_AM);
    const revoked = await open(path);
    expect(revoked.status).toBe(410);
    await revoked.page.getByRole('heading', { name: 'This link was turned off' }).waitFor();
    expect(await revoked.page.locator('body').textContent()).toContain('Ask your contact for the current link.');

    const expired = signShareToken(stack.env.SHARE_LINK_SECRET ?? '', {
      companyId: DELTA_FOODS,
      shareId: 'expired-share-id-0000',
      expiresAt: new Date(Date.now() - 60_000),
    });
    const late = await open(`/share/${expired}`);
    expect(late.status).toBe(410);
    await late.page.getByRole('heading', { name: 'This link has expired' }).waitFor();
    await Promise.all([revoked.page.close(), late.page.close()]);
  }, 30_000);
});
