import {
  APP_DISPLAY_PREFIX,
  COMPANY_FACTS,
  COMPANY_SIZE_BANDS,
  CUSTOMER_RULE,
  type LookalikeSegment,
  PROPERTIES,
  PROSPECT_LIFECYCLE_STAGES,
  type SegmentValue,
} from '@why-they-care/domain';
import {
  anyOf,
  type FilterBranch,
  isAnyOfOperation,
  isEqualToOperation,
  hasNoValueOperation,
  hasOptionFilter,
  numberRangeOperation,
  type PropertyFilter,
  propertyFilter,
  type SearchFilter,
} from '@why-they-care/hubspot-contract';

export const PROSPECTS_LIST_NAME = `${APP_DISPLAY_PREFIX} Prospects like the customers who need us`;

const sizeBand = (value: string) => COMPANY_SIZE_BANDS.find((band) => band.value === value);

/** A segment as a list filter (the prospects list). */
export const segmentListFilter = (segment: SegmentValue): PropertyFilter => {
  switch (segment.dimension) {
    case 'industry':
      return propertyFilter(COMPANY_FACTS.industry, isAnyOfOperation([segment.value]));
    case 'size': {
      const band = sizeBand(segment.value);
      return propertyFilter(COMPANY_FACTS.employees, numberRangeOperation(band?.low ?? 0, band ? band.high : 0));
    }
    case 'country':
      return propertyFilter(COMPANY_FACTS.country, isEqualToOperation(segment.value));
    case 'value_theme':
      return propertyFilter(PROPERTIES.valueThemes.name, isAnyOfOperation([segment.value]));
  }
};

/** A segment as a CRM search filter (its counts). */
export const segmentSearchFilter = (segment: SegmentValue): SearchFilter => {
  switch (segment.dimension) {
    case 'industry':
      return { propertyName: COMPANY_FACTS.industry, operator: 'EQ', value: segment.value };
    case 'size': {
      const band = sizeBand(segment.value);
      return band?.high
        ? {
            propertyName: COMPANY_FACTS.employees,
            operator: 'BETWEEN',
            value: String(band.low),
            highValue: String(band.high),
          }
        : { propertyName: COMPANY_FACTS.employees, operator: 'GTE', value: String(band?.low ?? 0) };
    }
    case 'country':
      return { propertyName: COMPANY_FACTS.country, operator: 'EQ', value: segment.value };
    case 'value_theme':
      return hasOptionFilter(PROPERTIES.valueThemes.name, segment.value);
  }
};

/**
 * Not a customer yet: a lifecycle stage before customer and no answer recorded (a company with a bucket is in
 * the portfolio whatever its stage: CUSTOMER_RULE).
 */
const notCustomerYet = [
  propertyFilter(COMPANY_FACTS.lifecycleStage, isAnyOfOperation(PROSPECT_LIFECYCLE_STAGES)),
  propertyFilter(CUSTOMER_RULE.bucketProperty, hasNoValueOperation()),
];

/**
 * "Prospects like the customers who need us": companies not customers yet in any over-represented segment.
 * With no segment found yet it matches nobody (no company lacks an id), so setup can create it before the
 * first refresh.
 */
export const prospectsFilterBranch = (segments: readonly LookalikeSegment[]): FilterBranch =>
  segments.length
    ? anyOf(...segments.map((segment) => [...notCustomerYet, segmentListFilter(segment)]))
    : anyOf([...notCustomerYet, propertyFilter('hs_object_id', hasNoValueOperation())]);
