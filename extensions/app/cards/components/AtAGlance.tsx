import { bucketLabel, type Profile, quadrantInfo } from '@why-they-care/domain';
import { Flex, ProgressBar, Statistics, StatisticsItem, StatusTag, Tag, Text } from '@hubspot/ui-extensions';

import { reviewAge } from '../lib/review-age';

/** The latest bucket moves, newest first: enough to see a trend without crowding the card. */
const HISTORY_SHOWN = 3;

const BUCKET_TAG = { need_you: 'success', its_ok: 'warning', who_are_you: 'error' } as const;
const QUADRANT_TAG = {
  customer_success: 'success',
  keep_unprofitable: 'warning',
  keep_unhappy: 'warning',
  let_go: 'danger',
} as const;

/** The top of the card: the answer in their words, the quadrant, plan progress and how fresh it all is. */
export const AtAGlance = ({ profile, today }: { profile: Profile; today: string }) => {
  const { whyTheyCare, derived, review } = profile;
  const { plan } = derived;
  const age = reviewAge(review.lastReviewedAt, today);
  const who = [whyTheyCare.answeredByName, whyTheyCare.answeredByRole].filter(Boolean).join(', ');
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center" wrap="wrap">
        {whyTheyCare.bucket ? (
          <Tag testId="glance-bucket" variant={BUCKET_TAG[whyTheyCare.bucket]}>
            {bucketLabel(whyTheyCare.bucket)}
          </Tag>
        ) : (
          <Tag testId="glance-bucket">Not asked yet</Tag>
        )}
        {derived.quadrant && (
          <StatusTag testId="glance-quadrant" variant={QUADRANT_TAG[derived.quadrant]}>
            {quadrantInfo(derived.quadrant).label}
          </StatusTag>
        )}
      </Flex>
      {whyTheyCare.answer && (
        <Text testId="glance-quote" format={{ italic: true }}>
          “{whyTheyCare.answer}”{who ? ` — ${who}` : ''}
          {whyTheyCare.askedOn ? `, ${whyTheyCare.askedOn}` : ''}
        </Text>
      )}
      {plan.stepsTotal > 0 && (
        <ProgressBar
          testId="glance-progress"
          title="Success plan"
          value={plan.stepsDone}
          maxValue={plan.stepsTotal}
          valueDescription={`${plan.stepsDone} of ${plan.stepsTotal} steps done`}
          variant={plan.overdueCustomer + plan.overdueUs > 0 ? 'danger' : 'success'}
        />
      )}
      <Statistics>
        <StatisticsItem label="Overdue: customer" number={plan.overdueCustomer} />
        <StatisticsItem label="Overdue: us" number={plan.overdueUs} />
        <StatisticsItem label="Next step due" number={plan.nextDueDate ?? '—'} />
      </Statistics>
      {profile.bucketHistory.slice(0, HISTORY_SHOWN).map((change, index) => (
        <Text key={change.changedAt} testId={`glance-history-${index}`} variant="microcopy">
          {`${change.bucket ? `Moved to "${bucketLabel(change.bucket)}"` : 'Cleared'} by ${change.changedBy ?? 'someone'} on ${change.changedAt.slice(0, 10)}`}
        </Text>
      ))}
      {age.stale ? (
        <StatusTag testId="glance-review" variant="warning">
          {age.text(review.lastReviewedBy)}
        </StatusTag>
      ) : (
        <Text testId="glance-review" variant="microcopy">
          {age.text(review.lastReviewedBy)}
        </Text>
      )}
    </Flex>
  );
};
