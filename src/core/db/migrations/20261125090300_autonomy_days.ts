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
    create trigger master_changes_insert_queue_metrics after insert on master_changes
      referencing new table as changed_rows for each statement execute function queue_master_change_days();
    create trigger master_changes_update_queue_metrics after update on master_changes
      referencing new table as changed_rows for each statement execute function queue_master_change_days();
    create trigger master_changes_update_old_queue_metrics after update on master_changes
      referencing old table as changed_rows for each statement execute function queue_master_change_days();
    create trigger master_changes_delete_queue_metrics after delete on master_changes
      referencing old table as changed_rows for each statement execute function queue_master_change_days();
    insert into metric_dirty_days (kind, day)
    select distinct 'autonomy', ((at at time zone 'UTC') + interval '8 hours')::date from master_changes;
  `.execute(db);
}
