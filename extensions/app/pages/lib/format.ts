import { SEARCH_TOTAL_CAP } from '@why-they-care/domain';

/** A count as HubSpot's search gave it: a total at the cap may be larger, so it reads "10,000+". */
export const formatCount = (count: number): string =>
  count >= SEARCH_TOTAL_CAP ? `${SEARCH_TOTAL_CAP.toLocaleString('en-US')}+` : count.toLocaleString('en-US');

/** "3 of 40": a share is always shown with its denominator, never as a percentage alone. */
export const formatShare = (part: number, whole: number): string =>
  whole === 0 ? 'none yet' : `${formatCount(part)} of ${formatCount(whole)} (${Math.round((part / whole) * 100)}%)`;

export const formatMoney = (amount: number): string => amount.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** An instant as the page shows it: date and UTC time, the same for everyone who reads it. */
export const formatInstant = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
