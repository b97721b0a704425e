// Plant days (UTC+8) and the labels of the trend buckets, ISO week ("2026-W10") or month ("2026-03"),
// in SQL: every trend series is bucketed by these, so that the charts' axes line up.
import { type RawBuilder, sql } from "kysely";

export type BucketSize = "week" | "month";

/** The plant day of an instant (timestamptz). */
export const plantDate = (instant: RawBuilder<unknown>): RawBuilder<string> => sql`((${instant} at time zone 'UTC') + interval '8 hours')::date`;

/** The label of the week or month a date falls in. */
export const bucketLabel = (day: RawBuilder<unknown>, by: BucketSize): RawBuilder<string> =>
  by === "week" ? sql`to_char(${day}, 'IYYY-"W"IW')` : sql`to_char(${day}, 'YYYY-MM')`;

/** The label of the plant week or month an instant falls in. */
export const plantBucket = (instant: RawBuilder<unknown>, by: BucketSize): RawBuilder<string> => bucketLabel(plantDate(instant), by);
