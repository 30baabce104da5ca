import {
  Alert,
  Button,
  Divider,
  EmptyState,
  ErrorState,
  Flex,
  Heading,
  LoadingSpinner,
  Text,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useMemo } from 'react';

import { NotConfigured } from '../cards/components/NotConfigured';
import { BucketPlaysSection } from './components/BucketPlaysSection';
import { CoverageSection } from './components/CoverageSection';
import { HealthSection } from './components/HealthSection';
import { MixSection } from './components/MixSection';
import { MovesSection } from './components/MovesSection';
import { PlansSection } from './components/PlansSection';
import { PlaysSection } from './components/PlaysSection';
import { RenewalsSection } from './components/RenewalsSection';
import { TagsSection } from './components/TagsSection';
import { usePlays } from './hooks/usePlays';
import { usePortfolio } from './hooks/usePortfolio';
import { formatInstant } from './lib/format';
import { createPortfolioClient } from './lib/portfolio-client';

/** "Are we winning?": the portfolio at a glance, for managers and sales ops. */
export const HomePage = ({ pollMs }: { pollMs?: number }) => {
  const context = useExtensionContext<'pages'>();
  const backendUrl = String(context.variables?.BACKEND_URL ?? '');
  const client = useMemo(() => (backendUrl ? createPortfolioClient(backendUrl) : null), [backendUrl]);
  const { state, refresh, retry } = usePortfolio(client, pollMs);
  const plays = usePlays(client, state.status === 'loaded' && state.answer.state === 'counting');
  /** Refresh counts the portfolio and the plays again, each keeping its own answer if the other fails. */
  const refreshAll = () => {
    void refresh();
    void plays.refresh();
  };

  if (!client) return <NotConfigured />;
  if (state.status === 'loading') return <LoadingSpinner label="Loading the portfolio" layout="centered" />;
  if (state.status === 'failed') {
    return (
      <ErrorState title="Could not load the portfolio">
        <Text>{state.message}</Text>
        <Button testId="retry" onClick={retry}>
          Try again
        </Button>
      </ErrorState>
    );
  }
  const { answer } = state;
  if (answer.state === 'counting') {
    return (
      <Flex direction="column" gap="sm" testId="counting">
        <LoadingSpinner label="Counting the portfolio…" showLabel layout="centered" />
        <Text>
          The first count of this account is under way (one HubSpot search per figure, a few a second): the page fills
          in by itself.
        </Text>
        {answer.lastError && (
          <Alert title="The last count failed" variant="error">
            {answer.lastError}
          </Alert>
        )}
      </Flex>
    );
  }

  const { figures, revenue } = answer;
  const customers = figures.coverage.customers;
  return (
    <Flex direction="column" gap="md">
      <Flex direction="row" justify="between" align="center">
        <Heading>Are we winning?</Heading>
        <Button testId="refresh" onClick={refreshAll} disabled={answer.refreshing}>
          {answer.refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </Flex>
      <Text variant="microcopy" testId="counted-at">
        Counted {formatInstant(figures.countedAt)}, one HubSpot search per figure ({figures.searches} in all).
      </Text>
      {(answer.lastError ?? state.refreshFailed) && (
        <Alert title="Could not refresh: these figures are older" variant="warning">
          {state.refreshFailed ?? answer.lastError}
        </Alert>
      )}
      {customers === 0 && figures.mix.every((row) => row.companies === 0) ? (
        <EmptyState testId="empty" title="No customers yet" layout="vertical" imageName="companies">
          <Text>
            Nobody has recorded why a customer cares yet, and no company is in the &quot;Customer&quot; lifecycle stage.
            Open a company and fill in the Why They Care card: the portfolio shows up here.
          </Text>
        </EmptyState>
      ) : (
        <>
          <MixSection figures={figures} revenue={revenue} />
          <Divider />
          <MovesSection figures={figures} />
          <Divider />
          <HealthSection figures={figures} portalId={context.portal.id} />
          <Divider />
          <PlansSection figures={figures} />
          <Divider />
          <RenewalsSection figures={figures} revenue={revenue} />
          <Divider />
          <PlaysSection figures={figures} />
          <Divider />
          <TagsSection figures={figures} />
          <Divider />
          <CoverageSection figures={figures} />
          <Divider />
          <BucketPlaysSection state={plays.state} />
        </>
      )}
    </Flex>
  );
};
