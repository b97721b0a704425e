// The purchasing board: red alerts raised for rush orders, pinned orders, purchasing's tasks.
// Shortages per material come from planning and are marked as not available yet.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { NOT_YET_PLANNED, openTasksOf, pinnedOrders } from "./board-queries.js";

export async function purchasingBoard(db: Kysely<DB>) {
  const alerts = await db
    .selectFrom("notifications")
    .select(["id", "level", "message", "order_no", "created_at"])
    .where("to_role", "=", "purchasing")
    .where("read_at", "is", null)
    .orderBy("id", "desc")
    .limit(30)
    .execute();
  return {
    role: "purchasing" as const,
    alerts: alerts.map((a) => ({ id: a.id, level: a.level, message: a.message, orderNo: a.order_no, at: a.created_at.toISOString() })),
    pinned: await pinnedOrders(db, "purchasing"),
    tasks: await openTasksOf(db, "purchasing"),
    shortages: NOT_YET_PLANNED,
  };
}
