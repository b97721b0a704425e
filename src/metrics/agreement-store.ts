// SQL for status agreement: every order's status must agree with its own event log (as summarised in
// order_log_heads by refresh-summaries.ts), its reservations, its delivery date and its shipments. Each
// check yields (order_no, cause, status, detail); a healthy database yields none.
import { type Kysely, type RawBuilder, sql } from "kysely";
import { type BucketSize, plantBucket } from "../core/db/plant-buckets.js";
import type { DB } from "../core/db/schema.js";
import type { Period } from "./model/period.js";
import type { AgreementBucketRow } from "./model/store-rows.js";
import { withSortMemory } from "./sort-memory.js";

export type { AgreementBucketRow };

export const DISAGREEMENT_CAUSES = [
  "no_events", // the order has no event that set its status
  "event_log", // the status differs from the last status its event log set
  "event_chain", // a transition's from_status is not the status the previous event set
  "reservations", // a cancelled or closed order still holds active, unexpired stock reservations
  "delivered_at_missing", // delivered or closed without a delivery time
  "delivered_at_unexpected", // a delivery time on an order that is not delivered or closed
  "hold_state", // on hold without the status to return to, or that status kept after the release
  "shipment_missing", // shipped or delivered, and no shipment recorded
  "shipment_unexpected", // a shipment has left (shipped_at passed) but the status is not yet shipped (or is cancelled)
] as const;
export type DisagreementCause = (typeof DISAGREEMENT_CAUSES)[number];

export interface DisagreementRow {
  order_no: string;
  cause: DisagreementCause;
  status: string;
  detail: string | null;
}

/** The per-order causes of some orders (their statuses against their log heads and own columns), as the
 *  refresh stores them in order_disagreements once those orders' heads are re-derived. */
export function perOrderDisagreements(orderNos: string[]): RawBuilder<unknown> {
  return sql`
    select o.order_no, c.cause, o.status, c.detail
    from orders o left join order_log_heads h on h.order_no = o.order_no
    cross join lateral (values
      ('no_events', h.order_no is null, null::text),
      ('event_log', h.last_status <> o.status, 'last event set ' || h.last_status),
      ('event_chain', h.chain_breaks > 0, h.chain_breaks || ' break(s), first ' || h.first_break),
      ('delivered_at_missing', o.status in ('delivered', 'closed') and o.delivered_at is null, null),
      ('delivered_at_unexpected', o.status not in ('delivered', 'closed') and o.delivered_at is not null, 'delivered_at ' || o.delivered_at::text),
      ('hold_state', (o.status = 'on_hold') <> (o.held_from is not null), 'held_from ' || coalesce(o.held_from, '∅'))
    ) as c(cause, broken, detail)
    where c.broken and o.order_no = any(${orderNos}::text[])`;
}

// The stored per-order causes, and the checks against other tables, each driven from its few candidates:
// active reservations, orders in the statuses concerned.
const NOT_YET_SHIPPED = sql`('draft', 'confirmed', 'scheduled', 'in_production', 'ready', 'on_hold', 'cancelled')`;
const found = sql`
    found as (
      select order_no, cause, status, detail from order_disagreements
      union all
      select o.order_no, 'reservations', o.status, count(*) || ' active reservation(s)'
      from reservations r join orders o on o.order_no = r.order_no
      where r.status = 'active' and (r.expires_at is null or r.expires_at > now()) and o.status in ('cancelled', 'closed')
      group by o.order_no, o.status
      union all
      select o.order_no, 'shipment_missing', o.status, null
      from orders o
      where o.status in ('shipped', 'delivered') and not exists (select 1 from shipments s where s.order_no = o.order_no)
      union all
      select o.order_no, 'shipment_unexpected', o.status,
             count(*) || ' shipment(s), first ' || (array_agg(s.carrier || ' ' || s.tracking_no || ' left ' || s.shipped_at::text order by s.shipped_at))[1]
      from orders o join shipments s on s.order_no = o.order_no
      where o.status in ${NOT_YET_SHIPPED} and s.shipped_at <= now()
      group by o.order_no, o.status
    )`;

/** Every disagreement with its cause, by order; `created`: only of the orders created in that period. */
export async function disagreements(
  db: Kysely<DB>,
  filter: { cause?: DisagreementCause; created?: Period; limit: number; offset: number },
): Promise<DisagreementRow[]> {
  const { created } = filter;
  const { rows } = await withSortMemory(db, (tx) =>
    sql<DisagreementRow>`
    with ${found}
    select * from found
    where true
    ${filter.cause ? sql`and cause = ${filter.cause}` : sql``}
    ${created ? sql`and order_no in (select order_no from orders where created_at >= ${created.start} and created_at < ${created.end})` : sql``}
    order by order_no, cause
    limit ${filter.limit} offset ${filter.offset}`.execute(tx),
  );
  return rows;
}

/** How many disagreements of each cause, and the first `examples` of them, in one pass. */
export async function disagreementSummary(db: Kysely<DB>, examples: number) {
  const { rows } = await withSortMemory(db, (tx) =>
    sql<DisagreementRow & { n: number; rc: number; r: number }>`
    with ${found}
    select * from (
      select f.*, count(*) over (partition by cause)::int as n,
             row_number() over (partition by cause order by order_no) as rc, row_number() over (order by order_no, cause) as r
      from found f
    ) x where r <= ${examples} or rc = 1
    order by r`.execute(tx),
  );
  const counts = Object.fromEntries(DISAGREEMENT_CAUSES.map((c) => [c, 0])) as Record<DisagreementCause, number>;
  for (const r of rows) if (Number(r.rc) === 1) counts[r.cause] = r.n;
  return {
    counts,
    examples: rows.filter((r) => Number(r.r) <= examples).map(({ order_no, cause, status, detail }) => ({ order_no, cause, status, detail })),
  };
}

/** The orders created in each plant week or month of the period, and how many of them disagree now: the
 *  check is of the current state, so a trend can only say which cohort of orders the disagreements sit in. */
export async function agreementByCreation(db: Kysely<DB>, period: Period, by: BucketSize): Promise<AgreementBucketRow[]> {
  const { rows } = await withSortMemory(db, (tx) =>
    sql<AgreementBucketRow>`
    with ${found}
    select ${plantBucket(sql`o.created_at`, by)} as bucket, count(*)::int as orders, count(d.order_no)::int as disagreeing
    from orders o left join (select distinct order_no from found) d on d.order_no = o.order_no
    where o.created_at >= ${period.start} and o.created_at < ${period.end}
    group by 1
    order by 1`.execute(tx),
  );
  return rows;
}
