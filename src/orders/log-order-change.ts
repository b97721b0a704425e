// Use case: record something that happened to an order outside its own columns (a shipment booked, a
// credit answer): its event, the order.changed rules listening to that field, and its live update.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { applyOrderChange, lockOrder } from "./apply-order-change.js";
import type { OrderRow } from "./store.js";

export interface OrderFact {
  actor: string;
  /** The field the rules see as changed (a rule may listen to it alone). */
  field: string;
  data: Record<string, unknown>;
  reason?: string | null;
}

/** `row`: the order when the caller has locked it already (else it is locked here). */
export async function logOrderChange(tx: Transaction<DB>, cacheKey: Kysely<DB>, orderNo: string, fact: OrderFact, row?: OrderRow): Promise<OrderRow> {
  const locked = row ?? (await lockOrder(tx, orderNo));
  return applyOrderChange(tx, cacheKey, locked, {
    actor: fact.actor,
    columns: {},
    events: [{ kind: "changed", reason: fact.reason ?? null, data: { [fact.field]: fact.data } }],
    trigger: { trigger: "order.changed", changedFields: [fact.field] },
  });
}
