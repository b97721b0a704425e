// Use case: when an open task passes its due time, run the task.overdue rules on its order, once per task.
// Claimed with SKIP LOCKED, so several app instances never fire the same task twice.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { runRulesOnOrder } from "./run-rules-on-order.js";

export async function fireOverdueTasks(db: Kysely<DB>, now = new Date(), limit = 100): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom("tasks")
      .select(["id", "order_no"])
      .where("status", "=", "open")
      .where("overdue_at", "is", null)
      .where("due_at", "<", now)
      .orderBy("due_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return 0;
    await tx
      .updateTable("tasks")
      .set({ overdue_at: now })
      .where(
        "id",
        "in",
        due.map((t) => t.id),
      )
      .execute();
    for (const task of due) {
      if (task.order_no) await runRulesOnOrder(tx, db, task.order_no, { trigger: "task.overdue" }, { at: now });
    }
    return due.length;
  });
}
