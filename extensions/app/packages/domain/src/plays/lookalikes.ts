/**
 * "We need you" -> find more like them. A segment is one value of one company fact; it is over-represented
 * when its share among "We need you" customers is well above its share among all customers (the lift), on
 * enough of them to mean something (the support). Every figure is a count HubSpot's search gives as a
 * total, so discovery costs one search per segment value, never a read of the portfolio.
 */

/** HubSpot's own company properties the play reads (default company properties). */
export const COMPANY_FACTS = {
  lifecycleStage: 'lifecyclestage',
  industry: 'industry',
  employees: 'numberofemployees',
  country: 'country',
} as const;

/**
 * HubSpot's default lifecycle stages before "customer", in order (HubSpot's lifecycle stage docs). An account's
 * custom stages are not prospects for this list.
 */
export const PROSPECT_LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
] as const;

/** Company size bands by number of employees (`high` null: no upper bound). */
export const COMPANY_SIZE_BANDS = [
  { value: '1-10', low: 1, high: 10 },
  { value: '11-50', low: 11, high: 50 },
  { value: '51-200', low: 51, high: 200 },
  { value: '201-1000', low: 201, high: 1000 },
  { value: '1001-5000', low: 1001, high: 5000 },
  { value: '5001+', low: 5001, high: null },
] as const;
export type CompanySizeBand = (typeof COMPANY_SIZE_BANDS)[number];

export const SEGMENT_DIMENSIONS = [
  { value: 'industry', label: 'Industry' },
  { value: 'size', label: 'Company size' },
  { value: 'country', label: 'Country' },
  { value: 'value_theme', label: 'Why they need us' },
] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number]['value'];

/** One value of one dimension: the unit that is counted. */
export type SegmentValue = { dimension: SegmentDimension; value: string; label: string };

/** How many "We need you" customers, and how many customers in all, are in the segment. */
export type SegmentCount = SegmentValue & { needYou: number; customers: number };

export type LookalikeSegment = SegmentCount & {
  /** Share among "We need you" customers over share among all customers: 2 means twice as common. */
  lift: number;
};

export type LookalikeRules = {
  /** At least this many "We need you" customers in the segment: two alike could be chance. */
  minSupport: number;
  /** At least this lift. */
  minLift: number;
  /** At most this many segments: each is a filter group of the prospects list. */
  maxSegments: number;
};

export const LOOKALIKE_RULES: LookalikeRules = { minSupport: 3, minLift: 1.5, maxSegments: 5 };

export type LookalikeTotals = { needYou: number; customers: number };

export const liftOf = (count: Pick<SegmentCount, 'needYou' | 'customers'>, totals: LookalikeTotals): number | null =>
  totals.needYou > 0 && totals.customers > 0 && count.customers > 0
    ? count.needYou / totals.needYou / (count.customers / totals.customers)
    : null;

/** Whether the segment is worth counting among all customers: enough "We need you" customers are in it. */
export const hasSupport = (needYou: number, rules: LookalikeRules = LOOKALIKE_RULES): boolean =>
  needYou >= rules.minSupport;

/**
 * The over-represented segments, highest lift first (then most "We need you" customers, then by name, so
 * the same counts always give the same list and the prospects list is rewritten only when they change).
 */
export const overRepresentedSegments = (
  counts: readonly SegmentCount[],
  totals: LookalikeTotals,
  rules: LookalikeRules = LOOKALIKE_RULES,
): LookalikeSegment[] =>
  counts
    .flatMap((count) => {
      const lift = liftOf(count, totals);
      return lift !== null && hasSupport(count.needYou, rules) && lift >= rules.minLift ? [{ ...count, lift }] : [];
    })
    .sort(
      (a, b) =>
        b.lift - a.lift ||
        b.needYou - a.needYou ||
        `${a.dimension}:${a.value}`.localeCompare(`${b.dimension}:${b.value}`),
    )
    .slice(0, rules.maxSegments);

export const sizeBandOf = (employees: number): CompanySizeBand | null =>
  COMPANY_SIZE_BANDS.find((band) => employees >= band.low && (band.high === null || employees <= band.high)) ?? null;

/** "Industry: Computer software": the dimension's label, then the value's. */
export const segmentName = (segment: SegmentValue): string =>
  `${SEGMENT_DIMENSIONS.find((candidate) => candidate.value === segment.dimension)?.label ?? segment.dimension}: ${segment.label}`;

/** "Industry: Computer software, lift 2.4 (5 of 8 who need us, 9 of 40 customers)": why a segment is listed. */
export const describeSegment = (segment: LookalikeSegment, totals: LookalikeTotals): string =>
  `${segmentName(segment)}, lift ${segment.lift.toFixed(1)} ` +
  `(${segment.needYou} of ${totals.needYou} who need us, ${segment.customers} of ${totals.customers} customers)`;
