// Boards of engineering and finance: their open tasks and the orders held or blocked waiting for them.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { orderHeader } from "../orders/get-order.js";
import { nameOrders, openTasksOf } from "./board-queries.js";

export async function deskBoard(db: Kysely<DB>, role: "engineering" | "finance") {
  const waiting = await db
    .selectFrom("orders")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "on_hold"), eb("owner_role", "=", role)]),
        eb(
          "order_no",
          "in",
          eb
            .selectFrom("order_blocks")
            .innerJoin("tasks", "tasks.id", "order_blocks.task_id")
            .select("order_blocks.order_no")
            .where("order_blocks.cleared_at", "is", null)
            .where("tasks.assignee_role", "=", role),
        ),
      ]),
    )
    .orderBy("updated_at", "desc")
    .limit(50)
    .execute();
  return { role, waiting: await nameOrders(db, waiting.map(orderHeader)), tasks: await openTasksOf(db, role) };
}
