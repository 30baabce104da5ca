import { randomUUID } from 'node:crypto';

import {
  type Actor,
  type BucketChange,
  type BriefSources,
  completeWrite,
  type CompletedWrite,
  decideSave,
  type HubSpotProperties,
  type Profile,
  profileAndBriefProperties,
  PROFILE_READ_PROPERTIES,
  type ProfileDraft,
  readProfile,
  readProfileDraft,
  readVersion,
  type SaveProfileRequest,
  saveProfileRequestSchema,
  type SuccessManagerLookup,
  type TaskIntent,
  toIsoDate,
} from '@why-they-care/domain';
import { type Logger } from 'pino';

import { type SuccessManagers } from '../automation/success-managers';
import { type CompanyLock, createLocalCompanyLock } from '../coordination/company-lock';
import { type CompaniesApi, type CompanyRecord } from '../hubspot/companies';
import { HubSpotError } from '../hubspot/errors';
import { type TagOptionsSource } from '../tags/tag-options';
import { BUCKET_HISTORY_PROPERTIES, toBucketHistory } from './bucket-history';
import { ProfileError } from './profile.errors';
import { createSuccessManagerSync } from './success-manager-sync';

export type SaveOutcome = {
  profile: Profile;
  /** What HubSpot was asked to do: nothing (unchanged or a retried request) or one write. */
  result: 'saved' | 'unchanged' | 'already_saved';
};

export type ProfileServiceDeps = {
  companies: CompaniesApi;
  /** Who each company's success manager is, as far as the owners listed so far tell. */
  successManagers: SuccessManagers;
  /** The account's tag lists, read in the background: the card offers them, a save is checked against them. */
  tagOptions: TagOptionsSource;
  logger: Logger;
  now?: () => Date;
  /** One save of a company at a time: across instances with Redis, in this process without. */
  companyLock?: CompanyLock;
  /** Where a save's task finds what it says: read with the profile, in the same call. */
  briefSources: BriefSources;
  /** Direct automation mode: create a save's task (re-recruit, health drop) once the save is stored. */
  onSaveTask?: (
    intent: TaskIntent,
    company: { ownerId: string | null; successManagerId: string | null; properties: HubSpotProperties },
  ) => Promise<void>;
};

/**
 * A change the customer makes through the shared plan, decided on the company as read inside the save's
 * lock: the draft to save, or null to write nothing. It may throw to refuse (a revoked link, say).
 */
export type CustomerChange = (stored: HubSpotProperties, draft: ProfileDraft) => ProfileDraft | null;

export const createProfileService = (deps: ProfileServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const oneSaveAtATime = deps.companyLock ?? createLocalCompanyLock();
  const managers = createSuccessManagerSync({ ...deps, lock: oneSaveAtATime });
  const read = profileAndBriefProperties(deps.briefSources);

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
      return await deps.companies.get(companyId, read, BUCKET_HISTORY_PROPERTIES);
    } catch (error) {
      if (error instanceof HubSpotError && error.code === 'HUBSPOT_NOT_FOUND') {
        throw new ProfileError('COMPANY_NOT_FOUND', `No company ${companyId} in this HubSpot account`);
      }
      throw error;
    }
  };

  const toProfile = (companyId: string, properties: CompanyRecord['properties'], history: BucketChange[]) =>
    readProfile({
      companyId,
      properties,
      bucketHistory: history,
      tagOptions: deps.tagOptions.current(),
      today: toIsoDate(now()),
    });

  const load = async (companyId: string): Promise<Profile> => {
    const [company] = await Promise.all([fetchCompany(companyId), deps.tagOptions.known()]);
    return toProfile(companyId, company.properties, toBucketHistory(company.propertiesWithHistory));
  };

  /** `properties`: the company as stored once the save is written, for what each task says. */
  const createSaveTasks = async (write: CompletedWrite, properties: HubSpotProperties) => {
    if (!deps.onSaveTask) return;
    if (write.reRecruitTask) {
      const { intent, ownerId, successManagerId } = write.reRecruitTask;
      await deps.onSaveTask(intent, { ownerId, successManagerId, properties });
    }
    if (write.healthDropTask) {
      await deps.onSaveTask(write.healthDropTask.intent, {
        ownerId: write.healthDropTask.ownerId,
        successManagerId: null,
        properties,
      });
    }
  };

  /**
   * A customer's change through the shared plan, saved like a card save: in the same per-company lock, from
   * a fresh read, through `decideSave` (versioned, so a card that loaded an older version gets a conflict),
   * writing only what changed, but with no review stamp. Refused when part of the stored plan cannot be
   * read: saving over it would drop that part.
   */
  const saveCustomerChange = (companyId: string, change: CustomerChange): Promise<'saved' | 'unchanged'> =>
    oneSaveAtATime(companyId, async (lock) => {
      const company = await deps.companies.get(companyId, PROFILE_READ_PROPERTIES);
      const warnings: string[] = [];
      const draft = readProfileDraft(company.properties, warnings);
      const next = change(company.properties, draft);
      if (next === null) return 'unchanged';
      const request = saveProfileRequestSchema.safeParse({
        requestId: `customer-${randomUUID()}`,
        expectedVersion: readVersion(company.properties),
        profile: next,
      });
      if (warnings.length || !request.success) {
        throw new ProfileError('PROFILE_UNREADABLE', 'Part of the stored plan cannot be read: it was not changed');
      }
      const decision = decideSave({
        companyId,
        stored: company.properties,
        request: request.data,
        actor: { email: null, userId: null },
        at: now(),
        savedBy: 'customer',
        // The open concerns named as the card names them (cached options, no call); tags are HubSpot's to check.
        concernOptions: deps.tagOptions.current()?.concerns,
      });
      if (decision.kind === 'unchanged' || decision.kind === 'already_saved') return 'unchanged';
      if (decision.kind !== 'write') {
        throw new ProfileError('PROFILE_UNREADABLE', `The plan could not be saved as it is stored (${decision.kind})`);
      }
      const write = completeWrite(decision, { successManager: { known: false }, createsTasks: false });
      await lock.stillHeld();
      await deps.companies.update(companyId, write.properties);
      return 'saved';
    });

  /** The save's I/O around `decideSave`: the read before it, the one write, and what follows the write. */
  const save = (companyId: string, request: SaveProfileRequest, actor: Actor): Promise<SaveOutcome> =>
    oneSaveAtATime(companyId, async (lock) => {
      const company = await fetchCompany(companyId);
      const history = toBucketHistory(company.propertiesWithHistory);
      const current = toProfile(companyId, company.properties, history);
      const tagOptions = await deps.tagOptions.known();
      const decision = decideSave({ companyId, stored: company.properties, request, actor, at: now(), tagOptions });
      switch (decision.kind) {
        case 'already_saved':
        case 'unchanged':
          return { profile: current, result: decision.kind };
        case 'conflict':
          throw new ProfileError(
            'VERSION_CONFLICT',
            `Someone saved this profile after you opened it (version ${decision.storedVersion}, you had ${decision.expectedVersion})`,
            { current },
          );
        case 'too_large':
          throw new ProfileError('VALIDATION_FAILED', 'The profile is too large to store in HubSpot', {
            fields: decision.fields,
          });
        case 'unknown_tags':
          throw new ProfileError('VALIDATION_FAILED', "Some tags are not in the account's lists", {
            fields: decision.fields,
          });
        case 'write':
          break;
      }

      const successManager = await successManagerOf(decision.ownerId, decision.reRecruit !== null);
      const write = completeWrite(decision, { successManager, createsTasks: deps.onSaveTask !== undefined });
      // Another instance may have taken the lock if this one stalled since reading: then write nothing.
      await lock.stillHeld();
      await deps.companies.update(companyId, write.properties);

      if (!successManager.known) managers.fillLater(companyId);
      await createSaveTasks(write, { ...company.properties, ...write.properties });
      const savedHistory = decision.bucketMove ? [decision.bucketMove, ...history] : history;
      return {
        profile: toProfile(companyId, { ...company.properties, ...write.properties }, savedHistory),
        result: 'saved',
      };
    });

  return { load, save, saveCustomerChange, successManagersFilled: managers.settled };
};

export type ProfileService = ReturnType<typeof createProfileService>;
