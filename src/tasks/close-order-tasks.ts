// Use case: the open tasks of an order that a decision elsewhere made moot (finance's credit approval once
// a payment released the hold) are closed in that decision's transaction, with who and why.
import type { Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { publishChange } from "../events/publish-change.js";

export async function closeOrderTasks(
  tx: Transaction<DB>,
  filter: { orderNo: string; assigneeRole: string; titlePrefix: string },
  done: { by: string; note: string },
): Promise<number[]> {
  const closed = await tx
    .updateTable("tasks")
    .set({ status: "done", done_by: done.by, done_at: new Date(), done_note: done.note })
    .where("order_no", "=", filter.orderNo)
    .where("assignee_role", "=", filter.assigneeRole)
    .where("status", "=", "open")
    .where("title", "like", `${filter.titlePrefix}%`)
    .returning("id")
    .execute();
  for (const t of closed) await publishChange(tx, { kind: "task", action: "done", taskId: Number(t.id) });
  return closed.map((t) => Number(t.id));
}
