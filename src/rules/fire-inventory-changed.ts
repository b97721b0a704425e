// Use case: after the stock of some items changed (a WMS sync, a receipt, a correction), run the
// inventory.changed rules on the open orders that need those items, in the same transaction.
import type { Kysely, Transaction } from "kysely";
import { now } from "../core/clock.js";
import type { DB } from "../core/db/schema.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { activeRules } from "./active-rules.js";
import { runRulesOnOrder } from "./run-rules-on-order.js";

/** At most this many orders are re-evaluated per change, the most urgent first. */
const MAX_ORDERS = 500;

export async function fireInventoryChanged(tx: Transaction<DB>, cacheKey: Kysely<DB>, skus: string[], at = now()): Promise<number> {
  if (!skus.length) return 0;
  const { rules } = await activeRules(tx, cacheKey);
  if (!rules.some((r) => r.definition.trigger.event === "inventory.changed")) return 0;
  const orders = await tx
    .selectFrom("orders")
    .innerJoin("order_lines", "order_lines.order_no", "orders.order_no")
    .select(["orders.order_no", "orders.requested_date"])
    .select((eb) => eb.fn<string[]>("array_agg", [eb.ref("order_lines.sku")]).as("skus"))
    .where("orders.status", "in", OPEN_STATUSES)
    .where("order_lines.sku", "in", skus)
    .groupBy(["orders.order_no", "orders.requested_date"])
    .orderBy("orders.requested_date", (ob) => ob.asc().nullsLast())
    .orderBy("orders.order_no")
    .limit(MAX_ORDERS)
    .execute();
  for (const order of orders) {
    await runRulesOnOrder(tx, cacheKey, order.order_no, { trigger: "inventory.changed", changedFields: [...new Set(order.skus)] }, { at });
  }
  return orders.length;
}
