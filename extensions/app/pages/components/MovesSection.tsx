import {
  bucketLabel,
  BUCKET_VALUES,
  movesSummary,
  type PortfolioFigures,
  PORTFOLIO_WINDOWS,
} from '@why-they-care/domain';
import { Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';

import { formatCount } from '../lib/format';
import { FigureTable } from './FigureTable';

/** 2. Movement: the 3 × 3 matrix of moves in the last 30 and 90 days (from a row's bucket to a column's). */
export const MovesSection = ({ figures }: { figures: PortfolioFigures }) => (
  <Flex direction="column" gap="sm">
    <Heading>Movement</Heading>
    <Statistics testId="moves">
      {PORTFOLIO_WINDOWS.moveDays.flatMap((days) => {
        const { up, down } = movesSummary(figures.moves, days);
        return [
          <StatisticsItem key={`up${days}`} label={`Moved up, last ${days} days`} number={formatCount(up)} />,
          <StatisticsItem key={`down${days}`} label={`Moved down, last ${days} days`} number={formatCount(down)} />,
        ];
      })}
    </Statistics>
    {PORTFOLIO_WINDOWS.moveDays.map((days) => (
      <Flex key={days} direction="column" gap="xs">
        <Text format={{ fontWeight: 'demibold' }}>Last {days} days: from (row) to (column)</Text>
        <FigureTable
          testId={`moves-${days}`}
          headers={['From \\ to', ...BUCKET_VALUES.map(bucketLabel)]}
          rows={BUCKET_VALUES.map((from) => ({
            key: from,
            cells: [
              bucketLabel(from),
              ...BUCKET_VALUES.map((to) => {
                const cell = figures.moves.find((move) => move.days === days && move.from === from && move.to === to);
                return cell ? formatCount(cell.companies) : '—';
              }),
            ],
          }))}
        />
      </Flex>
    ))}
    <Text variant="microcopy">Each company counts once, by its latest move; a first answer is not a move.</Text>
  </Flex>
);
