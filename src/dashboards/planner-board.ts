// The planner board: pinned rush orders first, the plan's bottleneck alerts, the materials that hold
// back the most orders, work-centre load over the horizon, the working calendar, orders to schedule.
import { type Kysely, sql } from "kysely";
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
  // Orders an engineering change switched to new versions (or decided to rework, scrap, re-order or ask
  // the customer about) in the last two weeks.
  const changed = await ordersWithCustomer(db)
    .where("orders.status", "in", ["confirmed", "scheduled", "in_production", "on_hold"])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("order_events as e")
          .select("e.id")
          .whereRef("e.order_no", "=", "orders.order_no")
          .where(sql<boolean>`(e.data ? 'versions' or coalesce(e.data->'ecn'->>'decision', 'keep') <> 'keep')`)
          .where("e.at", ">", sql<Date>`now() - interval '14 days'`),
      ),
    )
    .orderBy("orders.updated_at", "desc")
    .limit(30)
    .execute();
  return {
    role: "planner" as const,
    engineeringChanged: await nameOrders(db, changed.map(headerWithName)),
    pinned: await pinnedOrders(db, "production"),
    toSchedule: await nameOrders(db, waiting.map(headerWithName)),
    statusCounts: await statusCounts(db),
    tasks: await openTasksOf(db, "planner"),
    ...(await plannerFigures(db)),
  };
}
