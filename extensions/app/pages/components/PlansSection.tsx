import { type PortfolioFigures } from '@why-they-care/domain';
import { Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';

import { formatCount } from '../lib/format';
import { FigureTable } from './FigureTable';

/** 4. Success plans: who is late, the customer or us, for the account and per owner. */
export const PlansSection = ({ figures }: { figures: PortfolioFigures }) => (
  <Flex direction="column" gap="sm">
    <Heading>Late success plans</Heading>
    <Statistics testId="late-plans">
      <StatisticsItem label="Customer is late" number={formatCount(figures.latePlans.customer)} />
      <StatisticsItem label="We are late" number={formatCount(figures.latePlans.us)} />
    </Statistics>
    <FigureTable
      testId="late-plans-by-owner"
      headers={['Owner', 'Customer is late', 'We are late']}
      rows={figures.latePlans.byOwner.map((owner) => ({
        key: owner.ownerId,
        cells: [owner.name, formatCount(owner.customer), formatCount(owner.us)],
      }))}
    />
    <Text variant="microcopy">Companies with an open step past its due date, by the side that owns the step.</Text>
  </Flex>
);
