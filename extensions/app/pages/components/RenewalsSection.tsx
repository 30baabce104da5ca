import { type PortfolioFigures, type PortfolioRevenue, PORTFOLIO_WINDOWS } from '@why-they-care/domain';
import { Flex, Heading, Statistics, StatisticsItem } from '@hubspot/ui-extensions';

import { formatCount, formatMoney } from '../lib/format';
import { FigureTable } from './FigureTable';
import { mixLabel } from './labels';

/** 5. Renewals in the next 90 days by bucket, and the revenue renewing from "Who are you?". */
export const RenewalsSection = ({
  figures,
  revenue,
}: {
  figures: PortfolioFigures;
  revenue: PortfolioRevenue | null;
}) => (
  <Flex direction="column" gap="sm">
    <Heading>Renewals in the next {PORTFOLIO_WINDOWS.renewalDays} days</Heading>
    <Statistics testId="renewals">
      <StatisticsItem
        label='Revenue renewing from "Who are you?"'
        number={revenue ? formatMoney(revenue.renewingWhoAreYou) : '…'}
      />
    </Statistics>
    <FigureTable
      testId="renewals-by-bucket"
      headers={['Bucket', 'Renewing']}
      rows={figures.renewals.map((row) => ({
        key: row.bucket,
        cells: [mixLabel(row.bucket), formatCount(row.companies)],
      }))}
    />
  </Flex>
);
