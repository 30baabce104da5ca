import { addDays, type Bucket, CUSTOMER_RULE, type IsoDate, PROPERTIES } from '@why-they-care/domain';
import { type SearchFilter } from '@why-they-care/hubspot-contract';

/**
 * The filters the home page's counts are made of. One search's filter groups are ORed and the filters in a
 * group ANDed; HubSpot compares date and datetime properties as epoch milliseconds (midnight UTC for a date).
 */
export type FilterGroups = SearchFilter[][];

export const OWNER_PROPERTY = 'hubspot_owner_id';

export const epochMsOfDay = (day: IsoDate): string => String(Date.parse(`${day}T00:00:00.000Z`));

export const eq = (propertyName: string, value: string): SearchFilter => ({ propertyName, operator: 'EQ', value });
export const isIn = (propertyName: string, values: string[]): SearchFilter => ({
  propertyName,
  operator: 'IN',
  values,
});
export const hasValue = (propertyName: string): SearchFilter => ({ propertyName, operator: 'HAS_PROPERTY' });
export const hasNoValue = (propertyName: string): SearchFilter => ({ propertyName, operator: 'NOT_HAS_PROPERTY' });
export const onOrAfter = (propertyName: string, epochMs: string): SearchFilter => ({
  propertyName,
  operator: 'GTE',
  value: epochMs,
});
export const before = (propertyName: string, epochMs: string): SearchFilter => ({
  propertyName,
  operator: 'LT',
  value: epochMs,
});
/** Days `from` to `to`, both included. */
export const daysFromTo = (propertyName: string, from: IsoDate, to: IsoDate): SearchFilter => ({
  propertyName,
  operator: 'BETWEEN',
  value: epochMsOfDay(from),
  highValue: epochMsOfDay(to),
});

/** The customer has not left (no left-on date): every figure about now counts only them. */
export const stillCustomer = hasNoValue(CUSTOMER_RULE.leftOnProperty);
const customerStage = eq(CUSTOMER_RULE.lifecycleStageProperty, CUSTOMER_RULE.lifecycleStage);
export const inBucket = (bucket: Bucket): SearchFilter => eq(PROPERTIES.bucket.name, bucket);

/**
 * The customers (the domain's CUSTOMER_RULE), narrowed by `filters`: two groups, the companies with a bucket
 * and the companies in the customer stage, each still a customer. A company in both counts once. The home
 * page's figures and the plays (lookalikes, owners' asking progress, the buyer to ask) all count these.
 */
export const portfolio = (...filters: SearchFilter[]): FilterGroups => [
  [hasValue(CUSTOMER_RULE.bucketProperty), stillCustomer, ...filters],
  [customerStage, stillCustomer, ...filters],
];

/** Customers in the customer stage who have no bucket yet. */
export const notAsked = (...filters: SearchFilter[]): FilterGroups => [
  [customerStage, hasNoValue(CUSTOMER_RULE.bucketProperty), stillCustomer, ...filters],
];

/** The first day of the last `days` days, today included (today − days + 1). */
export const firstDayOfLast = (today: IsoDate, days: number): IsoDate => addDays(today, 1 - days);
