import { bucketLabel, type PortfolioFigures, PORTFOLIO_WINDOWS, RENEWAL_PLAY_BUCKET } from '@why-they-care/domain';
import { Box, Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';

import { formatCount, formatShare } from '../lib/format';

/** One play's outcome: how many it started for, and what became of them, each over that denominator. */
const PlayOutcome = (props: {
  testId: string;
  title: string;
  started: string;
  outcomes: { label: string; companies: number }[];
  of: number;
}) => (
  <Box flex={1}>
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'demibold' }}>{props.title}</Text>
      <Text>{props.started} Of them:</Text>
      <Statistics testId={props.testId}>
        {props.outcomes.map((outcome) => (
          <StatisticsItem key={outcome.label} label={outcome.label} number={formatShare(outcome.companies, props.of)} />
        ))}
      </Statistics>
    </Flex>
  </Box>
);

/**
 * 6. Did the plays work? What became of the companies whose re-recruit play, and whose "It's OK" renewal
 * play, started in the last 180 days, side by side.
 */
export const PlaysSection = ({ figures }: { figures: PortfolioFigures }) => {
  const { reRecruit, itsOkRenewal } = figures;
  const days = PORTFOLIO_WINDOWS.playDays;
  const itsOk = bucketLabel(RENEWAL_PLAY_BUCKET);
  return (
    <Flex direction="column" gap="sm">
      <Heading>Did the plays work?</Heading>
      <Flex direction="row" gap="lg" wrap="wrap">
        <PlayOutcome
          testId="re-recruit-play"
          title="Re-recruiting"
          started={`${formatCount(reRecruit.started)} companies got a re-recruit task in the last ${days} days.`}
          of={reRecruit.started}
          outcomes={[
            { label: 'Moved up', companies: reRecruit.movedUp },
            { label: 'Still "Who are you?"', companies: reRecruit.stillWhoAreYou },
            { label: 'Left us', companies: reRecruit.left },
          ]}
        />
        <PlayOutcome
          testId="renewal-play"
          title={`"${itsOk}" renewals`}
          started={`${formatCount(itsOkRenewal.started)} "${itsOk}" companies got a renewal task in the last ${days} days.`}
          of={itsOkRenewal.started}
          outcomes={[
            { label: 'Moved up to "We need you"', companies: itsOkRenewal.movedUp },
            { label: `Still "${itsOk}"`, companies: itsOkRenewal.stillItsOk },
            { label: 'Left us', companies: itsOkRenewal.left },
          ]}
        />
      </Flex>
    </Flex>
  );
};
