// Plant settings (decision 0064): named values an admin or planner sets at run time, such as the
// promise buffers (days between the plan's finish and the promise; days parts are wanted before the
// job). A missing row means the default. Changes are logged in master_changes like other settings.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plant_settings (
      name text primary key,
      value jsonb not null,
      updated_by text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table plant_settings`.execute(db);
}
