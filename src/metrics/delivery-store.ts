// SQL for on-time delivery. Every source of delivered orders yields the same columns: the live orders
// and the legacy orders imported from the old ledgers (history_orders, read-only) are one `union all`
// branch each. A ledger has one due date (promised or requested, it does not say which): it judges the
// history's on-time figure, and the promised/requested figures stay the live orders' own.
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { Period } from "./model/period.js";
import { withSortMemory } from "./sort-memory.js";

const plantDate = (column: RawBuilder<unknown>) => sql`((${column} at time zone 'UTC') + interval '8 hours')::date`;

/** Delivered orders of the period: source, order_no, customer_code, delivered_day, promised_date,
 *  requested_date, due_date, families (product families of the order's lines). A history line's item is
 *  a SKU or a model name: the item with that SKU, else the one item with that name, gives its family;
 *  otherwise the family is unknown and the line counts in none. */
export function deliveriesCte(period: Period): RawBuilder<unknown> {
  return sql`
    delivered as (
      select o.order_no, o.customer_code, ${plantDate(sql`o.delivered_at`)} as delivered_day, o.promised_date, o.requested_date
      from orders o
      where o.delivered_at >= ${period.start} and o.delivered_at < ${period.end}
    ),
    history_delivered as (
      select h.order_no, h.customer_code, h.delivered_on as delivered_day, h.due_on
      from history_orders h
      where h.delivered_on >= ${period.from}::date and h.delivered_on <= ${period.to}::date
    ),
    history_families as (
      select d.order_no, array_agg(distinct i.family order by i.family) filter (where i.family <> '') as families
      from history_delivered d join history_order_lines l on l.order_no = d.order_no
      join lateral (
        select it.family from items it where it.sku = l.item
        union all
        select min(it.family) from items it
        where it.name = l.item and not exists (select 1 from items s where s.sku = l.item)
        having count(*) = 1
      ) i on true
      group by d.order_no
    ),
    live_families as (
      select d.order_no, array_agg(distinct i.family order by i.family) filter (where i.family <> '') as families
      from delivered d join order_lines l on l.order_no = d.order_no join items i on i.sku = l.sku
      group by d.order_no
    ),
    deliveries as (
      select 'live'::text as source, d.order_no, d.customer_code, d.delivered_day, d.promised_date, d.requested_date,
             coalesce(d.promised_date, d.requested_date) as due_date, coalesce(f.families, '{}') as families
      from delivered d left join live_families f on f.order_no = d.order_no
      union all
      select 'history'::text, d.order_no, d.customer_code, d.delivered_day, null::date, null::date, d.due_on, coalesce(f.families, '{}')
      from history_delivered d left join history_families f on f.order_no = d.order_no
    ),
    verdicts as (
      select d.*,
             d.delivered_day <= d.due_date as on_time,
             d.delivered_day <= d.promised_date as on_time_promised,
             d.delivered_day <= d.requested_date as on_time_requested,
             to_char(d.delivered_day, 'YYYY-MM') as month, to_char(d.delivered_day, 'IYYY-"W"IW') as week
      from deliveries d
    )`;
}

export interface DeliveryAggregateRow {
  dim: "all" | "customer" | "family" | "month" | "week" | "source";
  value: string | null;
  delivered: number;
  with_due: number;
  on_time: number;
  with_promised: number;
  on_time_promised: number;
  with_requested: number;
  on_time_requested: number;
}

const counts = sql`
  count(*)::int as delivered,
  count(*) filter (where due_date is not null)::int as with_due,
  count(*) filter (where on_time)::int as on_time,
  count(*) filter (where promised_date is not null)::int as with_promised,
  count(*) filter (where on_time_promised)::int as on_time_promised,
  count(*) filter (where requested_date is not null)::int as with_requested,
  count(*) filter (where on_time_requested)::int as on_time_requested`;

/** Counts overall, per customer, per product family, per month and per source. */
export async function deliveryAggregates(db: Kysely<DB>, period: Period): Promise<DeliveryAggregateRow[]> {
  const { rows } = await withSortMemory(db, (tx) =>
    sql<DeliveryAggregateRow>`
    with ${deliveriesCte(period)}
    select 'all' as dim, null::text as value, ${counts} from verdicts
    union all select 'customer', customer_code, ${counts} from verdicts group by customer_code
    union all select 'month', month, ${counts} from verdicts group by month
    union all select 'week', week, ${counts} from verdicts group by week
    union all select 'source', source, ${counts} from verdicts group by source
    union all select 'family', f.family, ${counts} from verdicts v cross join lateral unnest(v.families) as f(family) group by f.family
    order by 1, 2`.execute(tx),
  );
  return rows;
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
    select source, order_no, customer_code, delivered_day, promised_date, requested_date, due_date, families,
           on_time, on_time_promised, on_time_requested, count(*) over ()::int as total
    from verdicts
    where true
      ${filter.customer ? sql`and customer_code = ${filter.customer}` : sql``}
      ${filter.family ? sql`and ${filter.family} = any(families)` : sql``}
      ${filter.month ? sql`and month = ${filter.month}` : sql``}
      ${filter.late ? sql`and on_time is false` : sql``}
    order by delivered_day desc, order_no
    limit ${filter.limit} offset ${filter.offset}`.execute(tx),
  );
  return rows;
}
