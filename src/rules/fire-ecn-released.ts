// Use case: an engineering change was released: run the ecn.released rules on each order it touched
// (changedFields: the ECN's number and each decision taken on the order), in the release's transaction.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { activeRules } from "./active-rules.js";
import { runRulesOnOrder } from "./run-rules-on-order.js";

export async function fireEcnReleased(tx: Transaction<DB>, cacheKey: Kysely<DB>, ecnNo: string, orders: Map<string, string[]>, at = new Date()) {
  if (!orders.size) return 0;
  const { rules } = await activeRules(tx, cacheKey);
  if (!rules.some((r) => r.definition.trigger.event === "ecn.released")) return 0;
  for (const [orderNo, decisions] of orders) {
    await runRulesOnOrder(tx, cacheKey, orderNo, { trigger: "ecn.released", changedFields: [ecnNo, ...new Set(decisions)] }, { at });
  }
  return orders.size;
}
