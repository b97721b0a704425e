// Use case: bring the outcome summaries up to date with the event log before they are read. Orders
// whose events changed were queued by a trigger on order_events; each refresh re-derives exactly those
// orders from their whole log, so the summaries never drift from it, then recomputes the per-day
// rollups of every plant day those orders touched (before or after) and of the days other triggers
// queued. One refresh at a time (advisory lock); readers that do not refresh see the last committed
// summaries.
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { perOrderDisagreements } from "./agreement-store.js";
import { recomputeAutonomyDays } from "./autonomy-store.js";
import { recomputeDeliveryDays } from "./delivery-store.js";
import { recomputeDwellDays } from "./dwell-rollup-store.js";
import { derivedSamples } from "./dwell-store.js";
import { withSortMemory } from "./sort-memory.js";

const LARGE_REFRESH = 5000;

/** The plant days the orders' summaries sit on: dwell samples' days and the delivery day. */
async function daysOf(tx: Transaction<DB>, orderNos: string[]) {
  const { rows } = await sql<{ kind: "dwell" | "delivery" | "autonomy"; day: string }>`
    select distinct 'dwell' as kind, day::text as day from order_dwell_samples where order_no = any(${orderNos}::text[])
    union select 'delivery', delivered_day::text from order_log_heads where order_no = any(${orderNos}::text[]) and delivered_day is not null`.execute(tx);
  return rows;
}

export async function refreshOutcomeSummaries(db: Kysely<DB>): Promise<number> {
  return withSortMemory(db, async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('lvyue.outcome-summaries'))`.execute(tx);
    const queued = await tx.deleteFrom("metric_dirty_orders").returning("order_no").execute();
    const queuedDays = await sql<{
      kind: "dwell" | "delivery" | "autonomy";
      day: string;
    }>`delete from metric_dirty_days returning kind, day::text as day`.execute(tx);
    const orderNos = [...new Set(queued.map((q) => q.order_no))];
    if (!orderNos.length && !queuedDays.rows.length) return 0;
    const days = { dwell: new Set<string>(), delivery: new Set<string>(), autonomy: new Set<string>() };
    const touch = (rows: { kind: "dwell" | "delivery" | "autonomy"; day: string }[]) => {
      for (const r of rows) days[r.kind].add(r.day);
    };
    touch(queuedDays.rows);
    if (orderNos.length) {
      touch(await daysOf(tx, orderNos));
      // An array parameter: the first refresh of a loaded history can queue more orders than a statement takes parameters.
      const queuedOrder = sql<boolean>`order_no = any(${orderNos}::text[])`;
      await tx.deleteFrom("order_dwell_samples").where(queuedOrder).execute();
      await tx.deleteFrom("order_log_heads").where(queuedOrder).execute();
      await tx.deleteFrom("order_disagreements").where(queuedOrder).execute();
      await sql`insert into order_dwell_samples (order_no, key, started_at, done_at, week, day, held_s, hours) ${derivedSamples(orderNos)}`.execute(tx);
      await sql`
        insert into order_log_heads (order_no, last_status, last_at, chain_breaks, first_break, delivered_day)
        select c.order_no, (array_agg(to_status order by id desc))[1], (array_agg(at order by id desc))[1], count(*) filter (where broken)::int,
               (array_agg(detail order by id) filter (where broken))[1],
               min(((o.delivered_at at time zone 'UTC') + interval '8 hours')::date)
        from (
          select order_no, id, at, to_status,
                 kind = 'transition' and previous is not null and from_status is distinct from previous as broken,
                 'event ' || id || ': ' || coalesce(from_status, '∅') || '→' || to_status || ' after ' || coalesce(previous, '∅') as detail
          from (
            select order_no, id, at, kind, from_status, to_status, lag(to_status) over (partition by order_no order by id) as previous
            from order_events where to_status is not null and order_no = any(${orderNos}::text[])
          ) chain
        ) c join orders o on o.order_no = c.order_no
        group by c.order_no`.execute(tx);
      await sql`insert into order_disagreements (order_no, cause, status, detail) ${perOrderDisagreements(orderNos)}`.execute(tx);
      touch(await daysOf(tx, orderNos));
    }
    // After a large catch-up (a first start on a loaded history), the planner needs fresh statistics.
    if (orderNos.length > LARGE_REFRESH) await sql`analyze order_dwell_samples, order_log_heads, order_disagreements`.execute(tx);
    await recomputeDwellDays(tx, [...days.dwell]);
    await recomputeDeliveryDays(tx, [...days.delivery]);
    await recomputeAutonomyDays(tx, [...days.autonomy]);
    if (days.dwell.size + days.delivery.size > 100)
      await sql`analyze dwell_day_totals, dwell_day_buckets, dwell_week_totals, dwell_week_buckets, delivery_days, autonomy_days`.execute(tx);
    return orderNos.length;
  });
}
