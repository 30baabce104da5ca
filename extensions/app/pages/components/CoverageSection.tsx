import { type PortfolioFigures, PORTFOLIO_WINDOWS } from '@why-they-care/domain';
import { Flex, Heading, Statistics, StatisticsItem } from '@hubspot/ui-extensions';

import { formatShare } from '../lib/format';
import { FigureTable } from './FigureTable';

/** 8. Coverage: customers asked "why do you care?" in the last 90 days, for the account and per owner. */
export const CoverageSection = ({ figures }: { figures: PortfolioFigures }) => (
  <Flex direction="column" gap="sm">
    <Heading>Coverage</Heading>
    <Statistics testId="coverage">
      <StatisticsItem
        label={`Asked in the last ${PORTFOLIO_WINDOWS.coverageDays} days`}
        number={formatShare(figures.coverage.asked, figures.coverage.customers)}
      />
    </Statistics>
    <FigureTable
      testId="coverage-by-owner"
      headers={['Owner', `Asked in ${PORTFOLIO_WINDOWS.coverageDays} days`]}
      rows={figures.coverage.byOwner.map((owner) => ({
        key: owner.ownerId,
        cells: [owner.name, formatShare(owner.asked, owner.customers)],
      }))}
    />
  </Flex>
);
