// Use case: what a closed task means for the orders it held back. Approved (or simply done): the blocks
// waiting on it lift, so the order can move on. Rejected: the blocks stay, saying why. A question for the
// customer: the blocks wait on that question's task instead. Each order affected records the decision in
// its history, runs its rules and reaches every open board. Runs inside the task's transaction: plugged
// into the tasks capability's `TaskHooks.decided` by src/app.ts.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import type { TaskDecision } from "../tasks/hooks.js";
import { lockOrder } from "./apply-order-change.js";
import { logOrderChange } from "./log-order-change.js";

/** Settles the uncleared blocks waiting on the task; answers the order numbers it touched. */
export async function settleTaskBlocks(tx: Transaction<DB>, cacheKey: Kysely<DB>, principal: Principal, decision: TaskDecision): Promise<string[]> {
  const blocks = await tx
    .selectFrom("order_blocks")
    .select(["id", "order_no", "to_status"])
    .where("task_id", "=", decision.taskId)
    .where("cleared_at", "is", null)
    .execute();
  if (!blocks.length) return [];
  // Orders first, in order-number order, then their blocks: the lock order a transition takes too.
  const orderNos = [...new Set(blocks.map((b) => b.order_no))].sort();
  const rows = [];
  for (const orderNo of orderNos) rows.push(await lockOrder(tx, orderNo));
  const ids = blocks.map((b) => b.id);
  const { settlement } = decision;
  if (settlement.kind === "clear") {
    await tx.updateTable("order_blocks").set({ cleared_at: new Date(), cleared_by: principal.name }).where("id", "in", ids).execute();
  } else {
    await tx
      .updateTable("order_blocks")
      .set({ reason: settlement.reason, ...(settlement.kind === "wait_on" ? { task_id: settlement.taskId } : {}) })
      .where("id", "in", ids)
      .execute();
  }
  // The one door for order changes (0051): the order's event, its order.changed rules on "blocks", its live update.
  for (const row of rows) {
    await logOrderChange(
      tx,
      cacheKey,
      row.order_no,
      {
        actor: principal.name,
        field: "blocks",
        reason: decision.note,
        data: {
          task: decision.taskId,
          outcome: decision.outcome,
          blocks: blocks.filter((b) => b.order_no === row.order_no).map((b) => ({ id: b.id, to: b.to_status, settled: settlement.kind })),
        },
      },
      row,
    );
  }
  return orderNos;
}
