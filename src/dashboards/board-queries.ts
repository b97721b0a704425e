// Reads shared by several boards: open tasks of a role, pinned orders, orders by status.
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { orderHeader } from "../orders/get-order.js";
import { OPEN_STATUSES } from "../orders/model/lifecycle.js";
import { nameOrders } from "../orders/name-order-view.js";

export async function openTasksOf(db: Kysely<DB>, role: string, limit = 20) {
  const rows = await db
    .selectFrom("tasks")
    .select(["id", "title", "order_no", "assignee_role", "assignee_user", "due_at", "created_at"])
    .where("status", "=", "open")
    .where("assignee_role", "=", role)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const total = await db
    .selectFrom("tasks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "open")
    .where("assignee_role", "=", role)
    .executeTakeFirstOrThrow();
  return {
    total: Number(total.n),
    items: rows.map((t) => ({
      id: t.id,
      title: t.title,
      orderNo: t.order_no,
      assignee: t.assignee_user ?? t.assignee_role,
      dueAt: t.due_at?.toISOString() ?? null,
      createdAt: t.created_at.toISOString(),
    })),
  };
}

/** Open orders pinned to a board by a rule, rush first, then by due date. */
export async function pinnedOrders(db: Kysely<DB>, board: string, limit = 30) {
  const rows = await db
    .selectFrom("order_pins")
    .innerJoin("orders", "orders.order_no", "order_pins.order_no")
    .innerJoin("customers", "customers.code", "orders.customer_code")
    .selectAll("orders")
    .select(["order_pins.colour as pin_colour", "order_pins.created_at as pinned_at", "customers.name as customer_name"])
    .where("order_pins.board", "=", board)
    .where("orders.status", "in", OPEN_STATUSES)
    .orderBy("orders.rush", "desc")
    .orderBy(sql`coalesce(orders.promised_date, orders.requested_date)`, (ob) => ob.asc().nullsLast())
    .limit(limit)
    .execute();
  return nameOrders(
    db,
    rows.map((r) => ({ ...headerWithName(r), pinColour: r.pin_colour, pinnedAt: r.pinned_at.toISOString() })),
  );
}

export async function statusCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("orders")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Orders with their customer's name, for lists people read (the code alone means little to them). */
export function ordersWithCustomer(db: Kysely<DB>) {
  return db.selectFrom("orders").innerJoin("customers", "customers.code", "orders.customer_code").selectAll("orders").select("customers.name as customer_name");
}

export const headerWithName = (row: Parameters<typeof orderHeader>[0] & { customer_name: string }) => ({
  ...orderHeader(row),
  customerName: row.customer_name,
});

export { nameOrders };
