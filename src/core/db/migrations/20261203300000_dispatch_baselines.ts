// Dispatch lists as they stood when a shift started (decision 0061): one row per work centre and shift,
// taken by the background re-planner's tick (or the first read of the shift), so a list can mark what
// was added, resequenced or moved since.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dispatch_baselines (
      work_centre text not null references work_centres(code),
      shift_start timestamptz not null,
      taken_at timestamptz not null default now(),
      operations jsonb not null,
      primary key (work_centre, shift_start)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table dispatch_baselines`.execute(db);
}
