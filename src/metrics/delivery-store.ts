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
 *  requested_date, due_date, families (product families of the order's lines; `families: false` leaves
 *  them empty, for the aggregates, which join `order_families` instead). `order_families` holds
 *  (source, order_no, family) once per family of an order. A history line's item is a SKU or a model
 *  name: the item with that SKU, else the one item with that name, gives its family; otherwise the
 *  family is unknown and the line counts in none. */
export function deliveriesCte(period: Period, options: { families: boolean } = { families: true }): RawBuilder<unknown> {
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
    order_families as (
      select distinct 'live'::text as source, d.order_no, i.family
      from delivered d join order_lines l on l.order_no = d.order_no join items i on i.sku = l.sku
      where i.family <> ''
      union
      select 'history'::text, d.order_no, i.family
      from history_delivered d join history_order_lines l on l.order_no = d.order_no
      join lateral (
        select it.family from items it where it.sku = l.item
        union all
        select min(it.family) from items it
        where it.name = l.item and not exists (select 1 from items s where s.sku = l.item)
        having count(*) = 1
      ) i on true
      where i.family <> ''
    ),
    deliveries as (
      select 'live'::text as source, d.order_no, d.customer_code, d.delivered_day, d.promised_date, d.requested_date,
             coalesce(d.promised_date, d.requested_date) as due_date
      from delivered d
      union all
      select 'history'::text, d.order_no, d.customer_code, d.delivered_day, null::date, null::date, d.due_on
      from history_delivered d
    ),
    verdicts as (
      select d.*, ${options.families ? sql`coalesce(f.families, '{}')` : sql`'{}'::text[]`} as families,
             d.delivered_day <= d.due_date as on_time,
             d.delivered_day <= d.promised_date as on_time_promised,
             d.delivered_day <= d.requested_date as on_time_requested,
             to_char(d.delivered_day, 'YYYY-MM') as month, to_char(d.delivered_day, 'IYYY-"W"IW') as week
      from deliveries d
      ${
        options.families
          ? sql`left join (select source, order_no, array_agg(family order by family) as families from order_families group by source, order_no) f
                  on f.source = d.source and f.order_no = d.order_no`
          : sql``
      }
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
    with ${deliveriesCte(period, { families: false })}
    select 'all' as dim, null::text as value, ${counts} from verdicts
    union all select 'customer', customer_code, ${counts} from verdicts group by customer_code
    union all select 'month', month, ${counts} from verdicts group by month
    union all select 'week', week, ${counts} from verdicts group by week
    union all select 'source', source, ${counts} from verdicts group by source
    union all select 'family', f.family, ${counts} from verdicts v join order_families f on f.source = v.source and f.order_no = v.order_no group by f.family
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
