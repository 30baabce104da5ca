import {
  BATCH_LIMIT,
  type PropertyHistoryEntry,
  SEARCH_LIMITS,
  type SearchFilter,
  SORT_BY_ID,
  toApiSearchFilter,
} from '@why-they-care/hubspot-contract';

import { type HubSpotContext } from './client';

export type { PropertyHistoryEntry };

export type CompanyRecord = {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory: Record<string, PropertyHistoryEntry[]>;
};

export type CompanyValues = { id: string; properties: Record<string, string | null> };

const toIso = (value: Date | string | undefined): string =>
  value instanceof Date ? value.toISOString() : String(value ?? '');

type ApiHistoryEntry = {
  value: string;
  timestamp: Date | string;
  sourceType: string;
  sourceId?: string;
  sourceLabel?: string;
  updatedByUserId?: number;
};

const toHistory = (withHistory: Record<string, ApiHistoryEntry[]> | undefined) => {
  const history: Record<string, PropertyHistoryEntry[]> = {};
  for (const [name, entries] of Object.entries(withHistory ?? {})) {
    history[name] = entries.map((entry) => ({
      value: entry.value,
      timestamp: toIso(entry.timestamp),
      sourceType: entry.sourceType,
      sourceId: entry.sourceId,
      sourceLabel: entry.sourceLabel,
      updatedByUserId: entry.updatedByUserId,
    }));
  }
  return history;
};

/** Domains per search: at most 100, and few enough that the request stays well inside HubSpot's 3,000 characters. */
const DOMAINS_PER_SEARCH = 100;
const DOMAIN_CHARACTERS_PER_SEARCH = 2_400;

const domainChunks = (domains: readonly string[]): string[][] => {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let characters = 0;
  for (const domain of domains) {
    const size = domain.length + 3;
    if (chunk.length && (chunk.length >= DOMAINS_PER_SEARCH || characters + size > DOMAIN_CHARACTERS_PER_SEARCH)) {
      chunks.push(chunk);
      chunk = [];
      characters = 0;
    }
    chunk.push(domain);
    characters += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
};

/**
 * Every page of one search, cursor after cursor, in id order, each handed over as HubSpot returns it (one
 * query reaches at most 10,000 results).
 */
const eachSearchPage = async (
  { client, call }: HubSpotContext,
  filterGroups: readonly (readonly SearchFilter[])[],
  properties: readonly string[],
  onPage: (results: readonly { id: string; properties: Record<string, string | null> }[]) => void,
): Promise<void> => {
  let after: string | undefined;
  do {
    const page = await call(
      'companies.search',
      () =>
        client.crm.companies.searchApi.doSearch({
          filterGroups: filterGroups.map((filters) => ({ filters: filters.map(toApiSearchFilter) })),
          properties: [...properties],
          sorts: SORT_BY_ID,
          limit: SEARCH_LIMITS.pageSize,
          ...(after ? { after } : {}),
        }),
      { idempotent: true, search: true },
    );
    onPage(page.results);
    after = page.paging?.next?.after;
  } while (after);
};

export const companiesApi = ({ client, call }: HubSpotContext) => ({
  get: async (companyId: string, properties: readonly string[], withHistory: readonly string[] = []) => {
    const company = await call('companies.get', () =>
      client.crm.companies.basicApi.getById(
        companyId,
        [...properties],
        withHistory.length ? [...withHistory] : undefined,
      ),
    );
    return {
      id: company.id,
      properties: company.properties,
      propertiesWithHistory: toHistory(company.propertiesWithHistory),
    } satisfies CompanyRecord;
  },

  /**
   * Companies by id with the history of some properties (100 per call), for deciding on what HubSpot holds
   * now; ids of companies that do not exist (any more) are left out.
   */
  batchReadWithHistory: async (
    companyIds: readonly string[],
    properties: readonly string[],
    withHistory: readonly string[],
  ): Promise<CompanyRecord[]> => {
    const byId = new Map<string, CompanyRecord>();
    for (let start = 0; start < companyIds.length; start += BATCH_LIMIT) {
      const inputs = companyIds.slice(start, start + BATCH_LIMIT).map((id) => ({ id }));
      const answer = await call('companies.batchRead', () =>
        client.crm.companies.batchApi.read({
          inputs,
          properties: [...properties],
          propertiesWithHistory: [...withHistory],
        }),
      );
      for (const company of answer.results) {
        byId.set(company.id, {
          id: company.id,
          properties: company.properties,
          propertiesWithHistory: toHistory(company.propertiesWithHistory),
        });
      }
    }
    return companyIds.flatMap((id) => byId.get(id) ?? []);
  },

  update: async (companyId: string, properties: Record<string, string>) => {
    await call('companies.update', () => client.crm.companies.basicApi.update(companyId, { properties }));
  },

  batchUpdate: async (inputs: readonly { id: string; properties: Record<string, string> }[]) => {
    for (let start = 0; start < inputs.length; start += BATCH_LIMIT) {
      const chunk = inputs.slice(start, start + BATCH_LIMIT);
      await call('companies.batchUpdate', () =>
        client.crm.companies.batchApi.update({ inputs: chunk.map(({ id, properties }) => ({ id, properties })) }),
      );
    }
  },

  /**
   * The ids of every company matching the filters (AND), handed over page by page as HubSpot returns them,
   * so the caller can act on one page while the next is fetched. HubSpot caps one query at 10,000 results.
   * Search reads an index that trails writes by seconds: use it to find candidates, and `batchRead` to
   * decide on their current values.
   */
  searchIds: (
    filters: readonly SearchFilter[],
    onPage: (companyIds: string[]) => void,
    /** Other filter groups: a company matching all filters of any one group is found (OR). */
    orGroups: readonly (readonly SearchFilter[])[] = [],
  ) => eachSearchPage({ client, call }, [filters, ...orGroups], [], (results) => onPage(results.map(({ id }) => id))),

  /**
   * How many companies match: the `total` of one search asking for one record (HubSpot's search cannot sum
   * or group, but it counts every match, not only the page). `filterGroups` are ORed, the filters in each
   * ANDed. HubSpot may cap `total` at 10,000 (SEARCH_TOTAL_CAP in the domain, unverified).
   */
  count: async (filterGroups: readonly (readonly SearchFilter[])[]): Promise<number> => {
    const page = await call(
      'companies.count',
      () =>
        client.crm.companies.searchApi.doSearch({
          filterGroups: filterGroups.map((filters) => ({ filters: filters.map(toApiSearchFilter) })),
          properties: ['hs_object_id'],
          limit: 1,
        }),
      { idempotent: true, search: true },
    );
    return page.total;
  },

  /**
   * One page of the matching companies with the properties asked for, in id order, from the id after
   * `afterId`: each page is its own query (hs_object_id > the last id seen), so a pass can read past the
   * 10,000 results one query can reach. `afterId` '0' starts from the first company.
   */
  searchPageAfterId: async (
    filterGroups: readonly (readonly SearchFilter[])[],
    properties: readonly string[],
    afterId: string,
  ): Promise<{ total: number; companies: CompanyValues[] }> => {
    const afterFilter: SearchFilter = { propertyName: 'hs_object_id', operator: 'GT', value: afterId };
    const page = await call(
      'companies.search',
      () =>
        client.crm.companies.searchApi.doSearch({
          filterGroups: filterGroups.map((filters) => ({
            filters: [...filters, afterFilter].map(toApiSearchFilter),
          })),
          properties: [...properties],
          sorts: SORT_BY_ID,
          limit: SEARCH_LIMITS.pageSize,
        }),
      { idempotent: true, search: true },
    );
    return {
      total: page.total,
      companies: page.results.map(({ id, properties: values }) => ({ id, properties: values })),
    };
  },

  /**
   * The companies whose `domain` is one of `domains` (as HubSpot stores them: lowercase, no scheme), with
   * their domain: one IN filter per search, as many domains per search as keep the body within HubSpot's
   * limits, paged. A domain found on two companies comes back twice: the caller decides what that means.
   */
  searchByDomains: async (domains: readonly string[]): Promise<{ id: string; domain: string }[]> => {
    const found: { id: string; domain: string }[] = [];
    for (const chunk of domainChunks(domains)) {
      await eachSearchPage(
        { client, call },
        [[{ propertyName: 'domain', operator: 'IN', values: chunk }]],
        ['domain'],
        (results) => {
          for (const { id, properties } of results) found.push({ id, domain: (properties.domain ?? '').toLowerCase() });
        },
      );
    }
    return found;
  },

  /** Current values, read by id (100 per call): unlike search, they include every write already made. */
  batchRead: async (companyIds: readonly string[], properties: readonly string[]): Promise<CompanyValues[]> => {
    const byId = new Map<string, CompanyValues>();
    for (let start = 0; start < companyIds.length; start += BATCH_LIMIT) {
      const inputs = companyIds.slice(start, start + BATCH_LIMIT).map((id) => ({ id }));
      const answer = await call('companies.batchRead', () =>
        client.crm.companies.batchApi.read({ inputs, properties: [...properties], propertiesWithHistory: [] }),
      );
      // A company deleted since it was found is left out of the results (207): nothing to do for it.
      for (const { id, properties: values } of answer.results) byId.set(id, { id, properties: values });
    }
    return companyIds.flatMap((id) => byId.get(id) ?? []);
  },
});

export type CompaniesApi = ReturnType<typeof companiesApi>;
