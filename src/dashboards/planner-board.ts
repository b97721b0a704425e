// The planner board: pinned rush orders first, orders waiting to be scheduled, the planner's tasks.
// Bottlenecks, kitting and work-centre load come from planning and are marked as not available yet.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { orderHeader } from "../orders/get-order.js";
import { NOT_YET_PLANNED, openTasksOf, pinnedOrders, statusCounts } from "./board-queries.js";

export async function plannerBoard(db: Kysely<DB>) {
  const waiting = await db
    .selectFrom("orders")
    .selectAll()
    .where("status", "=", "confirmed")
    .orderBy("rush", "desc")
    .orderBy("requested_date", "asc")
    .limit(30)
    .execute();
  return {
    role: "planner" as const,
    pinned: await pinnedOrders(db, "production"),
    toSchedule: waiting.map(orderHeader),
    statusCounts: await statusCounts(db),
    tasks: await openTasksOf(db, "planner"),
    bottlenecks: NOT_YET_PLANNED,
    kittingImpact: NOT_YET_PLANNED,
    load: NOT_YET_PLANNED,
  };
}
