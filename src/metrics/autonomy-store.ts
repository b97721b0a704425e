// SQL for data autonomy: master-data changes by class of actor, per entity and per month.
// The classification mirrors model/autonomy.ts (classifyChange); tests hold the two together.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { Period } from "./model/period.js";

const changeClass = sql`case
  when actor = 'system' or actor like 'token:%' or 'integration' = any(actor_roles) then 'automated'
  when 'admin' = any(actor_roles) then 'admin'
  else 'business' end`;

export interface AutonomyRow {
  entity: string | null;
  month: string | null;
  week: string | null;
  g: number;
  business: number;
  admin: number;
  automated: number;
}

/** Counts overall, per entity, per month, per ISO week and per entity and month.
 *  g (grouping bits of entity, month, week): 7 overall, 3 by entity, 5 by month, 6 by week, 1 by entity and month. */
export async function autonomyAggregates(db: Kysely<DB>, period: Period): Promise<AutonomyRow[]> {
  const { rows } = await sql<AutonomyRow>`
    select entity, month, week, grouping(entity, month, week)::int as g,
           count(*) filter (where class = 'business')::int as business,
           count(*) filter (where class = 'admin')::int as admin,
           count(*) filter (where class = 'automated')::int as automated
    from (
      select entity, to_char((at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month,
             to_char((at at time zone 'UTC') + interval '8 hours', 'IYYY-"W"IW') as week, ${changeClass} as class
      from master_changes where at >= ${period.start} and at < ${period.end}
    ) x
    group by grouping sets ((), (entity), (month), (week), (entity, month))
    order by g desc, entity nulls first, month nulls first, week nulls first`.execute(db);
  return rows;
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
