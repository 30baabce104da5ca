import { answerFor } from '../../src/app/error-answers';
import { AppWorkflowsOn } from '../../src/automation/workflow-guard';
import { ConfigError } from '../../src/config/env';
import { HubSpotError } from '../../src/hubspot/errors';
import { RequestError } from '../../src/http/request-errors';
import { SignatureError } from '../../src/http/signature';
import { ProfileError } from '../../src/profile/profile.errors';

describe('the HTTP answer to each module error', () => {
  it('passes request, signature and profile errors on with their own code, message and fields', () => {
    const fields = { 'profile.renewalDate': ['Must be a real date in the form YYYY-MM-DD'] };
    expect(answerFor(new RequestError('VALIDATION_FAILED', 'Some fields need fixing', { fields }))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Some fields need fixing',
      fields,
    });
    expect(answerFor(new SignatureError('SIGNATURE_EXPIRED', 'Too old'))).toEqual({
      status: 401,
      code: 'SIGNATURE_EXPIRED',
      message: 'Too old',
    });
    expect(answerFor(new ProfileError('VERSION_CONFLICT', 'Someone saved', { current: undefined }))).toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
    });
  });

  it("says a HubSpot failure in the caller's terms and keeps HubSpot's correlation id", () => {
    const refused = new HubSpotError('HUBSPOT_AUTH_FAILED', 'HubSpot refused the access token', {
      operation: 'companies.get',
      status: 401,
      correlationId: 'abc-123',
    });
    expect(answerFor(refused)).toEqual({
      status: 502,
      code: 'HUBSPOT_MISCONFIGURED',
      message: 'The app cannot sign in to HubSpot: ask your admin',
      hubspotCorrelationId: 'abc-123',
    });
  });

  it('answers anything else, and errors no request should meet, with a 500 that says nothing more', () => {
    const internal = { status: 500, code: 'INTERNAL', message: 'Something went wrong on our side' };
    expect(answerFor(new TypeError('x is undefined'))).toEqual(internal);
    expect(answerFor(new ConfigError(['PORT: must be a port number (0-65535)']))).toEqual(internal);
    expect(answerFor(new AppWorkflowsOn(['[Why They Care] Re-recruit']))).toEqual(internal);
  });
});
