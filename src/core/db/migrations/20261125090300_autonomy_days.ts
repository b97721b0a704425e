// Outcome metrics: master-data changes counted per plant day, entity and class of actor, so data autonomy
// over a year reads a few rows per day (decision 0032). Kept by the read-time refresh for the days the
// triggers below queue.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table metric_dirty_days drop constraint metric_dirty_days_kind_check;
    alter table metric_dirty_days add constraint metric_dirty_days_kind_check check (kind in ('dwell', 'delivery', 'autonomy'));
    create table autonomy_days (
      day date not null, entity text not null, class text not null check (class in ('business', 'admin', 'automated')),
      n int not null,
      primary key (day, entity, class)
    );
    create function queue_master_change_days() returns trigger language plpgsql as $$
    begin
      insert into metric_dirty_days (kind, day)
      select distinct 'autonomy', ((at at time zone 'UTC') + interval '8 hours')::date from changed_rows;
      return null;
    end $$;
    insert into metric_dirty_days (kind, day)
    select distinct 'autonomy', ((at at time zone 'UTC') + interval '8 hours')::date from master_changes;
  `.execute(db);
  // Every way a change can come or go queues its day: inserts, both sides of an update, deletes.
  const triggers = [
    ["insert", "insert", "new"],
    ["update_new", "update", "new"],
    ["update_old", "update", "old"],
    ["delete", "delete", "old"],
  ];
  for (const [name, event, side] of triggers) {
    await sql
      .raw(`create trigger master_changes_${name}_queue_metrics after ${event} on master_changes
            referencing ${side} table as changed_rows for each statement execute function queue_master_change_days()`)
      .execute(db);
  }
}
