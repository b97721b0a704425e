// Use case: bring the outcome summaries up to date with the event log before they are read. Orders
// whose events changed were queued by a trigger on order_events; each refresh re-derives exactly those
// orders from their whole log, so the summaries never drift from it. One refresh at a time (advisory
// lock); readers that do not refresh see the last committed summaries.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { derivedSamples } from "./dwell-store.js";
import { withSortMemory } from "./sort-memory.js";

const LARGE_REFRESH = 5000;

export async function refreshOutcomeSummaries(db: Kysely<DB>): Promise<number> {
  return withSortMemory(db, async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('lvyue.outcome-summaries'))`.execute(tx);
    const queued = await tx.deleteFrom("metric_dirty_orders").returning("order_no").execute();
    const orderNos = [...new Set(queued.map((q) => q.order_no))];
    if (!orderNos.length) return 0;
    // An array parameter: the first refresh of a loaded history can queue more orders than a statement takes parameters.
    const queuedOrder = sql<boolean>`order_no = any(${orderNos}::text[])`;
    await tx.deleteFrom("order_dwell_samples").where(queuedOrder).execute();
    await tx.deleteFrom("order_log_heads").where(queuedOrder).execute();
    await sql`insert into order_dwell_samples (order_no, key, started_at, done_at, week, held_s, hours) ${derivedSamples(orderNos)}`.execute(tx);
    await sql`
      insert into order_log_heads (order_no, last_status, chain_breaks, first_break)
      select order_no, (array_agg(to_status order by id desc))[1], count(*) filter (where broken)::int,
             (array_agg(detail order by id) filter (where broken))[1]
      from (
        select order_no, id, to_status,
               kind = 'transition' and previous is not null and from_status is distinct from previous as broken,
               'event ' || id || ': ' || coalesce(from_status, '∅') || '→' || to_status || ' after ' || coalesce(previous, '∅') as detail
        from (
          select order_no, id, kind, from_status, to_status, lag(to_status) over (partition by order_no order by id) as previous
          from order_events where to_status is not null and order_no = any(${orderNos}::text[])
        ) chain
      ) c
      group by order_no`.execute(tx);
    // After a large catch-up (a first start on a loaded history), the planner needs fresh statistics.
    if (orderNos.length > LARGE_REFRESH) await sql`analyze order_dwell_samples, order_log_heads`.execute(tx);
    return orderNos.length;
  });
}
