// When a customer's exposure falls (a payment, an override, a red invoice), the orders a credit limit
// holds are released oldest first while they fit under the limit, each through the orders capability's
// release step (event on the order, live change), inside the caller's transaction.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { fromFen } from "../core/money.js";
import { listCreditHeldOrders } from "../orders/list-shipped-lines.js";
import { releaseCreditHold } from "../orders/release-credit-hold.js";
import { creditExposures } from "./credit-exposure.js";
import { releasable } from "./model/receivables.js";

export async function releaseHeldOrders(
  tx: Transaction<DB>,
  cacheKey: Kysely<DB>,
  customers: string[],
  cause: { actor: string; why: string },
): Promise<string[]> {
  const held = (await listCreditHeldOrders(tx, [...new Set(customers)])).filter((o) => o.creditOnly);
  if (!held.length) return [];
  const exposures = await creditExposures(tx, [...new Set(held.map((h) => h.customer))]);
  const released: string[] = [];
  for (const [code, e] of exposures) {
    let running = e.totalFen;
    for (const order of releasable(
      held.filter((h) => h.customer === code),
      e.headroomFen,
    )) {
      const exposureAfter = running + order.amountFen;
      const done = await releaseCreditHold(tx, cacheKey, order.orderNo, {
        actor: cause.actor,
        reason: `${cause.why}：信用敞口 ${fromFen(running)} 元，加本单 ${fromFen(order.amountFen)} 元未超额度 ${fromFen(e.effectiveLimitFen)} 元`,
        data: { credit: { exposure: fromFen(running), amount: fromFen(order.amountFen), limit: fromFen(e.effectiveLimitFen), after: fromFen(exposureAfter) } },
      });
      if (done) released.push(order.orderNo);
      running = exposureAfter;
    }
  }
  return released;
}
