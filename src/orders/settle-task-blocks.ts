// Use case: what a closed task means for the orders it held back. Approved (or simply done): the blocks
// waiting on it lift, so the order can move on. Rejected: the blocks stay, saying why. A question for the
// customer: the blocks wait on that question's task instead. Each order affected records the decision in
// its history, runs its rules and reaches every open board. Runs inside the task's transaction.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { logOrderChange } from "./log-order-change.js";

export type BlockSettlement = { kind: "clear" } | { kind: "keep"; reason: string } | { kind: "wait_on"; taskId: number; reason: string };

export interface TaskDecision {
  taskId: number;
  outcome: "done" | "approve" | "reject" | "needs_input";
  note: string | null;
  settlement: BlockSettlement;
}

/** Settles the uncleared blocks waiting on the task; answers the order numbers it touched. */
export async function settleTaskBlocks(tx: Transaction<DB>, cacheKey: Kysely<DB>, principal: Principal, decision: TaskDecision): Promise<string[]> {
  const blocks = await tx
    .selectFrom("order_blocks")
    .select(["id", "order_no", "to_status"])
    .where("task_id", "=", decision.taskId)
    .where("cleared_at", "is", null)
    .execute();
  if (!blocks.length) return [];
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
  const orderNos = [...new Set(blocks.map((b) => b.order_no))].sort();
  for (const orderNo of orderNos) {
    await logOrderChange(tx, cacheKey, orderNo, {
      actor: principal.name,
      field: "task",
      reason: decision.note,
      data: {
        id: decision.taskId,
        outcome: decision.outcome,
        blocks: blocks.filter((b) => b.order_no === orderNo).map((b) => ({ id: b.id, to: b.to_status, settled: settlement.kind })),
      },
    });
  }
  return orderNos;
}
