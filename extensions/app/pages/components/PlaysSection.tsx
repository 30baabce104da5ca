import { type PortfolioFigures, PORTFOLIO_WINDOWS } from '@why-they-care/domain';
import { Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';

import { formatCount, formatShare } from '../lib/format';

/** 6. Did the plays work? What became of the companies whose re-recruit play started in the last 180 days. */
export const PlaysSection = ({ figures }: { figures: PortfolioFigures }) => {
  const { started, movedUp, stillWhoAreYou, left } = figures.reRecruit;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Did re-recruiting work?</Heading>
      <Text>
        {formatCount(started)} companies got a re-recruit task in the last {PORTFOLIO_WINDOWS.playDays} days. Of them:
      </Text>
      <Statistics testId="plays">
        <StatisticsItem label="Moved up" number={formatShare(movedUp, started)} />
        <StatisticsItem label='Still "Who are you?"' number={formatShare(stillWhoAreYou, started)} />
        <StatisticsItem label="Left us" number={formatShare(left, started)} />
      </Statistics>
    </Flex>
  );
};
