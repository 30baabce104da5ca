import {
  briefReadProperties,
  type BriefSources,
  decideExternalMove,
  HUBSPOT_PROPERTIES,
  PROPERTIES,
  readPendingKeys,
  recordIntent,
  TASK_LEDGER,
  toIsoDate,
} from '@why-they-care/domain';
import { type Logger } from 'pino';

import { type CreateReRecruits, type PlannedReRecruit } from '../automation/direct-tasks';
import { type CompaniesApi } from '../hubspot/companies';
import { BUCKET_HISTORY_PROPERTIES, latestBucketMove } from '../profile/bucket-history';

const READ = [
  PROPERTIES.bucket.name,
  PROPERTIES.previousBucket.name,
  PROPERTIES.bucketMovedAt.name,
  PROPERTIES.bucketMovedBy.name,
  PROPERTIES.reRecruitAt.name,
  TASK_LEDGER.re_recruit.last,
  TASK_LEDGER.re_recruit.pending,
  PROPERTIES.successManager.name,
  HUBSPOT_PROPERTIES.owner,
];

export type ProcessedBatch = { companies: number; factsWritten: number; tasks: string[] };

/**
 * Handles the companies webhooks named, 100 at a time: one batch read of what HubSpot holds now (with the
 * bucket's history), the decision per company (`decideExternalMove`), one batch update of the facts that
 * changed (with the re-recruit keys), then the tasks. The event said only "look at this company".
 */
export const createBucketMoveProcessor = (deps: {
  companies: CompaniesApi;
  /** Direct mode's task creation; undefined in workflows mode (HubSpot's re-recruit workflow reacts to the move). */
  createReRecruits?: CreateReRecruits;
  /** Where a re-recruit task finds what it says: read with the move, in the same call. */
  briefSources: BriefSources;
  logger: Logger;
  now?: () => Date;
}) => {
  const now = deps.now ?? (() => new Date());
  const read = [...new Set([...READ, ...briefReadProperties(deps.briefSources)])];
  return async (companyIds: string[]): Promise<ProcessedBatch> => {
    const companies = await deps.companies.batchReadWithHistory(companyIds, read, BUCKET_HISTORY_PROPERTIES);
    const today = toIsoDate(now());
    const writes: { id: string; properties: Record<string, string> }[] = [];
    const tasks: PlannedReRecruit[] = [];
    for (const company of companies) {
      const move = latestBucketMove(company.propertiesWithHistory);
      if (!move) continue;
      const decision = decideExternalMove({
        companyId: company.id,
        stored: company.properties,
        move,
        createsTasks: deps.createReRecruits !== undefined,
        today,
      });
      // Recorded as decided and pending before the task is created (TASK_LEDGER): a crash leaves it to the next run.
      const keyWrite = decision.reRecruit
        ? recordIntent(decision.reRecruit, readPendingKeys(company.properties[TASK_LEDGER.re_recruit.pending]))
            .properties
        : {};
      const properties = { ...decision.facts, ...keyWrite };
      if (Object.keys(properties).length) writes.push({ id: company.id, properties });
      if (decision.reRecruit) {
        tasks.push({
          intent: decision.reRecruit,
          ownerId: company.properties[HUBSPOT_PROPERTIES.owner] || null,
          successManagerId: company.properties[PROPERTIES.successManager.name] || null,
          properties: { ...company.properties, ...properties },
        });
      }
    }
    if (writes.length) await deps.companies.batchUpdate(writes);
    if (tasks.length && deps.createReRecruits) await deps.createReRecruits(tasks);
    const summary = {
      companies: companies.length,
      factsWritten: writes.length,
      tasks: tasks.map((task) => task.intent.key),
    };
    deps.logger.info(summary, 'bucket moves made outside the app recorded');
    return summary;
  };
};
