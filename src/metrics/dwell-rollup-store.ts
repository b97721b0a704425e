// SQL for the per-day dwell rollups (dwell_day_totals, dwell_day_buckets): recomputed for whole plant
// days by the refresh, read by the figures. Counts and means are exact sums; percentiles are read from
// the histogram when the period holds more than EXACT_SAMPLES samples, else from the samples themselves
// (decision 0020).
import { type Kysely, type RawBuilder, sql } from "kysely";
import { bucketLabel } from "../core/db/plant-buckets.js";
import type { DB } from "../core/db/schema.js";
import { type DwellAggregateRow, type DwellTrendRow, exactDwellAggregates, exactDwellTrend } from "./dwell-store.js";
import { BUCKET_SQL } from "./model/histogram.js";
import { fullWeeks, type Period } from "./model/period.js";

/** Up to this many samples in a figure's period, its percentiles are exact (read from the samples). */
export const EXACT_SAMPLES = 20_000;

/** Recomputes both rollups of whole plant days from the samples; grade and rush are the order's now,
 *  statuses are not broken down by them (grade '', rush false). */
export async function recomputeDwellDays(db: Kysely<DB>, days: string[]): Promise<void> {
  if (!days.length) return;
  await sql`delete from dwell_day_totals where day = any(${days}::date[])`.execute(db);
  await sql`delete from dwell_day_buckets where day = any(${days}::date[])`.execute(db);
  await sql`
    with counted as (
      select s.key, s.day, x.grade, x.rush, ${sql.raw(BUCKET_SQL("s.hours"))} as bucket, count(*)::int as n, sum(s.hours) as hours
      from order_dwell_samples s join orders o on o.order_no = s.order_no join customers c on c.code = o.customer_code
      cross join lateral (
        select case when s.key like 'status:%' then '' else c.grade::text end as grade,
               case when s.key like 'status:%' then false else o.rush end as rush
      ) x
      where s.day = any(${days}::date[])
      group by 1, 2, 3, 4, 5
    ),
    buckets as (insert into dwell_day_buckets (key, day, grade, rush, bucket, n) select key, day, grade, rush, bucket, n from counted)
    insert into dwell_day_totals (key, day, grade, rush, n, hours)
    select key, day, grade, rush, sum(n)::int, sum(hours) from counted group by 1, 2, 3, 4`.execute(db);
  // The weeks of those days, summed again from their day rows.
  const weeks = sql`(select distinct date_trunc('week', d)::date as week from unnest(${days}::date[]) as x(d))`;
  await sql`delete from dwell_week_totals where week in ${weeks}`.execute(db);
  await sql`delete from dwell_week_buckets where week in ${weeks}`.execute(db);
  await sql`
    insert into dwell_week_totals (key, week, grade, rush, n, hours)
    select t.key, w.week, t.grade, t.rush, sum(t.n), sum(t.hours)
    from ${weeks} w join dwell_day_totals t on t.day >= w.week and t.day < w.week + 7 group by 1, 2, 3, 4`.execute(db);
  await sql`
    insert into dwell_week_buckets (key, week, grade, rush, bucket, n)
    select b.key, w.week, b.grade, b.rush, b.bucket, sum(b.n)
    from ${weeks} w join dwell_day_buckets b on b.day >= w.week and b.day < w.week + 7 group by 1, 2, 3, 4, 5`.execute(db);
}

/** The rollup rows of the period (key, wk = the ISO week's Monday, grade, rush, n and `extra`): whole weeks
 *  from the week table, the days at either end outside them from the day table. */
function periodRows(kind: "totals" | "buckets", period: Period, where: RawBuilder<unknown>, extra: string): RawBuilder<unknown> {
  const weeks = fullWeeks(period);
  const cols = sql.raw(`key collate "C" as key, grade collate "C" as grade, rush, n, ${extra}`);
  const dayRows = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) =>
    sql`select ${cols}, date_trunc('week', day)::date as wk from ${sql.table(`dwell_day_${kind}`)} where day >= ${from} and day <= ${to} and ${where}`;
  const from = sql`${period.from}::date`;
  const to = sql`${period.to}::date`;
  if (!weeks) return dayRows(from, to);
  // Each end as its own range of the day table's key, so neither reads the year in between.
  return sql`
    select ${cols}, week as wk from ${sql.table(`dwell_week_${kind}`)} where week >= ${weeks.first}::date and week <= ${weeks.last}::date and ${where}
    union all ${dayRows(from, sql`${weeks.first}::date - 1`)}
    union all ${dayRows(sql`${weeks.last}::date + 7`, to)}`;
}

const STAGE_KEYS = sql`key not like 'status:%'`;
const inDays = (period: Period) => sql`day >= ${period.from}::date and day <= ${period.to}::date`;
const weekLabel = (column: RawBuilder<unknown>) => bucketLabel(column, "week");
const bucketValue = (b: string) => sql.raw(`(case when ${b} <= 100 then ${b} / 100.0 else power(1.01, ${b} - 100.5) end)`);

/** percentile_cont(0.5) and (0.9) over a histogram `h(grp…, bucket, n)` grouped by `groupBy`: the bucket
 *  holding each closest rank stands for its value (model/histogram.ts, the same rule in TypeScript). */
function histogramPercentiles(h: RawBuilder<unknown>, groupBy: string): RawBuilder<unknown> {
  const by = sql.raw(groupBy);
  const pick = (p: number, side: "floor" | "ceil") => sql.raw(`min(bucket) filter (where upto > ${side}(${p} * (total - 1)))`);
  const at = (p: number) =>
    sql`${bucketValue(`lo${p * 10}`)} + (${sql.lit(p)} * (total - 1) - floor(${sql.lit(p)} * (total - 1))) * (${bucketValue(`hi${p * 10}`)} - ${bucketValue(`lo${p * 10}`)})`;
  return sql`
    select ${by}, (${at(0.5)})::float8 as median, (${at(0.9)})::float8 as p90 from (
      select ${by}, total, ${pick(0.5, "floor")} as lo5, ${pick(0.5, "ceil")} as hi5, ${pick(0.9, "floor")} as lo9, ${pick(0.9, "ceil")} as hi9
      from (
        select *, sum(n) over (partition by ${by} order by bucket) as upto, sum(n) over (partition by ${by}) as total from (${h}) h
      ) c
      group by ${by}, total
    ) r`;
}

export async function dwellAggregates(db: Kysely<DB>, period: Period, exactUpTo = EXACT_SAMPLES): Promise<DwellAggregateRow[]> {
  const stages = STAGE_KEYS;
  const sets = (extra: string) => sql.raw(`grouping sets ((key${extra}), (key, wk${extra}), (key, grade${extra}), (key, rush${extra}))`);
  const totals = await sql<DwellAggregateRow>`
    select key, ${weekLabel(sql`wk`)} as week, grade, rush, g, n, mean, null::float8 as median, null::float8 as p90 from (
      select key, wk, grade, rush, grouping(wk, grade, rush)::int as g, sum(n)::int as n, (sum(hours) / sum(n))::float8 as mean
      from (${periodRows("totals", period, stages, "hours")}) t group by ${sets("")}
    ) grouped
    union all
    select key, null, null, null, 7, sum(n)::int, (sum(hours) / sum(n))::float8, null, null
    from (${periodRows("totals", period, sql`key like 'status:%'`, "hours")}) s group by key`.execute(db);
  const stageSamples = totals.rows.filter((r) => r.g === 7 && !r.key.startsWith("status:")).reduce((sum, r) => sum + r.n, 0);
  if (stageSamples <= exactUpTo) return exactDwellAggregates(db, period);
  const percentiles = await sql<{ key: string; week: string | null; grade: string | null; rush: boolean | null; g: number; median: number; p90: number }>`
    select key, g, ${weekLabel(sql`wk`)} as week, grade, rush, median, p90 from (${histogramPercentiles(
      sql`select key, wk, grade, rush, grouping(wk, grade, rush)::int as g, bucket, sum(n) as n
          from (${periodRows("buckets", period, stages, "bucket")}) b group by ${sets(", bucket")}`,
      "key, g, wk, grade, rush",
    )}) p`.execute(db);
  const id = (r: { key: string; g: number; grade: string | null; rush: boolean | null }, week: string | null) => `${r.key}|${r.g}|${week}|${r.grade}|${r.rush}`;
  const byId = new Map(percentiles.rows.map((p) => [id(p, p.week), p]));
  return totals.rows.map((t) => {
    const p = byId.get(id(t, t.week));
    return p ? { ...t, median: p.median, p90: p.p90 } : t;
  });
}

/** The same figures per ISO week or per month of the period, for trend charts. */
export async function dwellTrend(db: Kysely<DB>, period: Period, by: "week" | "month", exactUpTo = EXACT_SAMPLES): Promise<DwellTrendRow[]> {
  const { rows: count } = await sql<{ n: number }>`select coalesce(sum(n), 0)::int as n from dwell_day_totals where ${inDays(period)}`.execute(db);
  if (count[0].n <= exactUpTo) return exactDwellTrend(db, period, by);
  const label = bucketLabel(sql`t.first_day`, by);
  const { rows } = await sql<DwellTrendRow>`
    select t.key, ${label} as bucket, t.n, t.mean, p.median, p.p90 from (
      select key collate "C" as key, date_trunc(${by}, day)::date as first_day, sum(n)::int as n, (sum(hours) / sum(n))::float8 as mean
      from dwell_day_totals where ${inDays(period)} group by 1, 2
    ) t join (
      ${histogramPercentiles(
        sql`select key collate "C" as key, date_trunc(${by}, day)::date as first_day, bucket, sum(n) as n
            from dwell_day_buckets where ${inDays(period)} group by 1, 2, 3`,
        "key, first_day",
      )}
    ) p on p.key = t.key and p.first_day = t.first_day
    order by 1, t.first_day`.execute(db);
  return rows;
}
