// Use case: the credit provider's answer on an order held for a credit check. Approved: its hold lifts,
// and the order resumes (a transition, through the same step as a person's release) if nothing else
// holds it. Otherwise the hold stays with the provider's reason, and finance gets a task to decide.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { openTask } from "../tasks/open-task.js";
import { lockOrder } from "./apply-order-change.js";
import { logOrderChange } from "./log-order-change.js";
import { isOrderStatus } from "./model/lifecycle.js";
import { moveOrder } from "./move-order.js";

export interface CreditDecision {
  orderNo: string;
  /** The hold (order block) the check was asked for. */
  blockId: number;
  provider: string;
  decision: string;
  reason: string;
  score: number;
}

export async function recordCreditDecision(db: Kysely<DB>, answer: CreditDecision): Promise<void> {
  const actor = `credit:${answer.provider}`;
  const { orderNo, blockId } = answer;
  await db.transaction().execute(async (tx) => {
    const row = await lockOrder(tx, orderNo);
    const credit = { decision: answer.decision, score: answer.score };
    if (answer.decision !== "approved") {
      const reason = `信用审核${answer.decision === "rejected" ? "未通过" : "需人工复核"}：${answer.reason}`;
      await tx.updateTable("order_blocks").set({ reason }).where("id", "=", blockId).execute();
      await openTask(tx, { title: `${reason}（${orderNo}）`, orderNo, assigneeRole: "finance", createdBy: actor });
      await logOrderChange(tx, db, orderNo, { actor, field: "credit", data: { ...credit, reason: answer.reason } }, row);
      return;
    }
    await tx.updateTable("order_blocks").set({ cleared_at: new Date(), cleared_by: actor }).where("id", "=", blockId).where("cleared_at", "is", null).execute();
    const otherHolds = await tx
      .selectFrom("order_blocks")
      .select("id")
      .where("order_no", "=", orderNo)
      .where("to_status", "=", "*")
      .where("cleared_at", "is", null)
      .execute();
    if (row.status !== "on_hold" || otherHolds.length || !row.held_from || !isOrderStatus(row.held_from)) {
      await logOrderChange(tx, db, orderNo, { actor, field: "credit", data: credit }, row);
      return;
    }
    await moveOrder(tx, db, row, { to: row.held_from, actor, reason: `信用审核通过（评分 ${answer.score}）`, data: { credit, clearedHolds: [blockId] } });
  });
}
