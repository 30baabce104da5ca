import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { mustExist, PROPERTIES } from '@why-they-care/domain';

import { WEBHOOK_PATH, WEBHOOK_PROPERTIES } from '../../src/webhooks/webhook-subscriptions';

/**
 * The HubSpot project files follow platform 2026.03's rules (checked offline; HubSpot's full schema
 * validation needs an account: `hs project validate`).
 */
const root = process.cwd();
const json = <T>(path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
const UID = /^[a-zA-Z0-9_\-.]{1,64}$/;

describe('HubSpot project', () => {
  const project = json<{ name: string; srcDir: string; platformVersion: string }>('hsproject.json');
  const srcDir = join(root, project.srcDir);
  const app = json<{
    uid: string;
    type: string;
    config: { auth: Record<string, unknown>; permittedUrls: { fetch: string[] } };
  }>(join(project.srcDir, 'app', 'app-hsmeta.json'));
  const cards = readdirSync(join(srcDir, 'app', 'cards')).filter((file) => file.endsWith('-hsmeta.json'));

  it('is a 2026.03 project whose source folder is extensions/', () => {
    expect(project).toEqual({ name: 'why-they-care', srcDir: 'extensions', platformVersion: '2026.03' });
  });

  it('declares one private, static-auth app with HTTPS fetch origins only', () => {
    const { config } = app;
    expect(app.type).toBe('app');
    expect(app.uid).toMatch(UID);
    expect(config).toMatchObject({ distribution: 'private', auth: { type: 'static' } });
    expect(config.auth.requiredScopes).toEqual(
      expect.arrayContaining(['crm.objects.companies.read', 'crm.objects.companies.write']),
    );
    expect(config.permittedUrls.fetch).toEqual(['${BACKEND_URL}']);
  });

  it('gives every profile a public HTTPS backend origin (never localhost) for the card and permittedUrls', () => {
    const profiles = readdirSync(srcDir).filter((file) => /^hsprofile\.[^.]+\.json$/.test(file));
    expect(profiles.length).toBeGreaterThan(0);
    for (const file of profiles) {
      const { variables } = json<{ variables: { BACKEND_URL: string } }>(join(project.srcDir, file));
      const url = new URL(variables.BACKEND_URL);
      expect(url.protocol).toBe('https:');
      expect(url.hostname).not.toMatch(/^(localhost|127\.)/);
      expect(url.pathname).toBe('/');
    }
  });

  it('puts the company card in the record tab with an existing entry point', () => {
    expect(cards).toEqual(['why-they-care-hsmeta.json']);
    const card = json<{ uid: string; type: string; config: { entrypoint: string } }>(
      join(project.srcDir, 'app', 'cards', mustExist(cards[0], 'a card')),
    );
    expect(Object.keys(card).sort()).toEqual(['config', 'type', 'uid']);
    expect(card).toMatchObject({ type: 'card', config: { location: 'crm.record.tab', objectTypes: ['companies'] } });
    expect(card.uid).toMatch(UID);
    expect(existsSync(join(srcDir, card.config.entrypoint))).toBe(true);
  });

  it('has one page component, the home page, in the form the 2026.03 template generates (a router page)', () => {
    // One page component per app (the parser's singular rule): type "page", only an entrypoint, in app/pages/.
    const pages = readdirSync(join(srcDir, 'app', 'pages')).filter((file) => file.endsWith('-hsmeta.json'));
    expect(pages).toEqual(['pages-hsmeta.json']);
    const page = json<{ uid: string; type: string; config: { entrypoint: string } }>(
      join(project.srcDir, 'app', 'pages', 'pages-hsmeta.json'),
    );
    expect(page).toEqual({ uid: page.uid, type: 'page', config: { entrypoint: '/app/pages/Pages.tsx' } });
    expect(page.uid).toMatch(UID);
    expect(existsSync(join(srcDir, page.config.entrypoint))).toBe(true);
    expect(readFileSync(join(srcDir, page.config.entrypoint), 'utf8')).toMatch(/hubspot\.extend<'pages'>/);
  });

  it('pins the card and page dependencies and builds the shared domain package from inside the source folder', () => {
    for (const component of ['cards', 'pages']) {
      const componentPackage = json<{ dependencies: Record<string, string> }>(
        join(project.srcDir, 'app', component, 'package.json'),
      );
      for (const version of Object.values(componentPackage.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    }
    const appPackage = json<{ workspaces: string[] }>(join(project.srcDir, 'app', 'package.json'));
    expect(appPackage.workspaces).toEqual(['cards', 'pages', 'packages/*']);
    expect(existsSync(join(srcDir, 'app', 'packages', 'domain', 'src', 'index.ts'))).toBe(true);
  });

  describe('the webhooks component', () => {
    const folder = join(srcDir, 'app', 'webhooks');
    const files = readdirSync(folder).filter((file) => file.endsWith('-hsmeta.json'));
    type Subscription = { subscriptionType: string; objectType: string; propertyName: string; active: boolean };
    const webhooks = json<{
      uid: string;
      type: string;
      config: {
        settings: { targetUrl: string; maxConcurrentRequests: number };
        subscriptions: Record<string, Subscription[]>;
      };
    }>(join(project.srcDir, 'app', 'webhooks', files[0] ?? 'missing'));

    it('is the one webhooks component, in app/webhooks/, with only the keys of the 2026.03 template', () => {
      expect(files).toEqual(['webhooks-hsmeta.json']);
      expect(Object.keys(webhooks).sort()).toEqual(['config', 'type', 'uid']);
      expect(webhooks.type).toBe('webhooks');
      expect(webhooks.uid).toMatch(UID);
      expect(Object.keys(webhooks.config).sort()).toEqual(['settings', 'subscriptions']);
      expect(Object.keys(webhooks.config.subscriptions)).toEqual(['crmObjects']);
    });

    it("delivers to the backend's webhook route at the profile's BACKEND_URL, more than five at a time", () => {
      const { settings } = webhooks.config;
      expect(Object.keys(settings).sort()).toEqual(['maxConcurrentRequests', 'targetUrl']);
      expect(settings.targetUrl).toBe(`\${BACKEND_URL}${WEBHOOK_PATH}`);
      expect(Number.isInteger(settings.maxConcurrentRequests)).toBe(true);
      expect(settings.maxConcurrentRequests).toBeGreaterThan(5);
    });

    it("subscribes, active, to changes of exactly the company properties the backend reacts to, each an app's property", () => {
      const subscriptions = webhooks.config.subscriptions.crmObjects ?? [];
      for (const subscription of subscriptions) {
        expect(Object.keys(subscription).sort()).toEqual(['active', 'objectType', 'propertyName', 'subscriptionType']);
        expect(subscription).toMatchObject({
          subscriptionType: 'object.propertyChange',
          objectType: 'company',
          active: true,
        });
      }
      const names = subscriptions.map((subscription) => subscription.propertyName);
      expect(names).toEqual([...WEBHOOK_PROPERTIES]);
      expect(names).toContain(PROPERTIES.bucket.name);
      const appProperties: string[] = Object.values(PROPERTIES).map((property) => property.name);
      for (const name of names) expect(appProperties).toContain(name);
    });
  });
});
