// SQL for data autonomy: master-data changes by class of actor, per entity and per month.
// The classification mirrors model/autonomy.ts (classifyChange); tests hold the two together.
import { type Kysely, sql } from "kysely";
import { bucketLabel } from "../core/db/plant-buckets.js";
import type { DB } from "../core/db/schema.js";
import type { Period } from "./model/period.js";
import type { AutonomyRow } from "./model/store-rows.js";

export type { AutonomyRow };

const changeClass = sql`case
  when actor = 'system' or actor like 'token:%' or 'integration' = any(actor_roles) then 'automated'
  when 'admin' = any(actor_roles) then 'admin'
  else 'business' end`;

/** Counts overall, per entity, per month, per ISO week and per entity and month, from the per-day counts.
 *  g (grouping bits of entity, month, week): 7 overall, 3 by entity, 5 by month, 6 by week, 1 by entity and month. */
export async function autonomyAggregates(db: Kysely<DB>, period: Period): Promise<AutonomyRow[]> {
  const { rows } = await sql<AutonomyRow>`
    select entity, ${bucketLabel(sql`month`, "month")} as month, ${bucketLabel(sql`week`, "week")} as week, g, business, admin, automated from (
      select entity, month, week, grouping(entity, month, week)::int as g,
             coalesce(sum(n) filter (where class = 'business'), 0)::int as business,
             coalesce(sum(n) filter (where class = 'admin'), 0)::int as admin,
             coalesce(sum(n) filter (where class = 'automated'), 0)::int as automated
      from (
        select entity collate "C" as entity, date_trunc('month', day)::date as month, date_trunc('week', day)::date as week, class, n
        from autonomy_days where day >= ${period.from}::date and day <= ${period.to}::date
      ) x
      group by grouping sets ((), (entity), (month), (week), (entity, month))
    ) grouped
    order by g desc, entity nulls first, month nulls first, week nulls first`.execute(db);
  return rows;
}

/** Recomputes the per-day counts (autonomy_days) of whole plant days from master_changes. */
export async function recomputeAutonomyDays(db: Kysely<DB>, days: string[]): Promise<void> {
  if (!days.length) return;
  await sql`delete from autonomy_days where day = any(${days}::date[])`.execute(db);
  await sql`
    insert into autonomy_days (day, entity, class, n)
    select d.day, m.entity, ${changeClass}, count(*)::int
    from unnest(${days}::date[]) as d(day)
    join master_changes m on m.at >= (d.day::timestamp - interval '8 hours') at time zone 'UTC'
                         and m.at < ((d.day + 1)::timestamp - interval '8 hours') at time zone 'UTC'
    group by 1, 2, 3`.execute(db);
}

/** The changes behind the figure, latest first. */
export async function masterChanges(db: Kysely<DB>, period: Period, filter: { entity?: string; limit: number; offset: number }) {
  let query = db
    .selectFrom("master_changes")
    .select(["id", "entity", "entity_key", "actor", "actor_roles", "at", "change"])
    .select(sql<number>`count(*) over ()`.as("total"))
    .where("at", ">=", period.start)
    .where("at", "<", period.end);
  if (filter.entity) query = query.where("entity", "=", filter.entity);
  return query.orderBy("at", "desc").orderBy("id", "desc").limit(filter.limit).offset(filter.offset).execute();
}
