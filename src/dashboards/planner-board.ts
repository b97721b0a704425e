// The planner board: pinned rush orders first, the plan's bottleneck alerts, the materials that hold
// back the most orders, work-centre load over the horizon, the working calendar, orders to schedule.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { headerWithName, nameOrders, openTasksOf, ordersWithCustomer, pinnedOrders, statusCounts } from "./board-queries.js";
import { plannerFigures } from "./plan-figures.js";

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
    toSchedule: await nameOrders(db, waiting.map(headerWithName)),
    statusCounts: await statusCounts(db),
    tasks: await openTasksOf(db, "planner"),
    ...(await plannerFigures(db)),
  };
}
