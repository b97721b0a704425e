// The customer-service board: where orders stand, what moved last, and the questions waiting on service.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { headerWithName, nameOrders, openTasksOf, ordersWithCustomer, pinnedOrders, statusCounts } from "./board-queries.js";

export async function serviceBoard(db: Kysely<DB>) {
  const recent = await ordersWithCustomer(db).orderBy("orders.updated_at", "desc").orderBy("orders.order_no", "desc").limit(15).execute();
  return {
    role: "service" as const,
    statusCounts: await statusCounts(db),
    recent: await nameOrders(db, recent.map(headerWithName)),
    pinned: await pinnedOrders(db, "service"),
    tasks: await openTasksOf(db, "service"),
  };
}
