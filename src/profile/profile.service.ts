import {
  type BucketChange,
  changedProperties,
  findOversizedFields,
  HUBSPOT_PROPERTIES,
  isSameContent,
  type Profile,
  PROFILE_READ_PROPERTIES,
  profileContentProperties,
  profileStampProperties,
  PROPERTIES,
  readLastSaveId,
  readProfile,
  readProfileDraft,
  readVersion,
  reRecruitTaskFor,
  type SaveProfileRequest,
  type TaskIntent,
  toIsoDate,
} from '@why-they-care/domain';

import { type Logger } from 'pino';

import { type SuccessManagerLookup, type SuccessManagers } from '../automation/success-managers';
import { type CompaniesApi, type CompanyRecord } from '../hubspot/companies';
import { HubSpotError } from '../hubspot/errors';
import { createKeyedLock } from '../lib/keyed-lock';
import { BUCKET_HISTORY_PROPERTIES, toBucketHistory } from './bucket-history';
import { ProfileError } from './profile.errors';
import { createSuccessManagerSync } from './success-manager-sync';

export type Actor = { email: string | null; userId: string | null };

export type SaveOutcome = {
  profile: Profile;
  /** What HubSpot was asked to do: nothing (unchanged or a retried request) or one write. */
  result: 'saved' | 'unchanged' | 'already_saved';
};

export type ProfileServiceDeps = {
  companies: CompaniesApi;
  /** Who each company's success manager is, as far as the owners listed so far tell. */
  successManagers: SuccessManagers;
  logger: Logger;
  now?: () => Date;
  /** Direct automation mode: create the re-recruit task once the save that moved the bucket is stored. */
  onReRecruit?: (
    intent: TaskIntent,
    company: { ownerId: string | null; successManagerId: string | null },
  ) => Promise<void>;
};

export const createProfileService = (deps: ProfileServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const oneSaveAtATime = createKeyedLock();
  const managers = createSuccessManagerSync({ ...deps, lock: oneSaveAtATime });

  /**
   * The success manager from the owners listed so far. A save that starts a re-recruit task needs the
   * right person now, so while the owners are not known it waits for the listing already under way (it
   * never starts one: that would be a third HubSpot call on the save).
   */
  const successManagerOf = async (ownerId: string | null, neededNow: boolean): Promise<SuccessManagerLookup> => {
    const lookup = deps.successManagers.lookup(ownerId);
    if (lookup.known || !neededNow) return lookup;
    await deps.successManagers.settled();
    return deps.successManagers.lookup(ownerId);
  };

  const fetchCompany = async (companyId: string): Promise<CompanyRecord> => {
    try {
      return await deps.companies.get(companyId, PROFILE_READ_PROPERTIES, BUCKET_HISTORY_PROPERTIES);
    } catch (error) {
      if (error instanceof HubSpotError && error.code === 'HUBSPOT_NOT_FOUND') {
        throw new ProfileError('COMPANY_NOT_FOUND', `No company ${companyId} in this HubSpot account`);
      }
      throw error;
    }
  };

  const toProfile = (companyId: string, properties: CompanyRecord['properties'], history: BucketChange[]) =>
    readProfile({ companyId, properties, bucketHistory: history, today: toIsoDate(now()) });

  const load = async (companyId: string): Promise<Profile> => {
    const company = await fetchCompany(companyId);
    return toProfile(companyId, company.properties, toBucketHistory(company.propertiesWithHistory));
  };

  const save = (companyId: string, request: SaveProfileRequest, actor: Actor): Promise<SaveOutcome> =>
    oneSaveAtATime(companyId, async () => {
      const company = await fetchCompany(companyId);
      const history = toBucketHistory(company.propertiesWithHistory);
      const current = toProfile(companyId, company.properties, history);
      const storedVersion = readVersion(company.properties);

      if (storedVersion === request.expectedVersion + 1 && readLastSaveId(company.properties) === request.requestId) {
        return { profile: current, result: 'already_saved' };
      }
      if (storedVersion !== request.expectedVersion) {
        throw new ProfileError(
          'VERSION_CONFLICT',
          `Someone saved this profile after you opened it (version ${storedVersion}, you had ${request.expectedVersion})`,
          { current },
        );
      }

      const at = now();
      const today = toIsoDate(at);
      const content = profileContentProperties(request.profile, today);
      const oversized = findOversizedFields(content);
      if (Object.keys(oversized).length > 0) {
        throw new ProfileError('VALIDATION_FAILED', 'The profile is too large to store in HubSpot', {
          fields: oversized,
        });
      }
      const storedContent = profileContentProperties(readProfileDraft(company.properties), today);
      if (isSameContent(content, storedContent)) return { profile: current, result: 'unchanged' };

      const version = storedVersion + 1;
      const ownerId = company.properties[HUBSPOT_PROPERTIES.owner] || null;
      const reRecruit = reRecruitTaskFor({
        companyId,
        previousBucket: current.whyTheyCare.bucket,
        nextBucket: request.profile.whyTheyCare.bucket,
        savedVersion: version,
        today,
      });
      const manager = await successManagerOf(ownerId, reRecruit !== null);
      // Unknown manager in direct mode: leave the task to the scheduled run, which reads the filled-in one.
      const createsTask = reRecruit && deps.onReRecruit && manager.known ? reRecruit : null;
      const reviewedBy = actor.email ?? (actor.userId ? `HubSpot user ${actor.userId}` : 'unknown');
      const written: Record<string, string> = {
        ...changedProperties(content, company.properties),
        ...profileStampProperties({ version, saveId: request.requestId, reviewedAt: at.toISOString(), reviewedBy }),
        ...managers.changeFor(manager, company.properties[PROPERTIES.successManager.name]),
        ...(createsTask ? { [PROPERTIES.reRecruitTaskKey.name]: createsTask.key } : {}),
      };

      await deps.companies.update(companyId, written);

      if (!manager.known) managers.fillLater(companyId);
      if (createsTask && manager.known && deps.onReRecruit) {
        await deps.onReRecruit(createsTask, { ownerId, successManagerId: manager.successManagerId });
      }

      const bucketChanged = current.whyTheyCare.bucket !== request.profile.whyTheyCare.bucket;
      const savedHistory = bucketChanged
        ? [
            { bucket: request.profile.whyTheyCare.bucket, changedAt: at.toISOString(), changedBy: reviewedBy },
            ...history,
          ]
        : history;
      return {
        profile: toProfile(companyId, { ...company.properties, ...written }, savedHistory),
        result: 'saved',
      };
    });

  return { load, save, successManagersFilled: managers.settled };
};

export type ProfileService = ReturnType<typeof createProfileService>;
