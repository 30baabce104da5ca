import { addDays, daysBetween, type IsoDate } from '../dates';

/**
 * Ask one buyer a day: "Call one Buyer each day for the next month and ask them why they care." Each working
 * day, each owner gets at most one task, for their customer asked longest ago (never asked first), naming
 * the buyer to call. HubSpot's workflows cannot pick one company per owner per day, so the backend does.
 */
export const ASK_BUYER_RULES = {
  /** A customer asked this recently is not due. */
  askedWithinDays: 90,
  /** A customer given an ask task this recently is not given another (the owner may still be on it). */
  taskedWithinDays: 90,
} as const;

/** Monday to Friday (UTC): nobody gets a task on a weekend. */
export const isWorkingDay = (day: IsoDate): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

export type AskCandidate = {
  companyId: string;
  ownerId: string | null;
  /** When the customer was last asked why they care (the card's "asked on"). */
  askedOn: IsoDate | null;
  /** When the app last gave the owner an ask task for this customer. */
  askTaskOn: IsoDate | null;
};

const isRecent = (day: IsoDate | null, within: number, today: IsoDate) =>
  day !== null && daysBetween(day, today) < within;

/** Due: not asked in the last 90 days, and not already given an ask task in that time. */
export const isDueForAsking = (candidate: AskCandidate, today: IsoDate): boolean =>
  !isRecent(candidate.askedOn, ASK_BUYER_RULES.askedWithinDays, today) &&
  !isRecent(candidate.askTaskOn, ASK_BUYER_RULES.taskedWithinDays, today);

/** Never asked first, then asked longest ago; the company id breaks ties so every run picks the same one. */
const byLongestAgo = (a: AskCandidate, b: AskCandidate) =>
  (a.askedOn ?? '').localeCompare(b.askedOn ?? '') || Number(a.companyId) - Number(b.companyId);

/**
 * Today's pick per owner: the customer to ask, or nobody when today is not a working day, the owner already
 * got today's task (a rerun, another instance) or every customer of theirs was asked in the last 90 days.
 */
export const companiesToAsk = (candidates: readonly AskCandidate[], today: IsoDate): AskCandidate[] => {
  if (!isWorkingDay(today)) return [];
  const byOwner = new Map<string, AskCandidate[]>();
  for (const candidate of candidates) {
    if (!candidate.ownerId) continue;
    byOwner.set(candidate.ownerId, [...(byOwner.get(candidate.ownerId) ?? []), candidate]);
  }
  return [...byOwner.values()].flatMap((owned) => {
    if (owned.some((candidate) => candidate.askTaskOn === today)) return [];
    const [pick] = owned.filter((candidate) => isDueForAsking(candidate, today)).sort(byLongestAgo);
    return pick ? [pick] : [];
  });
};

/** The search cut-off: customers asked before this day (or never) may be due. */
export const askedBefore = (today: IsoDate): IsoDate => addDays(today, -ASK_BUYER_RULES.askedWithinDays + 1);

/**
 * HubSpot's buying roles the task names, in order of preference (contact property `hs_buying_role`, values
 * UNCONFIRMED: seen in public code, not in HubSpot's property docs; they are read as stored, several per contact).
 */
export const BUYER_ROLES = [
  { value: 'DECISION_MAKER', label: 'decision maker' },
  { value: 'BUDGET_HOLDER', label: 'budget holder' },
] as const;

export type Contact = { id: string; name: string; email: string | null; buyingRoles: readonly string[] };
export type Buyer = Contact & { role: string };

/** The contact to call: a decision maker, else a budget holder (lowest id first); none when nobody has the role. */
export const buyerToCall = (contacts: readonly Contact[]): Buyer | null => {
  for (const role of BUYER_ROLES) {
    const [buyer] = contacts
      .filter((contact) => contact.buyingRoles.includes(role.value))
      .sort((a, b) => Number(a.id) - Number(b.id));
    if (buyer) return { ...buyer, role: role.label };
  }
  return null;
};

/** HubSpot's multi-value properties keep their options in one string, separated by semicolons. */
export const parseBuyingRoles = (stored: string | null | undefined): string[] =>
  (stored ?? '')
    .split(';')
    .map((role) => role.trim())
    .filter(Boolean);
