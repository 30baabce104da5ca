import { randomUUID } from 'node:crypto';

import { draftOf, type Profile } from '@why-they-care/domain';
import { signedRequest } from '@why-they-care/hubspot-contract';

import { loadCallEnv } from '../config/env';
import { moveFrom, type Request, requestFrom, USAGE } from './call-arguments';
import { CommandError, parseCommandLine, runCommand } from './run-command';
import { commandEnv } from './sandbox-mode';

type Response = { status: number; body: unknown };

/** `npm run call`: a request to the backend signed the way HubSpot signs it, or a bucket move. */
runCommand(async () => {
  const { values, positionals } = parseCommandLine(
    { allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  if (positionals.length === 0) throw new CommandError(`Nothing to call.\n\n${USAGE}`, 2);

  const env = loadCallEnv(commandEnv());
  const backendUrl = (env.BACKEND_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const send = async ({ method, path, body }: Request): Promise<Response> => {
    const { url, init } = signedRequest({
      clientSecret: env.HUBSPOT_CLIENT_SECRET,
      portalId: env.HUBSPOT_PORTAL_ID,
      method,
      url: `${backendUrl}${path}`,
      body,
    });
    let response: globalThis.Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      const { cause } = error as Error & { cause?: { code?: string; message?: string } };
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new CommandError(
        `Could not reach the backend at ${backendUrl} (${reason}): is it running (npm start)? ` +
          'If it runs elsewhere, set BACKEND_URL.',
      );
    }
    const text = await response.text();
    try {
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    } catch {
      return { status: response.status, body: text };
    }
  };
  /** Prints the answer; a refused request is a failed command (exit code 1). */
  const print = ({ status, body }: Response) => {
    console.log(`HTTP ${status}`);
    console.log(typeof body === 'string' ? body : JSON.stringify(body, null, 2));
    return status >= 400 ? 1 : 0;
  };

  const [first, ...rest] = positionals;
  if (first !== 'move') return print(await send(requestFrom(positionals)));

  const { companyId, bucket } = moveFrom(rest);
  const path = `/api/companies/${companyId}/profile`;
  const loaded = await send({ method: 'GET', path });
  if (loaded.status !== 200) return print(loaded);
  const { profile } = loaded.body as { profile: Profile };
  return print(
    await send({
      method: 'PUT',
      path,
      body: {
        requestId: randomUUID(),
        expectedVersion: profile.version,
        profile: { ...draftOf(profile), whyTheyCare: { ...profile.whyTheyCare, bucket } },
      },
    }),
  );
});
