// The planner board: pinned rush orders first, orders waiting to be scheduled, the planner's tasks.
// Bottlenecks, kitting and work-centre load come from planning and are marked as not available yet.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { headerWithName, NOT_YET_PLANNED, openTasksOf, ordersWithCustomer, pinnedOrders, statusCounts } from "./board-queries.js";

export async function plannerBoard(db: Kysely<DB>) {
  const waiting = await ordersWithCustomer(db)
    .where("orders.status", "=", "confirmed")
    .orderBy("orders.rush", "desc")
    .orderBy("orders.requested_date", "asc")
    .limit(30)
    .execute();
  return {
    role: "planner" as const,
    pinned: await pinnedOrders(db, "production"),
    toSchedule: waiting.map(headerWithName),
    statusCounts: await statusCounts(db),
    tasks: await openTasksOf(db, "planner"),
    bottlenecks: NOT_YET_PLANNED,
    kittingImpact: NOT_YET_PLANNED,
    load: NOT_YET_PLANNED,
  };
}
