// SQL for on-time delivery. Every source of delivered orders yields the same columns: the live orders
// and the legacy orders imported from the old ledgers (history_orders, read-only) are one `union all`
// branch each in `deliveries` and in `families`. A ledger has one due date (promised or requested, it
// does not say which): it judges the history's on-time figure; the promised/requested figures stay the
// live orders' own.
import { type Kysely, type RawBuilder, sql } from "kysely";
import { bucketLabel, plantDate } from "../core/db/plant-buckets.js";
import type { DB } from "../core/db/schema.js";
import type { Period } from "./model/period.js";
import type { DeliveryAggregateRow } from "./model/store-rows.js";
import { withSortMemory } from "./sort-memory.js";

export type { DeliveryAggregateRow };

/** Delivered orders of the period (`verdicts`: source, order_no, customer_code, delivered_day, promised_date,
 *  requested_date, due_date, the three on-time verdicts, month_start, week_start) and the product families of their
 *  lines (`families`: source, order_no, family). A history line's item is a SKU or a model name: the item with
 *  that SKU, else the one item with that name, gives its family; otherwise the line counts in no family. */
export function deliveriesCte(period: Period): RawBuilder<unknown> {
  return deliveriesOf(
    sql`(select * from orders where delivered_at >= ${period.start} and delivered_at < ${period.end})`,
    sql`(select * from history_orders where delivered_on >= ${period.from}::date and delivered_on <= ${period.to}::date)`,
  );
}

/** The same over whole plant days (the rollup's recompute): orders found by delivery time, day by day. */
export function deliveriesOnDays(days: string[]): RawBuilder<unknown> {
  return deliveriesOf(
    sql`(select o.* from unnest(${days}::date[]) as d(day)
         join orders o on o.delivered_at >= (d.day::timestamp - interval '8 hours') at time zone 'UTC'
                      and o.delivered_at < ((d.day + 1)::timestamp - interval '8 hours') at time zone 'UTC')`,
    sql`(select * from history_orders where delivered_on = any(${days}::date[]))`,
  );
}

function deliveriesOf(liveOrders: RawBuilder<unknown>, historyOrders: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    deliveries as (
      select 'live'::text as source, o.order_no, o.customer_code, ${plantDate(sql`o.delivered_at`)} as delivered_day,
             -- Judged against the first commit (SCOR RL.2.2), not a date re-confirmed after a break.
             coalesce(o.first_promised_date, o.promised_date) as promised_date, o.requested_date,
             coalesce(o.first_promised_date, o.promised_date, o.requested_date) as due_date
      from ${liveOrders} o
      union all
      select 'history'::text, h.order_no, h.customer_code, h.delivered_on, null::date, null::date, h.due_on
      from ${historyOrders} h
    ),
    families as (
      select 'live'::text as source, l.order_no, i.family
      from deliveries d join order_lines l on l.order_no = d.order_no join items i on i.sku = l.sku
      where d.source = 'live' and i.family <> ''
      group by l.order_no, i.family
      union all
      select 'history'::text, l.order_no, i.family
      from deliveries d join history_order_lines l on l.order_no = d.order_no
      join lateral (
        select it.family from items it where it.sku = l.item
        union all
        select min(it.family) from items it
        where it.name = l.item and not exists (select 1 from items s where s.sku = l.item)
        having count(*) = 1
      ) i on true
      where d.source = 'history' and i.family <> ''
      group by l.order_no, i.family
    ),
    verdicts as (
      select d.*,
             d.delivered_day <= d.due_date as on_time,
             d.delivered_day <= d.promised_date as on_time_promised,
             d.delivered_day <= d.requested_date as on_time_requested,
             date_trunc('month', d.delivered_day)::date as month_start, date_trunc('week', d.delivered_day)::date as week_start
      from deliveries d
    )`;
}

/** The on-time counts, as delivery_days holds them per day. */

const counts = sql`
  count(*)::int as delivered,
  count(*) filter (where due_date is not null)::int as with_due,
  count(*) filter (where on_time)::int as on_time,
  count(*) filter (where promised_date is not null)::int as with_promised,
  count(*) filter (where on_time_promised)::int as on_time_promised,
  count(*) filter (where requested_date is not null)::int as with_requested,
  count(*) filter (where on_time_requested)::int as on_time_requested`;

const sums = sql`
  sum(delivered)::int as delivered, sum(with_due)::int as with_due, sum(on_time)::int as on_time,
  sum(with_promised)::int as with_promised, sum(on_time_promised)::int as on_time_promised,
  sum(with_requested)::int as with_requested, sum(on_time_requested)::int as on_time_requested`;

/** Counts overall, per customer, per month, per ISO week, per source and per product family, from the
 *  per-day rollup (delivery_days, kept by refresh-summaries.ts). */
export async function deliveryAggregates(db: Kysely<DB>, period: Period): Promise<DeliveryAggregateRow[]> {
  // grouping(customer_code, month, week, source) bits: a 1 marks a column not grouped by.
  const days = sql`day >= ${period.from}::date and day <= ${period.to}::date`;
  const { rows } = await sql<DeliveryAggregateRow>`
    select case grouping(customer_code, month_start, week_start, source) when 15 then 'all' when 7 then 'customer' when 11 then 'month' when 13 then 'week' else 'source' end as dim,
           coalesce(customer_code, ${bucketLabel(sql`month_start`, "month")}, ${bucketLabel(sql`week_start`, "week")}, source) as value, ${sums}
    from (
      select customer_code collate "C" as customer_code, date_trunc('month', day)::date as month_start,
             date_trunc('week', day)::date as week_start, source collate "C" as source, delivered, with_due, on_time,
             with_promised, on_time_promised, with_requested, on_time_requested
      from delivery_days where family = '' and ${days}
    ) d
    group by grouping sets ((), (customer_code), (month_start), (week_start), (source))
    union all
    select 'family', family, ${sums} from delivery_days where family <> '' and ${days} group by family
    order by 1, 2`.execute(db);
  return rows;
}

/** Recomputes the delivery rollup of whole plant days from the orders and the imported history. */
export async function recomputeDeliveryDays(db: Kysely<DB>, days: string[]): Promise<void> {
  if (!days.length) return;
  await sql`delete from delivery_days where day = any(${days}::date[])`.execute(db);
  await sql`
    insert into delivery_days (source, day, customer_code, family, delivered, with_due, on_time, with_promised, on_time_promised, with_requested, on_time_requested)
    with ${deliveriesOnDays(days)}
    select source, delivered_day, customer_code, '', ${counts} from verdicts group by source, delivered_day, customer_code
    union all
    select v.source, v.delivered_day, v.customer_code, f.family, ${counts}
    from verdicts v join families f on f.order_no = v.order_no and f.source = v.source
    group by v.source, v.delivered_day, v.customer_code, f.family`.execute(db);
}

export interface DeliveryRow {
  source: string;
  order_no: string;
  customer_code: string;
  delivered_day: string;
  promised_date: string | null;
  requested_date: string | null;
  due_date: string | null;
  families: string[];
  on_time: boolean | null;
  on_time_promised: boolean | null;
  on_time_requested: boolean | null;
}

/** The deliveries behind an on-time figure, latest first; `late` keeps only the late ones. */
export async function deliveryRows(
  db: Kysely<DB>,
  period: Period,
  filter: { customer?: string; family?: string; month?: string; late?: boolean; limit: number; offset: number },
) {
  const { rows } = await withSortMemory(db, (tx) =>
    sql<DeliveryRow & { total: number }>`
    with ${deliveriesCte(period)}
    select source, order_no, customer_code, delivered_day, promised_date, requested_date, due_date,
           array(select f.family from families f where f.source = v.source and f.order_no = v.order_no order by f.family) as families,
           on_time, on_time_promised, on_time_requested, count(*) over ()::int as total
    from verdicts v
    where true
      ${filter.customer ? sql`and customer_code = ${filter.customer}` : sql``}
      ${filter.family ? sql`and exists (select 1 from families f where f.source = v.source and f.order_no = v.order_no and f.family = ${filter.family})` : sql``}
      ${filter.month ? sql`and ${bucketLabel(sql`month_start`, "month")} = ${filter.month}` : sql``}
      ${filter.late ? sql`and on_time is false` : sql``}
    order by delivered_day desc, order_no
    limit ${filter.limit} offset ${filter.offset}`.execute(tx),
  );
  return rows;
}

/**
 * On time against the date last re-confirmed to the customer (the order's current promise), beside the
 * first-commit figure: live orders delivered in the period that had a promise. Read from the orders
 * (delivered_at is indexed), not from the rollup.
 */
export async function reconfirmedOnTime(db: Kysely<DB>, period: Period) {
  const { rows } = await sql<{ count: number; on_time: number }>`
    select count(*)::int as count, count(*) filter (where ${plantDate(sql`delivered_at`)} <= promised_date)::int as on_time
    from orders
    where delivered_at >= ${period.start} and delivered_at < ${period.end} and promised_date is not null`.execute(db);
  const r = rows[0] ?? { count: 0, on_time: 0 };
  return { count: r.count, onTime: r.on_time };
}
