import {
  type Actor,
  type HubSpotProperties,
  markCustomerStepDone,
  PROPERTIES,
  readProfileDraft,
  readSharedLink,
  reviewerOf,
  SHARED_PLAN_READ_PROPERTIES,
  type SharedLink,
  sharedLinkValue,
  type ShareLinkAnswer,
  sharedPlanView,
  type SharedPlanView,
  toIsoDate,
} from '@why-they-care/domain';

import { type CompaniesApi } from '../hubspot/companies';
import { HubSpotError } from '../hubspot/errors';
import { type ProfileService } from '../profile/profile.service';
import { ShareError } from './share.errors';
import { newShareId, readShareToken, type ShareClaims, signShareToken } from './share-token';

export type ShareServiceDeps = {
  companies: CompaniesApi;
  profiles: ProfileService;
  /** SHARE_LINK_SECRET; without it, sharing is off and says so. */
  secret: string | undefined;
  days: number;
  now?: () => Date;
};

const DAY_MS = 86_400_000;

const NOT_CONFIGURED =
  'Sharing plans with customers is off on this backend: its admin must set SHARE_LINK_SECRET (see the README)';

/**
 * Links to a company's plan for the customer, and what the customer may do through one: see the plan,
 * and mark their own steps done. The company holds the live link's id; a token is honoured only while
 * it names that id, so "turn off" and "replace" work across every backend instance at once.
 */
export const createShareService = (deps: ShareServiceDeps) => {
  const now = deps.now ?? (() => new Date());

  const secret = (): string => {
    if (!deps.secret) throw new ShareError('SHARE_NOT_CONFIGURED', NOT_CONFIGURED);
    return deps.secret;
  };

  const answer = (origin: string, companyId: string, link: SharedLink | null): ShareLinkAnswer => {
    if (!link || Date.parse(link.expiresAt) <= now().getTime()) return null;
    const token = signShareToken(secret(), { companyId, shareId: link.id, expiresAt: new Date(link.expiresAt) });
    return {
      url: `${origin}/share/${token}`,
      expiresAt: link.expiresAt,
      sharedBy: link.sharedBy,
      sharedAt: link.sharedAt,
    };
  };

  const readLink = async (companyId: string) =>
    readSharedLink((await deps.companies.get(companyId, [PROPERTIES.sharedLink.name])).properties);

  /** The token's claims, or why it is refused; checked before HubSpot is asked anything. */
  const claimsOf = (token: string): ShareClaims => {
    const reading = readShareToken(secret(), token, now());
    if (reading.ok) return reading.claims;
    if (reading.reason === 'expired') throw new ShareError('SHARE_LINK_EXPIRED', 'This link has expired');
    throw new ShareError('SHARE_LINK_INVALID', 'This link is not valid');
  };

  /** The company must still hold the share the token names: else it was turned off or replaced. */
  const assertLive = (stored: HubSpotProperties, claims: ShareClaims) => {
    const link = readSharedLink(stored);
    if (!link || link.id !== claims.shareId) {
      throw new ShareError('SHARE_LINK_REVOKED', 'This link was turned off by the team that shared it');
    }
  };

  /** A company deleted since the link was made: the link is as dead as a revoked one. */
  const asRevoked = (error: unknown): never => {
    if (error instanceof HubSpotError && error.code === 'HUBSPOT_NOT_FOUND') {
      throw new ShareError('SHARE_LINK_REVOKED', 'This plan is no longer shared');
    }
    throw error;
  };

  return {
    /** The live link, for the card (one read). */
    current: async (companyId: string, origin: string): Promise<ShareLinkAnswer> =>
      answer(origin, companyId, await readLink(companyId)),

    /** A new link (one write): any earlier one stops working. */
    create: async (companyId: string, origin: string, actor: Actor): Promise<ShareLinkAnswer> => {
      secret();
      const at = now();
      const link: SharedLink = {
        id: newShareId(),
        expiresAt: new Date(at.getTime() + deps.days * DAY_MS).toISOString(),
        sharedBy: reviewerOf(actor),
        sharedAt: at.toISOString(),
      };
      await deps.companies.update(companyId, { [PROPERTIES.sharedLink.name]: sharedLinkValue(link) });
      return answer(origin, companyId, link);
    },

    /** Turns the link off everywhere (a read, and a write only when a link is stored). */
    revoke: async (companyId: string): Promise<void> => {
      if (await readLink(companyId)) {
        await deps.companies.update(companyId, { [PROPERTIES.sharedLink.name]: sharedLinkValue(null) });
      }
    },

    /** What the customer sees (and today, for overdue marks): read with only the properties the page shows. */
    open: async (token: string): Promise<{ view: SharedPlanView; today: string }> => {
      const claims = claimsOf(token);
      const company = await deps.companies.get(claims.companyId, SHARED_PLAN_READ_PROPERTIES).catch(asRevoked);
      assertLive(company.properties, claims);
      return { view: sharedPlanView(readProfileDraft(company.properties)), today: toIsoDate(now()) };
    },

    /**
     * The customer marks one of their own steps done: saved through the profile service's lock and save
     * decision, checked against the live link in the same read. Done already: nothing is written.
     */
    markStepDone: async (token: string, stepId: string, by: string): Promise<'saved' | 'unchanged'> => {
      const claims = claimsOf(token);
      return deps.profiles
        .saveCustomerChange(claims.companyId, (stored, draft) => {
          assertLive(stored, claims);
          const update = markCustomerStepDone(draft, stepId, by, now());
          switch (update.kind) {
            case 'done':
              return update.draft;
            case 'already_done':
              return null;
            case 'not_theirs':
              throw new ShareError('STEP_NOT_THEIRS', 'Only your own steps can be marked done here');
            case 'no_such_step':
              throw new ShareError('STEP_NOT_FOUND', 'This step is no longer in the plan');
          }
        })
        .catch(asRevoked);
    },
  };
};

export type ShareService = ReturnType<typeof createShareService>;
