import {
  COMPANY_FACTS,
  hasSupport,
  LOOKALIKE_RULES,
  type LookalikeReport,
  type LookalikeSegment,
  overRepresentedSegments,
  parseTagValues,
  PROPERTIES,
  type SegmentCount,
  type SegmentValue,
  sizeBandOf,
  type TagOption,
  tagLabel,
} from '@why-they-care/domain';
import { sameFilterBranch } from '@why-they-care/hubspot-contract';
import { type Logger } from 'pino';

import { type CompaniesApi } from '../hubspot/companies';
import { type ListsApi } from '../hubspot/lists';
import { inBucket, portfolio } from '../portfolio/portfolio-filters';
import { PROSPECTS_LIST_NAME, prospectsFilterBranch, segmentSearchFilter } from './lookalike-list';

/** "We need you" customers, among the customers as the home page counts them (CUSTOMER_RULE). */
const NEED_YOU = inBucket('need_you');
const READ = [COMPANY_FACTS.industry, COMPANY_FACTS.employees, COMPANY_FACTS.country, PROPERTIES.valueThemes.name];

/**
 * Segment discovery by counts. The "We need you" customers are read by id, four properties each (a search
 * for their ids, 200 a page, then batch reads of 100): what they have in common is counted from that read,
 * which is also where country, free text in HubSpot, gets its values. Only the values at least `minSupport`
 * of them share are then counted among all customers, one search total each: the portfolio is never read.
 */
export const createLookalikes = (deps: {
  companies: CompaniesApi;
  lists: ListsApi;
  /** The account's value themes now (the admin edits them), or null while not known. */
  valueThemes: () => TagOption[] | null;
  logger: Logger;
}) => {
  const segmentsOf = (properties: Record<string, string | null>): SegmentValue[] => {
    const employees = Number(properties[COMPANY_FACTS.employees] ?? '');
    const band = properties[COMPANY_FACTS.employees] ? sizeBandOf(employees) : null;
    const industry = properties[COMPANY_FACTS.industry]?.trim();
    const country = properties[COMPANY_FACTS.country]?.trim();
    const themes = deps.valueThemes() ?? [];
    return [
      ...(industry ? [{ dimension: 'industry' as const, value: industry, label: industry }] : []),
      ...(band ? [{ dimension: 'size' as const, value: band.value, label: `${band.value} employees` }] : []),
      ...(country ? [{ dimension: 'country' as const, value: country, label: country }] : []),
      ...parseTagValues(properties[PROPERTIES.valueThemes.name]).map((value) => ({
        dimension: 'value_theme' as const,
        value,
        label: tagLabel(themes, value),
      })),
    ];
  };

  /** Each segment value of the "We need you" customers, with how many of them are in it. */
  const needYouCounts = async () => {
    const counts = new Map<string, SegmentValue & { needYou: number }>();
    const reads: Promise<void>[] = [];
    const [first = [], ...others] = portfolio(NEED_YOU);
    await deps.companies.searchIds(
      first,
      (ids) => {
        reads.push(
          deps.companies.batchRead(ids, READ).then((companies) => {
            for (const company of companies) {
              for (const segment of segmentsOf(company.properties)) {
                // Countries are compared as HubSpot's search compares text: whatever the case.
                const key = `${segment.dimension}:${segment.dimension === 'country' ? segment.value.toLowerCase() : segment.value}`;
                const counted = counts.get(key);
                counts.set(key, counted ? { ...counted, needYou: counted.needYou + 1 } : { ...segment, needYou: 1 });
              }
            }
          }),
        );
      },
      others,
    );
    await Promise.all(reads);
    return [...counts.values()];
  };

  const discover = async (): Promise<LookalikeReport> => {
    const [needYou, customers] = await Promise.all([
      deps.companies.count(portfolio(NEED_YOU)),
      deps.companies.count(portfolio()),
    ]);
    const totals = { needYou, customers };
    const counts: SegmentCount[] = [];
    if (hasSupport(needYou, LOOKALIKE_RULES)) {
      const supported = (await needYouCounts()).filter((segment) => hasSupport(segment.needYou, LOOKALIKE_RULES));
      for (const segment of supported) {
        counts.push({ ...segment, customers: await deps.companies.count(portfolio(segmentSearchFilter(segment))) });
      }
    }
    return { at: new Date().toISOString(), totals, segments: overRepresentedSegments(counts, totals, LOOKALIKE_RULES) };
  };

  /** Rewrites the prospects list's filters only when the segments changed (a list write is one call). */
  const refreshList = async (segments: readonly LookalikeSegment[]): Promise<'updated' | 'unchanged' | 'missing'> => {
    const list = await deps.lists.findByName(PROSPECTS_LIST_NAME);
    if (!list) {
      deps.logger.warn(`list "${PROSPECTS_LIST_NAME}" not found: run setup to create it`);
      return 'missing';
    }
    const wanted = prospectsFilterBranch(segments);
    if (sameFilterBranch(list.filterBranch, wanted)) return 'unchanged';
    await deps.lists.updateFilters(list.listId, wanted);
    return 'updated';
  };

  let latest: LookalikeReport | null = null;
  return {
    discover,
    /** The scheduled refresh: discover, keep the report for the home page, and bring the list up to date. */
    refresh: async (): Promise<LookalikeReport> => {
      const report = await discover();
      latest = { ...report, list: await refreshList(report.segments) };
      deps.logger.info({ segments: report.segments.length, list: latest.list }, 'lookalike segments refreshed');
      return latest;
    },
    /** The last report this process made, or a new one (the home page asks; HubSpot keeps no report). */
    report: async (): Promise<LookalikeReport> => (latest ??= await discover()),
  };
};

export type Lookalikes = ReturnType<typeof createLookalikes>;
