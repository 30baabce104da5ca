import { ASK_BUYER_RULES, LOOKALIKE_RULES, type PlaysOverview, segmentName } from '@why-they-care/domain';
import { Alert, Flex, Heading, LoadingSpinner, Text } from '@hubspot/ui-extensions';

import { type PlaysState } from '../hooks/usePlays';
import { formatCount, formatInstant, formatShare } from '../lib/format';
import { FigureTable } from './FigureTable';

const Lookalikes = ({ report }: { report: PlaysOverview['lookalikes'] }) => {
  if (!report) return <Text testId="lookalikes-off">This play is off (the backend&apos;s PLAYS setting).</Text>;
  const { totals, segments } = report;
  if (segments.length === 0) {
    return (
      <Text testId="lookalikes-none">
        No segment stands out yet among the {formatCount(totals.needYou)} &quot;We need you&quot; customers: one needs
        at least {LOOKALIKE_RULES.minSupport} of them and to be {LOOKALIKE_RULES.minLift} times as common among them as
        among all customers.
      </Text>
    );
  }
  return (
    <>
      <Text>
        What the {formatCount(totals.needYou)} &quot;We need you&quot; customers have in common more often than all{' '}
        {formatCount(totals.customers)} customers (found {formatInstant(report.at)}): the prospects list follows these
        segments.
      </Text>
      <FigureTable
        testId="lookalike-segments"
        headers={['Segment', 'Among "We need you"', 'Among all customers', 'Lift']}
        rows={segments.map((segment) => ({
          key: `${segment.dimension}:${segment.value}`,
          cells: [
            segmentName(segment),
            formatShare(segment.needYou, totals.needYou),
            formatShare(segment.customers, totals.customers),
            `${segment.lift.toFixed(1)}×`,
          ],
        }))}
      />
    </>
  );
};

const AskBuyerProgress = ({ owners }: { owners: PlaysOverview['askBuyer'] }) => {
  if (!owners) return <Text testId="ask-buyer-off">This play is off: it is opt-in (ask_buyer in PLAYS).</Text>;
  if (owners.length === 0) return <Text testId="ask-buyer-none">No owner has a customer yet.</Text>;
  return (
    <FigureTable
      testId="ask-buyer-progress"
      headers={['Owner', `Customers asked in ${ASK_BUYER_RULES.askedWithinDays} days`]}
      rows={owners.map((owner) => ({
        key: owner.ownerId,
        cells: [owner.name, formatShare(owner.askedIn90Days, owner.customers)],
      }))}
    />
  );
};

/**
 * 9. The bucket plays: the segments over-represented among "We need you" customers and why, and each owner's
 * "ask one buyer a day" progress. Loaded apart from the portfolio (the page's usePlays): a failure here leaves
 * the other sections, and a failed refresh keeps the last answer with a warning.
 */
export const BucketPlaysSection = ({ state }: { state: PlaysState }) => {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Find more like them</Heading>
      {state.status === 'loading' && <LoadingSpinner label="Loading the plays" />}
      {state.status === 'failed' && (
        <Alert testId="plays-failed" title="Could not load the plays" variant="error">
          {state.message}
        </Alert>
      )}
      {state.status === 'loaded' && (
        <>
          {state.refreshFailed && (
            <Alert testId="plays-refresh-failed" title="Could not refresh the plays: these are older" variant="warning">
              {state.refreshFailed}
            </Alert>
          )}
          <Lookalikes report={state.overview.lookalikes} />
          <Heading>Ask one buyer a day</Heading>
          <AskBuyerProgress owners={state.overview.askBuyer} />
        </>
      )}
    </Flex>
  );
};
