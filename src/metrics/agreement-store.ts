// SQL for status agreement: every order's status must agree with its own event log (as summarised in
// order_log_heads by refresh-summaries.ts), its reservations and its delivery date. Each check yields (order_no, cause, status, detail); a healthy database yields
// none. Stock movements and shipments get their checks when those tables exist.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { withSortMemory } from "./sort-memory.js";

export const DISAGREEMENT_CAUSES = [
  "no_events", // the order has no event that set its status
  "event_log", // the status differs from the last status its event log set
  "event_chain", // a transition's from_status is not the status the previous event set
  "reservations", // a cancelled or closed order still holds active, unexpired stock reservations
  "delivered_at_missing", // delivered or closed without a delivery time
  "delivered_at_unexpected", // a delivery time on an order that is not delivered or closed
  "hold_state", // on hold without the status to return to, or that status kept after the release
] as const;
export type DisagreementCause = (typeof DISAGREEMENT_CAUSES)[number];

export interface DisagreementRow {
  order_no: string;
  cause: DisagreementCause;
  status: string;
  detail: string | null;
}

const found = sql`
    found as (
      select o.order_no, 'no_events' as cause, o.status, null::text as detail
      from orders o left join order_log_heads h on h.order_no = o.order_no where h.order_no is null
      union all
      select o.order_no, 'event_log', o.status, 'last event set ' || h.last_status
      from orders o join order_log_heads h on h.order_no = o.order_no where h.last_status <> o.status
      union all
      select o.order_no, 'event_chain', o.status, h.chain_breaks || ' break(s), first ' || h.first_break
      from orders o join order_log_heads h on h.order_no = o.order_no where h.chain_breaks > 0
      union all
      select o.order_no, 'reservations', o.status, count(*) || ' active reservation(s)'
      from orders o join reservations r on r.order_no = o.order_no
      where o.status in ('cancelled', 'closed') and r.status = 'active' and (r.expires_at is null or r.expires_at > now())
      group by o.order_no, o.status
      union all
      select order_no, 'delivered_at_missing', status, null from orders
      where status in ('delivered', 'closed') and delivered_at is null
      union all
      select order_no, 'delivered_at_unexpected', status, 'delivered_at ' || delivered_at::text from orders
      where status not in ('delivered', 'closed') and delivered_at is not null
      union all
      select order_no, 'hold_state', status, 'held_from ' || coalesce(held_from, '∅') from orders
      where (status = 'on_hold') <> (held_from is not null)
    )`;

/** Every disagreement with its cause, by order. */
export async function disagreements(db: Kysely<DB>, filter: { cause?: DisagreementCause; limit: number; offset: number }): Promise<DisagreementRow[]> {
  const { rows } = await withSortMemory(db, (tx) =>
    sql<DisagreementRow>`
    with ${found}
    select * from found
    ${filter.cause ? sql`where cause = ${filter.cause}` : sql``}
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
