// Outcome metrics: dwell samples by key and end time, carrying the hours, so the per-status figures read
// each key's samples of a period in key order from the index (no sort by key, often no heap access).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index order_dwell_samples_key_done on order_dwell_samples(key, done_at) include (hours, order_no)`.execute(db);
}
