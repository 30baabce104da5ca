import { z } from 'zod';

import { SEGMENT_DIMENSIONS, type SegmentDimension } from './lookalikes';
import { PLAY_VALUES } from './plays';

const count = z.number().int().nonnegative();

const lookalikeSegmentSchema = z.object({
  dimension: z.enum(
    SEGMENT_DIMENSIONS.map((dimension) => dimension.value) as [SegmentDimension, ...SegmentDimension[]],
  ),
  value: z.string(),
  label: z.string(),
  needYou: count,
  customers: count,
  lift: z.number(),
});

export const lookalikeReportSchema = z.object({
  at: z.string(),
  totals: z.object({ needYou: count, customers: count }),
  segments: z.array(lookalikeSegmentSchema),
  /** What the refresh did to the prospects list (absent when only discovered). */
  list: z.enum(['updated', 'unchanged', 'missing']).optional(),
});
export type LookalikeReport = z.infer<typeof lookalikeReportSchema>;

/** "Ask one buyer a day": an owner's customers, and how many of them were asked in the last 90 days. */
export const ownerProgressSchema = z.object({
  ownerId: z.string(),
  /** As people know them (first and last name, else the email). */
  name: z.string(),
  email: z.string().nullable(),
  customers: count,
  askedIn90Days: count,
});
export type OwnerProgress = z.infer<typeof ownerProgressSchema>;

/** What `GET /api/plays` answers the home page: which plays are on, the segments and why, owners' progress. */
export const playsOverviewSchema = z.object({
  plays: z.record(z.enum(PLAY_VALUES), z.boolean()),
  /** The segments and why (counts, lift): the last daily refresh's, or discovered now; null when the play is off. */
  lookalikes: lookalikeReportSchema.nullable(),
  /** Each owner's progress; null when "ask one buyer a day" is off. */
  askBuyer: z.array(ownerProgressSchema).nullable(),
});
export type PlaysOverview = z.infer<typeof playsOverviewSchema>;
