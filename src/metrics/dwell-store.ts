// SQL for stage and status dwell times, computed from the append-only order_events log.
// A stay starts at an event that sets a status (created / transition) and ends at the next such event
// of the same order ("changed" events set no status and are ignored). Samples are counted in the
// period in which they end; see decision 0020.
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { Period } from "./model/period.js";
import { STAGES } from "./model/stages.js";

const stageDefs = sql.join(STAGES.map((s) => sql`(${s.key}::text, ${s.from}::text, ${s.to}::text)`));

/** CTEs ending in `samples(key, order_no, started_at, done_at, held_s)`: one row per stage per order
 *  (key = stage) and one per completed stay (key = 'status:<status>'), for samples ending in the period. */
function samplesCte(period: Period): RawBuilder<unknown> {
  return sql`
    active as (
      select distinct order_no from order_events
      where to_status is not null and at >= ${period.start} and at < ${period.end}
    ),
    stays as (
      select e.order_no, e.to_status as status, e.at as entered_at,
             lead(e.at) over w as left_at, row_number() over w as seq
      from order_events e join active a on a.order_no = e.order_no
      where e.to_status is not null
      window w as (partition by e.order_no order by e.at, e.id)
    ),
    defs(stage, from_status, to_status) as (values ${stageDefs}),
    starts as (
      select d.stage, s.order_no, min(s.seq) as s_seq
      from defs d join stays s on s.status = d.from_status or (d.from_status is null and s.seq = 1)
      group by d.stage, s.order_no
    ),
    ends as (
      select st.stage, st.order_no, st.s_seq, min(s.seq) as e_seq
      from starts st join defs d on d.stage = st.stage
      join stays s on s.order_no = st.order_no and s.seq > st.s_seq and s.status = d.to_status
      group by st.stage, st.order_no, st.s_seq
    ),
    all_samples as (
      select en.stage as key, en.order_no,
             min(s.entered_at) filter (where s.seq = en.s_seq) as started_at,
             min(s.entered_at) filter (where s.seq = en.e_seq) as done_at,
             coalesce(sum(extract(epoch from s.left_at - s.entered_at)) filter (where s.status = 'on_hold' and s.seq < en.e_seq), 0) as held_s
      from ends en join stays s on s.order_no = en.order_no and s.seq between en.s_seq and en.e_seq
      group by en.stage, en.order_no
      union all
      select 'status:' || status, order_no, entered_at, left_at, 0 from stays where left_at is not null
    ),
    samples as (
      select x.*, (extract(epoch from x.done_at - x.started_at) - x.held_s) / 3600.0 as hours
      from all_samples x where x.done_at >= ${period.start} and x.done_at < ${period.end}
    )`;
}

const plantWeek = sql`to_char((s.done_at at time zone 'UTC') + interval '8 hours', 'IYYY-"W"IW')`;
const plantMonth = sql`to_char((s.done_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

export interface DwellAggregateRow {
  key: string;
  week: string | null;
  grade: string | null;
  rush: boolean | null;
  /** Which breakdown: 7 overall, 3 by week, 5 by grade, 6 by rush (PostgreSQL grouping() bits). */
  g: number;
  n: number;
  mean: number;
  median: number;
  p90: number;
}

/** Mean, median and p90 of every dwell key, overall and by ISO week, customer grade and rush. */
export async function dwellAggregates(db: Kysely<DB>, period: Period): Promise<DwellAggregateRow[]> {
  const { rows } = await sql<DwellAggregateRow>`
    with ${samplesCte(period)}
    select x.key, x.week, x.grade, x.rush, grouping(x.week, x.grade, x.rush)::int as g, count(*)::int as n,
           avg(x.hours)::float8 as mean,
           percentile_cont(0.5) within group (order by x.hours)::float8 as median,
           percentile_cont(0.9) within group (order by x.hours)::float8 as p90
    from (
      select s.key, s.hours, ${plantWeek} as week, c.grade::text as grade, o.rush
      from samples s join orders o on o.order_no = s.order_no join customers c on c.code = o.customer_code
    ) x
    group by grouping sets ((x.key), (x.key, x.week), (x.key, x.grade), (x.key, x.rush))`.execute(db);
  return rows;
}

export interface DwellTrendRow {
  key: string;
  bucket: string;
  n: number;
  mean: number;
  median: number;
  p90: number;
}

/** The same figures per ISO week or per month of the period, for trend charts. */
export async function dwellTrend(db: Kysely<DB>, period: Period, by: "week" | "month"): Promise<DwellTrendRow[]> {
  const { rows } = await sql<DwellTrendRow>`
    with ${samplesCte(period)}
    select s.key, ${by === "week" ? plantWeek : plantMonth} as bucket, count(*)::int as n, avg(s.hours)::float8 as mean,
           percentile_cont(0.5) within group (order by s.hours)::float8 as median,
           percentile_cont(0.9) within group (order by s.hours)::float8 as p90
    from samples s group by 1, 2 order by 1, 2`.execute(db);
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
  const { rows } = await sql<DwellSampleRow & { total: number }>`
    with ${samplesCte(period)}
    select s.order_no, o.customer_code, c.grade::text as grade, o.rush, s.started_at, s.done_at,
           s.hours::float8 as hours, (s.held_s / 3600.0)::float8 as held_hours, count(*) over ()::int as total
    from samples s join orders o on o.order_no = s.order_no join customers c on c.code = o.customer_code
    where s.key = ${key}
    order by s.hours desc, s.order_no
    limit ${page.limit} offset ${page.offset}`.execute(db);
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

/** Open orders that have waited longest in their current status, `limit` per status. */
export async function stuckOrders(db: Kysely<DB>, limit: number, status?: string): Promise<StuckRow[]> {
  const { rows } = await sql<StuckRow>`
    select order_no, status, customer_code, grade, rush, since from (
      select o.order_no, o.status, o.customer_code, c.grade::text as grade, o.rush, e.at as since,
             row_number() over (partition by o.status order by e.at, o.order_no) as rank
      from orders o join customers c on c.code = o.customer_code
      cross join lateral (
        select ev.at from order_events ev where ev.order_no = o.order_no and ev.to_status is not null order by ev.id desc limit 1
      ) e
      where o.status not in ('closed', 'cancelled') ${status ? sql`and o.status = ${status}` : sql``}
    ) ranked where rank <= ${limit}
    order by status, since, order_no`.execute(db);
  return rows;
}
