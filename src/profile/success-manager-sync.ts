import { HUBSPOT_PROPERTIES, PROPERTIES, successManagerChange } from '@why-they-care/domain';
import { type Logger } from 'pino';

import { type SuccessManagers } from '../automation/success-managers';
import { type CompanyLock } from '../coordination/company-lock';
import { type CompaniesApi } from '../hubspot/companies';
import { HubSpotError } from '../hubspot/errors';

const STORED = PROPERTIES.successManager.name;

/**
 * Keeps each saved company's stored success manager equal to the rule's answer (the workflow assigns the
 * re-recruit task to whoever it names). A save adds it to its own PATCH, only when it differs (see
 * `completeWrite`). While the answer is not known yet (owners not listed since the backend started), the
 * save stores none, so nothing wrong is written, and the company is filled in here once the owners are
 * listed: one read and, if needed, one write, off the save path.
 */
export const createSuccessManagerSync = (deps: {
  companies: CompaniesApi;
  successManagers: SuccessManagers;
  lock: CompanyLock;
  logger: Logger;
}) => {
  const pending = new Set<string>();
  let filling: Promise<void> = Promise.resolve();

  const fill = (companyId: string) =>
    deps.lock(companyId, async (lock) => {
      const company = await deps.companies.get(companyId, [HUBSPOT_PROPERTIES.owner, STORED]);
      const lookup = deps.successManagers.lookup(company.properties[HUBSPOT_PROPERTIES.owner] || null);
      if (!lookup.known) return;
      pending.delete(companyId);
      const change = successManagerChange(lookup, company.properties[STORED]);
      if (!Object.keys(change).length) return;
      await lock.stillHeld();
      await deps.companies.update(companyId, change);
    });

  const fillPending = async () => {
    for (const companyId of [...pending]) {
      await fill(companyId).catch((error: unknown) => {
        if (error instanceof HubSpotError && error.code === 'HUBSPOT_NOT_FOUND') pending.delete(companyId);
        else
          deps.logger.warn(
            { err: error, companyId },
            'success manager not filled in; retried after the next owners listing',
          );
      });
    }
  };

  deps.successManagers.onLoad(() => {
    filling = filling.then(fillPending);
  });

  return {
    /** Remembers a company saved while its success manager was not known. */
    fillLater: (companyId: string) => {
      pending.add(companyId);
    },
    /** Settles when the fills started so far are done (tests and shutdown). */
    settled: () => filling,
  };
};

export type SuccessManagerSync = ReturnType<typeof createSuccessManagerSync>;
