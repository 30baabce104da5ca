import { AT_RISK, type PortfolioFigures, quadrantInfo } from '@why-they-care/domain';
import { Alert, BarChart, Flex, Heading, Link, Text } from '@hubspot/ui-extensions';

import { formatCount, formatMoney } from '../lib/format';
import { companyRecordUrl } from '../lib/record-link';
import { FigureTable } from './FigureTable';

const atRiskWarning = (total: number) => {
  const one = total === 1;
  const happiness = `${AT_RISK.companyHappiness} of ${AT_RISK.companyHappiness}`;
  return (
    `${formatCount(total)} highly profitable ${one ? 'customer' : 'customers'} (our happiness ${happiness}) ` +
    `${one ? 'is' : 'are'} only "It's OK": a competitor can take ${one ? 'it' : 'them'}. Address their concerns first.`
  );
};

/** 3. Health quadrant mix, and the business risk: highly profitable customers who are only "It's OK". */
export const HealthSection = ({ figures, portalId }: { figures: PortfolioFigures; portalId: number }) => (
  <Flex direction="column" gap="sm">
    <Heading>Health quadrant</Heading>
    <BarChart
      data={figures.quadrants.map((row) => ({ quadrant: quadrantInfo(row.quadrant).label, companies: row.companies }))}
      axes={{
        x: { field: 'quadrant', fieldType: 'category', label: 'Quadrant' },
        y: { field: 'companies', fieldType: 'linear', label: 'Companies' },
      }}
      options={{ showDataLabels: true }}
    />
    {figures.atRisk.total === 0 ? (
      <Text testId="at-risk-none">No highly profitable customer is only &quot;It&apos;s OK&quot;.</Text>
    ) : (
      <Flex direction="column" gap="xs">
        <Alert title="A business risk" variant="warning">
          {atRiskWarning(figures.atRisk.total)}
        </Alert>
        <FigureTable
          testId="at-risk"
          headers={['Company', 'Owner', 'Revenue']}
          rows={figures.atRisk.companies.map((company) => ({
            key: company.id,
            cells: [
              <Link key="link" href={companyRecordUrl(portalId, company.id)}>
                {company.name}
              </Link>,
              company.ownerName || '—',
              formatMoney(company.revenue),
            ],
          }))}
        />
        {figures.atRisk.total > figures.atRisk.companies.length && (
          <Text variant="microcopy">
            The {figures.atRisk.companies.length} with the highest revenue among the first 200 found are listed.
          </Text>
        )}
      </Flex>
    )}
  </Flex>
);
