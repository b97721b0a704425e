// Outcome metrics: the per-day dwell rollups summed per ISO week (Monday), so a year reads 52 weeks of
// rows plus at most six days at each end (decision 0020). Recomputed by the refresh from the day rows.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dwell_week_totals (
      key text not null, week date not null, grade text not null, rush boolean not null,
      n int not null, hours double precision not null,
      primary key (week, key, grade, rush)
    );
    create table dwell_week_buckets (
      key text not null, week date not null, grade text not null, rush boolean not null, bucket int not null,
      n int not null,
      primary key (week, key, grade, rush, bucket)
    );
    insert into dwell_week_totals (key, week, grade, rush, n, hours)
    select key, date_trunc('week', day)::date, grade, rush, sum(n), sum(hours) from dwell_day_totals group by 1, 2, 3, 4;
    insert into dwell_week_buckets (key, week, grade, rush, bucket, n)
    select key, date_trunc('week', day)::date, grade, rush, bucket, sum(n) from dwell_day_buckets group by 1, 2, 3, 4, 5;
  `.execute(db);
}
