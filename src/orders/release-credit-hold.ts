// Use case: finance's exposure came back under the limit (a payment, an override), so the credit-limit
// holds of an order lift and it resumes where it was held, through the same step as a person's release
// (event on the order, live change, rules listening to the transition). Other holds keep it held. The
// credit approval task the limit rule opened is closed with the same reason.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { closeOrderTasks } from "../tasks/close-order-tasks.js";
import { lockOrder } from "./apply-order-change.js";
import { isCreditLimitHold } from "./model/credit-holds.js";
import { isOrderStatus } from "./model/lifecycle.js";
import { moveOrder } from "./move-order.js";

export async function releaseCreditHold(
  tx: Transaction<DB>,
  cacheKey: Kysely<DB>,
  orderNo: string,
  release: { actor: string; reason: string; data?: Record<string, unknown> },
): Promise<boolean> {
  const row = await lockOrder(tx, orderNo);
  if (row.status !== "on_hold" || !row.held_from || !isOrderStatus(row.held_from)) return false;
  const holds = await tx
    .selectFrom("order_blocks")
    .select(["id", "reason", "releasable_by"])
    .where("order_no", "=", orderNo)
    .where("to_status", "=", "*")
    .where("cleared_at", "is", null)
    .execute();
  if (!holds.length || !holds.every(isCreditLimitHold)) return false;
  const ids = holds.map((h) => h.id);
  await tx.updateTable("order_blocks").set({ cleared_at: new Date(), cleared_by: release.actor }).where("id", "in", ids).execute();
  // The credit approval the limit rule asked finance for is moot now ("信用审批：…", the default rule's task).
  const tasks = await closeOrderTasks(tx, { orderNo, assigneeRole: "finance", titlePrefix: "信用审批：" }, { by: release.actor, note: release.reason });
  await moveOrder(tx, cacheKey, row, {
    to: row.held_from,
    actor: release.actor,
    reason: release.reason,
    data: { ...release.data, clearedHolds: ids, closedTasks: tasks },
  });
  return true;
}
