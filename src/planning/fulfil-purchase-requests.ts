// Use case: purchasing ordered what a promise asked for. Each request is decided once: it points at the
// purchase line's in-transit supply from now on, which the plan counts instead of the request.
import { sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";

/** Returns the ids it fulfilled (a request already decided is left alone). */
export async function fulfilPurchaseRequests(tx: Transaction<DB>, fulfilled: { id: number; supplyLineId: number }[], actor: string): Promise<number[]> {
  const done: number[] = [];
  for (const f of [...fulfilled].sort((a, b) => a.id - b.id)) {
    const row = await tx
      .updateTable("purchase_requests")
      .set({ status: "confirmed", decided_by: actor, decided_at: sql`now()`, supply_line_id: f.supplyLineId })
      .where("id", "=", f.id)
      .where("status", "=", "requested")
      .returning("id")
      .executeTakeFirst();
    if (row) done.push(row.id);
  }
  return done;
}
