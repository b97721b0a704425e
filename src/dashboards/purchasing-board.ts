// The purchasing board: shortages per material from the current plan (red when a rush order is short),
// the alerts raised for purchasing, pinned orders, purchasing's tasks.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { openTasksOf, pinnedOrders } from "./board-queries.js";
import { purchasingFigures } from "./plan-figures.js";

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
    ...(await purchasingFigures(db)),
  };
}
