import { draftOf, mustExist, PROPERTIES } from '@why-they-care/domain';
import { taskKeysIn } from '@why-they-care/hubspot-contract';

import { automationOptionsFrom } from '../../src/backend';
import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { startSandboxBackend } from '../support/sandbox-backend';
import { signedRequest } from '../support/signed';

let stack: Awaited<ReturnType<typeof startSandboxBackend>>;
beforeAll(async () => {
  stack = await startSandboxBackend({ AUTOMATION_MODE: 'direct' }, undefined, true);
});
afterAll(() => stack.stop());

const asHubSpot = { portalId: SANDBOX_PORTAL_ID };
const profileOf = async (id: string) =>
  (await signedRequest(stack.backendUrl, 'GET', `/api/companies/${id}/profile`, undefined, asHubSpot)).body.profile;
describe('concurrent saves and runs', () => {
  it('lets exactly one of several saves from the same version win; the others get 409 and nothing is lost', async () => {
    const loaded = await profileOf('1004');
    const answers = Array.from({ length: 5 }, (_, index) => `Concurrent answer ${index}`);
    const responses = await Promise.all(
      answers.map((answer, index) =>
        signedRequest(
          stack.backendUrl,
          'PUT',
          '/api/companies/1004/profile',
          {
            requestId: `concurrent-${index}-0000`,
            expectedVersion: loaded.version,
            profile: { ...draftOf(loaded), whyTheyCare: { ...loaded.whyTheyCare, answer } },
          },
          asHubSpot,
        ),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = responses.find((response) => response.status === 200);
    const stored = mustExist(stack.sandbox.store.state.companies['1004'], 'company 1004').properties;
    expect(stored[PROPERTIES.version.name]).toBe(String(loaded.version + 1));
    expect(stored[PROPERTIES.answer.name]).toBe(winner?.body.profile.whyTheyCare.answer);
    for (const loser of responses.filter((response) => response.status === 409)) {
      expect(loser.body.current.version).toBe(loaded.version + 1);
    }
  });

  it('creates each task once when two automation runs overlap', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const options = automationOptionsFrom(stack.env, today);
    const [first, second] = await Promise.all([
      stack.backend.runAutomation(options),
      stack.backend.runAutomation(options),
    ]);
    expect(first.tasksCreated).toBeGreaterThan(0);
    expect(second).toBe(first);
    const keys = Object.values(stack.sandbox.store.state.tasks).flatMap((task) =>
      taskKeysIn(task.properties.hs_task_body),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect((await stack.backend.runAutomation(options)).tasksCreated).toBe(0);
  });
});
