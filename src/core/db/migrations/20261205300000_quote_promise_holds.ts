// A sent quotation version can hold its promised date in the plan (decision 0076): the hold's id on the
// version, so losing or superseding the quote releases it and converting the version goes through it.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table quote_versions add column promise_hold_id bigint references promise_holds(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table quote_versions drop column promise_hold_id`.execute(db);
}
