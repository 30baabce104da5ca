import { moveFrom, requestFrom } from '../../src/cli/call-arguments';
import { CommandError } from '../../src/cli/run-command';
import { closedPort, runCli, STACK_LINE } from '../support/cli';

/**
 * `npm run call` says what is wrong with what was typed, and blames the backend only when it does not answer.
 * Each mistake is checked in-process; a few real runs check the wiring (exit codes, stderr, no stack).
 */
const BUCKET_KEYS = 'need_you ("We need you"), its_ok ("It\'s OK"), who_are_you ("Who are you?")';
const HELP_HINT = '\n(npm run call -- --help shows the usage)';

const mistake = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    if (error instanceof CommandError) return { message: error.message, exitCode: error.exitCode };
    throw error;
  }
  throw new Error('no mistake reported');
};

describe('npm run call arguments', () => {
  it.each([
    [
      'a path without /',
      ['GET', 'api/companies/1001/profile'],
      'PATH must start with "/": did you mean /api/companies/1001/profile?',
    ],
    ['a bad method', ['FETCH', '/api/x'], 'Unknown method "FETCH": use GET, PUT, POST, DELETE or move.'],
    ['a method without a path', ['GET'], 'GET needs a PATH, like /api/companies/1001/profile.'],
    [
      'an unquoted body',
      ['PUT', '/api/x', '{"a":', '1}'],
      'Unexpected "1}" after the BODY: pass the JSON as one quoted argument.',
    ],
  ])('explains %s', (_label, args, message) => {
    expect(mistake(() => requestFrom(args))).toEqual({ message: `${message}${HELP_HINT}`, exitCode: 2 });
  });

  it('explains bad JSON and an unreadable body file', () => {
    expect(mistake(() => requestFrom(['PUT', '/api/x', '{requestId: 1}'])).message).toMatch(
      /^BODY \{requestId: 1\} is not valid JSON \(.+\)\. In a shell, quote it whole: '\{"key": "value"\}'\.\n/,
    );
    expect(mistake(() => requestFrom(['PUT', '/api/x', '@no-such-file.json']))).toEqual({
      message: expect.stringMatching(/^Cannot read the body file no-such-file\.json: ENOENT/),
      exitCode: 1,
    });
  });

  it.each([
    ['a missing bucket', ['1001'], `move needs a BUCKET: type one of ${BUCKET_KEYS}.`],
    [
      'an unknown bucket, listing the keys to type',
      ['1001', 'Who are you?'],
      `Unknown bucket "Who are you?": type one of ${BUCKET_KEYS}.`,
    ],
    ['a missing company', [], 'move needs a COMPANY_ID and a BUCKET, like: move 1001 who_are_you.'],
  ])('explains a move with %s', (_label, args, message) => {
    expect(mistake(() => moveFrom(args))).toEqual({ message: `${message}${HELP_HINT}`, exitCode: 2 });
  });

  it('reads what is right', () => {
    expect(requestFrom(['put', '/api/x', '{"a": 1}'])).toEqual({ method: 'PUT', path: '/api/x', body: { a: 1 } });
    expect(moveFrom(['1001', 'its_ok'])).toEqual({ companyId: '1001', bucket: 'its_ok' });
  });
});

describe('npm run call', () => {
  const call = (args: string[], env: Record<string, string> = {}) => runCli('src/cli/call.ts', args, env);

  it.concurrent('prints its usage for --help, and with exit code 2 when there is nothing to call', async () => {
    const [help, nothing] = await Promise.all([call(['--help']), call([])]);
    expect({ code: help.code, stdout: help.stdout }).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^Usage:\n {2}npm run call -- METHOD PATH \[BODY\]/),
    });
    expect({ code: nothing.code, stderr: nothing.stderr }).toEqual({
      code: 2,
      stderr: expect.stringMatching(/^Nothing to call\.\n\nUsage:/),
    });
  });

  it.concurrent(
    'reports a mistake on stderr with exit code 2, without a stack trace or a word on the backend',
    async () => {
      const result = await call(['move', '1001', 'Who']);
      expect({ code: result.code, stack: STACK_LINE.test(result.stderr) }).toEqual({ code: 2, stack: false });
      expect(result.stderr.trim()).toBe(`Unknown bucket "Who": type one of ${BUCKET_KEYS}.${HELP_HINT}`);
    },
  );

  it.concurrent('says the backend does not answer, at which URL, and which variable moves it', async () => {
    const port = await closedPort();
    const result = await call(['GET', '/api/companies/1001/profile'], { BACKEND_URL: `http://127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Could not reach the backend at http://127.0.0.1:${port} (ECONNREFUSED): is it running (npm start)? ` +
        'If it runs elsewhere, set BACKEND_URL.',
    );
  });

  it.concurrent.each([
    ['BACKEND_URL', 'localhost:3000', 'BACKEND_URL: must be a URL like http://localhost:3000'],
    ['SANDBOX_PORT', 'sandbox', 'SANDBOX_PORT: must be a port number (0-65535)'],
  ])('validates %s like every other variable', async (variable, value, problem) => {
    const result = await call(['GET', '/api/companies/1001/profile'], { [variable]: value });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`Invalid configuration:\n  - ${problem}`);
  });
});
