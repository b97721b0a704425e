// Announces a change from inside the transaction that makes it: PostgreSQL (and PGlite) deliver a NOTIFY
// only when that transaction commits, so listeners never hear of a change that was rolled back.
import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { CHANGE_CHANNEL, type Change } from "./model/change.js";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export async function publishChange(tx: Transaction<DB> | Kysely<DB>, change: DistributiveOmit<Change, "at">): Promise<void> {
  await sql`select ${changeNotice(change)}`.execute(tx);
}

/** The NOTIFY as an expression, to send within another statement of the change (one round trip less). */
export function changeNotice(change: DistributiveOmit<Change, "at">): RawBuilder<unknown> {
  const payload = JSON.stringify({ ...change, at: new Date().toISOString() });
  return sql`pg_notify(${CHANGE_CHANNEL}, ${payload})`;
}
