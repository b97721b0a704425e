// SQL for stage and status dwell times, derived from the append-only order_events log into
// order_dwell_samples (refresh-summaries.ts) and aggregated from there.
// A stay starts at an event that sets a status (created / transition) and ends at the next such event
// of the same order ("changed" events set no status and are ignored). Samples are counted in the
// period in which they end; see decision 0020.
import { type Kysely, type RawBuilder, sql } from "kysely";
import { plantBucket, plantDate } from "../core/db/plant-buckets.js";
import type { DB } from "../core/db/schema.js";
import type { Period } from "./model/period.js";
import { DWELL_STATUSES, STAGES } from "./model/stages.js";
import type { DwellAggregateRow, DwellTrendRow } from "./model/store-rows.js";
import { withSortMemory } from "./sort-memory.js";

export type { DwellAggregateRow, DwellTrendRow };

const plantWeek = plantBucket(sql`s.done_at`, "week");
const plantMonth = plantBucket(sql`s.done_at`, "month");

// Per stage: the seq of the stay that starts it (the first entry into `from`, or the creation) and of the
// one that ends it (the first entry into `to` after the start), found in one pass per order.
const startSeq = (i: number) => sql.raw(`s${i}`);
const endSeq = (i: number) => sql.raw(`e${i}`);
const stageStarts = sql.join(
  STAGES.map((s, i) =>
    s.from === null ? sql`1 as ${startSeq(i)}` : sql`min(seq) filter (where status = ${s.from}) over (partition by order_no) as ${startSeq(i)}`,
  ),
);
const stageEnds = sql.join(
  STAGES.map((s, i) => sql`max(${startSeq(i)}) as ${startSeq(i)}, min(seq) filter (where status = ${s.to} and seq > ${startSeq(i)}) as ${endSeq(i)}`),
);
const stageColumns = sql.join(
  STAGES.map(
    (_, i) => sql`
      min(s.entered_at) filter (where s.seq = b.${startSeq(i)}) as ${sql.raw(`start${i}`)},
      min(s.entered_at) filter (where s.seq = b.${endSeq(i)}) as ${sql.raw(`done${i}`)},
      coalesce(sum(extract(epoch from s.left_at - s.entered_at)) filter (where s.status = 'on_hold' and s.seq > b.${startSeq(i)} and s.seq < b.${endSeq(i)}), 0) as ${sql.raw(`held${i}`)}`,
  ),
);
const stageRows = sql.join(STAGES.map((s, i) => sql`(${s.key}::text, ${sql.raw(`start${i}`)}, ${sql.raw(`done${i}`)}, ${sql.raw(`held${i}`)})`));

/** The dwell samples of some orders, derived from their whole event log: one row per stage per order
 *  (key = stage) and one per completed stay (key = 'status:<status>'). Feeds order_dwell_samples. */
export function derivedSamples(orderNos: string[]): RawBuilder<unknown> {
  return sql`
    with stays as (
      select e.order_no, e.to_status as status, e.at as entered_at,
             lead(e.at) over w as left_at, row_number() over w as seq
      from order_events e
      where e.to_status is not null and e.order_no = any(${orderNos}::text[])
      window w as (partition by e.order_no order by e.at, e.id)
    ),
    bounds as (
      select order_no, ${stageEnds}
      from (select order_no, seq, status, ${stageStarts} from stays) marked
      group by order_no
    ),
    stage_times as (
      select b.order_no, ${stageColumns}
      from bounds b join stays s on s.order_no = b.order_no
      group by b.order_no
    ),
    all_samples as (
      select v.key, t.order_no, v.started_at, v.done_at, v.held_s
      from stage_times t cross join lateral (values ${stageRows}) as v(key, started_at, done_at, held_s)
      where v.done_at is not null
      union all
      select 'status:' || status, order_no, entered_at, left_at, 0 from stays where left_at is not null
    )
    select order_no, key, started_at, done_at, ${plantWeek} as week, ${plantDate(sql`done_at`)} as day,
           held_s, (extract(epoch from done_at - started_at) - held_s) / 3600.0 as hours
    from all_samples s`;
}

/** `samples`: the refreshed summary rows of samples ending in the period. */
function samplesCte(period: Period): RawBuilder<unknown> {
  return sql`samples as (${inPeriod(period)})`;
}
const inPeriod = (period: Period) => sql`select * from order_dwell_samples where done_at >= ${period.start} and done_at < ${period.end}`;

// Group keys sort bytewise ("C"): locale-aware comparison of a year of keys costs more than the percentiles.
/** Mean, median and p90 of each stage overall and by ISO week, customer grade and rush. Each status:
 *  count and mean only — a year holds about as many stays as events, and exact percentiles over all of
 *  them cost seconds; their median and p90 are in the weekly and monthly trends. */
export async function exactDwellAggregates(db: Kysely<DB>, period: Period): Promise<DwellAggregateRow[]> {
  const { rows } = await withSortMemory(db, (tx) =>
    sql<DwellAggregateRow>`
    select x.key, x.week, x.grade, x.rush, grouping(x.week, x.grade, x.rush)::int as g, count(*)::int as n,
           avg(x.hours)::float8 as mean,
           percentile_cont(0.5) within group (order by x.hours)::float8 as median,
           percentile_cont(0.9) within group (order by x.hours)::float8 as p90
    from (
      select s.key collate "C" as key, s.hours, s.week collate "C" as week, c.grade::text collate "C" as grade, o.rush
      from (${inPeriod(period)}) s join orders o on o.order_no = s.order_no join customers c on c.code = o.customer_code
      where s.key not like 'status:%'
    ) x
    group by grouping sets ((x.key), (x.key, x.week), (x.key, x.grade), (x.key, x.rush))
    union all
    select x.key, null, null, null, 7, count(*)::int, avg(x.hours)::float8, null, null
    from (${inPeriod(period)}) x where x.key like 'status:%' group by x.key`.execute(tx),
  );
  return rows;
}

/** The same figures per ISO week or per month of the period, for trend charts. */
export async function exactDwellTrend(db: Kysely<DB>, period: Period, by: "week" | "month"): Promise<DwellTrendRow[]> {
  const { rows } = await withSortMemory(db, (tx) =>
    sql<DwellTrendRow>`
    with ${samplesCte(period)}
    select s.key, ${by === "week" ? sql`s.week` : plantMonth} as bucket, count(*)::int as n, avg(s.hours)::float8 as mean,
           percentile_cont(0.5) within group (order by s.hours)::float8 as median,
           percentile_cont(0.9) within group (order by s.hours)::float8 as p90
    from samples s group by 1, 2 order by 1, 2`.execute(tx),
  );
  return rows;
}

export interface DwellSampleRow {
  order_no: string;
  customer_code: string;
  grade: string;
  rush: boolean;
  started_at: Date;
  done_at: Date;
  hours: number;
  held_hours: number;
}

/** The orders behind one dwell figure, longest first. */
export async function dwellSamples(db: Kysely<DB>, period: Period, key: string, page: { limit: number; offset: number }) {
  const { rows } = await withSortMemory(db, (tx) =>
    sql<DwellSampleRow & { total: number }>`
    with ${samplesCte(period)}
    select s.order_no, o.customer_code, c.grade::text as grade, o.rush, s.started_at, s.done_at,
           s.hours::float8 as hours, (s.held_s / 3600.0)::float8 as held_hours, count(*) over ()::int as total
    from samples s join orders o on o.order_no = s.order_no join customers c on c.code = o.customer_code
    where s.key = ${key}
    order by s.hours desc, s.order_no
    limit ${page.limit} offset ${page.offset}`.execute(tx),
  );
  return rows;
}

export interface StuckRow {
  order_no: string;
  status: string;
  customer_code: string;
  grade: string;
  rush: boolean;
  since: Date;
}

/** Open orders that have waited longest in their current status, `limit` per status: since their last
 *  status event, as summarised in order_log_heads (read after a refresh). */
export async function stuckOrders(db: Kysely<DB>, limit: number, status?: string): Promise<StuckRow[]> {
  const { rows } = await sql<StuckRow>`
    select order_no, status, customer_code, grade, rush, since from (
      select *, row_number() over (partition by status order by since, order_no) as rank from (
        -- A look-up per open order (a few thousand), not a pass over every order's head.
        select o.order_no, o.status, o.customer_code, c.grade::text as grade, o.rush,
               (select h.last_at from order_log_heads h where h.order_no = o.order_no) as since
        from orders o join customers c on c.code = o.customer_code
        where o.status = any(${status ? [status] : DWELL_STATUSES}::text[])
      ) open where since is not null
    ) ranked where rank <= ${limit}
    order by status, since, order_no`.execute(db);
  return rows;
}
