import { type PlanTemplates } from '@why-they-care/domain';

import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import exampleTemplates from '../../plan-templates/example.json';
import { startSandboxBackend } from '../support/sandbox-backend';
import { signedRequest } from '../support/signed';

/**
 * Segments and plan templates kept in HubSpot's File Manager, against the sandbox: the demo account has the
 * example published; a publish uploads one hidden file (multipart), and a read finds it by path, signs a URL
 * and downloads it without the access token.
 */
type Stack = Awaited<ReturnType<typeof startSandboxBackend>>;
let stack: Stack;

beforeAll(async () => {
  stack = await startSandboxBackend({}, undefined, true);
});
afterAll(() => stack.stop());

const loadInCard = () =>
  signedRequest(stack.backendUrl, 'GET', '/api/plan-templates', undefined, {
    portalId: SANDBOX_PORTAL_ID,
    userEmail: 'am@example.com',
  });

describe('plan templates in HubSpot', () => {
  it('serves the published segments to the card, read once per minute per instance', async () => {
    stack.calls.length = 0;
    const first = await loadInCard();
    expect(first.status).toBe(200);
    expect(first.body.templates.segments.map((segment: { id: string }) => segment.id)).toEqual([
      'self-serve',
      'guided-rollout',
      'regulated-enterprise',
    ]);
    expect(stack.calls.map((call) => call.operation)).toEqual(['files.stat', 'files.signedUrl', 'files.download']);
    await loadInCard();
    expect(stack.calls).toHaveLength(3);
  });

  it('publishes a new document as one hidden file, replaced in place, and reads it back', async () => {
    const next: PlanTemplates = {
      segments: [{ ...exampleTemplates.segments[0], label: 'Self-serve, reworded' } as PlanTemplates['segments'][0]],
    };
    stack.calls.length = 0;
    await stack.backend.templates.publish(next);
    expect(stack.calls.map((call) => call.operation)).toEqual(['files.upload']);
    const files = Object.values(stack.sandbox.store.state.files ?? {});
    expect(files.map(({ path, access }) => ({ path, access }))).toEqual([
      { path: '/why-they-care/plan-templates.json', access: 'HIDDEN_PRIVATE' },
    ]);
    expect(JSON.parse(files[0]?.content ?? '')).toEqual(next);
    const other = await startSandboxBackend({}, undefined, false);
    try {
      // Another instance (same account) reads what this one published.
      other.sandbox.store.state.files = stack.sandbox.store.state.files;
      expect(await other.backend.templates.read()).toEqual(next);
    } finally {
      await other.stop();
    }
  });
});
