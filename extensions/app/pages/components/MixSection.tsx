import { type PortfolioFigures, type PortfolioRevenue } from '@why-they-care/domain';
import { BarChart, Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';

import { formatCount, formatInstant, formatMoney } from '../lib/format';
import { FigureTable } from './FigureTable';
import { mixLabel } from './labels';

/** 1. Bucket mix now: companies and revenue per bucket, and the customers not asked yet. */
export const MixSection = ({ figures, revenue }: { figures: PortfolioFigures; revenue: PortfolioRevenue | null }) => {
  const revenueOf = (bucket: string) => revenue?.byBucket.find((row) => row.bucket === bucket)?.revenue;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Bucket mix now</Heading>
      <Statistics testId="mix">
        {figures.mix.map((row) => (
          <StatisticsItem key={row.bucket} label={mixLabel(row.bucket)} number={formatCount(row.companies)} />
        ))}
      </Statistics>
      <BarChart
        data={figures.mix.map((row) => ({ bucket: mixLabel(row.bucket), companies: row.companies }))}
        axes={{
          x: { field: 'bucket', fieldType: 'category', label: 'Bucket' },
          y: { field: 'companies', fieldType: 'linear', label: 'Companies' },
        }}
        options={{ showDataLabels: true }}
      />
      <FigureTable
        testId="mix-revenue"
        headers={['Bucket', 'Companies', revenue ? `Revenue (${revenue.property})` : 'Revenue']}
        rows={figures.mix.map((row) => {
          const sum = revenueOf(row.bucket);
          return {
            key: row.bucket,
            cells: [mixLabel(row.bucket), formatCount(row.companies), sum === undefined ? '…' : formatMoney(sum)],
          };
        })}
      />
      <Text variant="microcopy">
        {revenue
          ? `Revenue as of ${formatInstant(revenue.asOf)}, summed over ${formatCount(revenue.companies)} companies (refreshed hourly).`
          : 'Revenue is being summed in the background: it shows here when the pass is done.'}
      </Text>
    </Flex>
  );
};
