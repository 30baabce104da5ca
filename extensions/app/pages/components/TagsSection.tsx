import { bucketLabel, type PortfolioFigures, TAG_BUCKETS, TAG_KINDS, TAGS } from '@why-they-care/domain';
import { Flex, Heading, Text } from '@hubspot/ui-extensions';

import { formatCount } from '../lib/format';
import { FigureTable } from './FigureTable';

/** 7. Why they need us, and what worries the rest: each tag the admin offers, counted per bucket. */
export const TagsSection = ({ figures }: { figures: PortfolioFigures }) => (
  <Flex direction="column" gap="sm">
    <Heading>Why they need us, and what worries the rest</Heading>
    {TAG_KINDS.map((kind) => {
      const cells = figures.tags.filter((cell) => cell.kind === kind);
      const options = [...new Map(cells.map((cell) => [cell.value, cell.label])).entries()];
      return options.length === 0 ? (
        <Text key={kind}>No options in &quot;{TAGS[kind].label}&quot; yet.</Text>
      ) : (
        <FigureTable
          key={kind}
          testId={`tags-${kind}`}
          headers={[TAGS[kind].label, ...TAG_BUCKETS[kind].map(bucketLabel)]}
          rows={options.map(([value, label]) => ({
            key: value,
            cells: [
              label,
              ...TAG_BUCKETS[kind].map((bucket) =>
                formatCount(cells.find((cell) => cell.value === value && cell.bucket === bucket)?.companies ?? 0),
              ),
            ],
          }))}
        />
      );
    })}
  </Flex>
);
