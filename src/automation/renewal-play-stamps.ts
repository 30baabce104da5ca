import {
  bucketLabel,
  earliestDueCycleStart,
  parseBucket,
  parseHubSpotDate,
  PROPERTIES,
  RENEWAL_PLAY_BUCKET,
  renewalPlayStartFacts,
  renewalPlayStartsNow,
} from '@why-they-care/domain';
import { type SearchFilter, searchDateValue } from '@why-they-care/hubspot-contract';
import { type Logger } from 'pino';

import { type CompaniesApi } from '../hubspot/companies';
import { WORKFLOW_NAMES } from '../setup/desired-state';
import { type AutomationOptions, renewalDueFilter } from './direct-tasks';
import { type WorkflowGuard } from './workflow-guard';

export type RenewalPlayStampOptions = Pick<AutomationOptions, 'today' | 'renewalLeadDays' | 'renewalDateProperty'>;

/** The workflow that creates the renewal task of an "It's OK" company (setup's desired state). */
const RENEWAL_PLAY_WORKFLOW = WORKFLOW_NAMES.renewal(bucketLabel(RENEWAL_PLAY_BUCKET));

/**
 * Workflows mode: HubSpot's "It's OK" renewal workflow creates the renewal task, `renewalLeadDays` before the
 * renewal date, and records nothing the home page can count. The daily pass stamps when each such renewal
 * play started (`wtc_renewal_play_at`, renewal-play.ts): the "It's OK" companies whose renewal date is inside
 * the task's window and that have no stamp of this cycle, found by one search (no stamp, or one older than any
 * cycle due today could have), read by id (search trails writes by seconds), stamped 100 per batch update.
 * Its cost follows the companies entering the window, never the portfolio; a rerun writes nothing. Nothing
 * is stamped while that workflow is off: no task, no play.
 */
export const createRenewalPlayStamps =
  (deps: { companies: CompaniesApi; workflows: WorkflowGuard; logger: Logger; now?: () => Date }) =>
  async (
    options: RenewalPlayStampOptions,
    stillInCharge: () => Promise<void> = async () => undefined,
  ): Promise<{ stamped: string[] }> => {
    if (!(await deps.workflows.check()).includes(RENEWAL_PLAY_WORKFLOW)) {
      deps.logger.info(`no renewal play stamped: the workflow "${RENEWAL_PLAY_WORKFLOW}" is not on`);
      return { stamped: [] };
    }
    const inWindow: SearchFilter[] = [
      { propertyName: PROPERTIES.bucket.name, operator: 'EQ', value: RENEWAL_PLAY_BUCKET },
      renewalDueFilter(options),
    ];
    const found: string[] = [];
    await deps.companies.searchIds(
      [...inWindow, { propertyName: PROPERTIES.renewalPlayAt.name, operator: 'NOT_HAS_PROPERTY' }],
      (ids) => found.push(...ids),
      [
        [
          ...inWindow,
          {
            propertyName: PROPERTIES.renewalPlayAt.name,
            operator: 'LT',
            value: searchDateValue(earliestDueCycleStart(options.today, options.renewalLeadDays)),
          },
        ],
      ],
    );
    if (!found.length) return { stamped: [] };

    const read = [PROPERTIES.bucket.name, options.renewalDateProperty, PROPERTIES.renewalPlayAt.name];
    const starting = (await deps.companies.batchRead(found, read)).filter(({ properties }) =>
      renewalPlayStartsNow(
        {
          bucket: parseBucket(properties[PROPERTIES.bucket.name]),
          renewalDate: parseHubSpotDate(properties[options.renewalDateProperty]),
          renewalPlayOn: parseHubSpotDate(properties[PROPERTIES.renewalPlayAt.name]),
        },
        options.today,
        options.renewalLeadDays,
      ),
    );
    if (!starting.length) return { stamped: [] };
    await stillInCharge();
    const facts = renewalPlayStartFacts((deps.now ?? (() => new Date()))());
    await deps.companies.batchUpdate(starting.map(({ id }) => ({ id, properties: facts })));
    const stamped = starting.map(({ id }) => id);
    deps.logger.info({ companies: stamped.length }, '"It\'s OK" renewal plays stamped');
    return { stamped };
  };

export type RenewalPlayStamps = ReturnType<typeof createRenewalPlayStamps>;
