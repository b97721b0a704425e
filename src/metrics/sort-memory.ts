// Metric queries sort a year of events at once; PostgreSQL's default work_mem (4 MB) sends those sorts
// to disk. Each heavy read runs in its own read-only transaction with room to sort in memory.
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

export const SORT_MEMORY = "128MB";

export async function withSortMemory<T>(db: Kysely<DB>, read: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local work_mem = ${sql.lit(SORT_MEMORY)}`.execute(tx);
    return read(tx);
  });
}
