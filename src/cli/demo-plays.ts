import { COMPANY_FACTS, PROPERTIES, type ProfileDraft, taskKey } from '@why-they-care/domain';
import { type SandboxRecord } from '@why-they-care/hubspot-sandbox';

/**
 * What the demo account needs for each bucket play to show on `npm start` (beside the home page's story in
 * demo-account.ts): HubSpot's company facts (industry, size, country), a German mid-size cluster among the "We
 * need you" customers and prospects like them, a planned exit, a re-recruit left undecided, and a decision
 * maker to call.
 */
type PlaySeed = {
  industry: string;
  employees: number;
  country: string;
  winWin?: ProfileDraft['winWin'];
};

const PLAY_SEEDS: Record<string, PlaySeed> = {
  'Acme Logistics': { industry: 'LOGISTICS_AND_SUPPLY_CHAIN', employees: 140, country: 'Germany' },
  'Birch Dental Group': { industry: 'HOSPITAL_HEALTH_CARE', employees: 75, country: 'Germany' },
  'Cobalt Mining': { industry: 'MINING_METALS', employees: 180, country: 'Germany' },
  'Delta Foods': { industry: 'FOOD_PRODUCTION', employees: 2400, country: 'France' },
  'Evergreen Schools': { industry: 'EDUCATION_MANAGEMENT', employees: 900, country: 'United States' },
  'Fjord Shipping': { industry: 'LOGISTICS_AND_SUPPLY_CHAIN', employees: 3200, country: 'Norway' },
  'Granite Insurance': {
    industry: 'FINANCIAL_SERVICES',
    employees: 6000,
    country: 'United States',
    winWin: { decision: 'no_win_win', reason: 'They merged with a group that standardised on a competitor.' },
  },
  'Harbor Clinics': {
    industry: 'HOSPITAL_HEALTH_CARE',
    employees: 1500,
    country: 'United States',
    winWin: { decision: 'undecided', reason: '' },
  },
  'Iris Analytics': { industry: 'COMPUTER_SOFTWARE', employees: 400, country: 'United Kingdom' },
  'Juniper Retail': { industry: 'RETAIL', employees: 7000, country: 'United States' },
  'Kestrel Aviation': { industry: 'FINANCIAL_SERVICES', employees: 2200, country: 'United States' },
  'Lumen Energy': { industry: 'COMPUTER_SOFTWARE', employees: 5200, country: 'United States' },
};

/** The seed's win-win decision (Granite: no win-win, a planned exit; Harbor: still undecided). */
export const demoDecision = (name: string): ProfileDraft['winWin'] =>
  PLAY_SEEDS[name]?.winWin ?? { decision: null, reason: '' };

/**
 * HubSpot's own facts on a seeded company (industry, size, country), and for a re-recruit under way the key
 * of the task it was given when it started (else the scheduled run would take it for a move nobody handled).
 */
export const playCompanyFacts = (id: string, name: string, reRecruitUnderWay: boolean): Record<string, string> => {
  const seed = PLAY_SEEDS[name];
  if (!seed) return {};
  return {
    [COMPANY_FACTS.industry]: seed.industry,
    [COMPANY_FACTS.employees]: String(seed.employees),
    [COMPANY_FACTS.country]: seed.country,
    ...(reRecruitUnderWay ? { [PROPERTIES.reRecruitTaskKey.name]: taskKey('re_recruit', id, 'v1') } : {}),
  };
};

const record = (id: string, properties: Record<string, string>, at: string, companies: string[] = []) => ({
  id,
  properties,
  history: {},
  associations: { companies },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: at,
});

/** Prospects: two like the customers who need us (German, 51-200 people), one unlike them. */
export const demoProspects = (at: string): Record<string, SandboxRecord> =>
  Object.fromEntries(
    [
      ['1101', 'Nordwind Software', 'lead', '120', 'Germany', '503'],
      ['1102', 'Ostsee Robotics', 'opportunity', '90', 'Germany', '502'],
      ['1103', 'Pampas Foods', 'lead', '5000', 'Argentina', '503'],
    ].map(([id = '', name = '', stage = '', employees = '', country = '', owner = '']) => [
      id,
      record(
        id,
        {
          hs_object_id: id,
          name,
          hubspot_owner_id: owner,
          [COMPANY_FACTS.lifecycleStage]: stage,
          [COMPANY_FACTS.employees]: employees,
          [COMPANY_FACTS.country]: country,
        },
        at,
      ),
    ]),
  );

/** Contacts with buying roles: Juniper Retail's decision maker is the buyer its owner is asked to call. */
export const demoContacts = (at: string, companyIdOf: (name: string) => string): Record<string, SandboxRecord> =>
  Object.fromEntries(
    [
      ['2101', 'Dana', 'Decider', 'dana.decider@juniperretail.example.com', 'DECISION_MAKER', 'Juniper Retail'],
      ['2102', 'Uli', 'User', 'uli.user@juniperretail.example.com', 'END_USER', 'Juniper Retail'],
      ['2103', 'Bea', 'Budget', 'bea.budget@cobaltmining.example.com', 'BUDGET_HOLDER', 'Cobalt Mining'],
    ].map(([id = '', firstname = '', lastname = '', email = '', role = '', company = '']) => [
      id,
      record(id, { firstname, lastname, email, hs_buying_role: role }, at, [companyIdOf(company)]),
    ]),
  );
