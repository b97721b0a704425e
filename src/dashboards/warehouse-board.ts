// The warehouse board: pick waves (orders ready to ship grouped by due date and delivery region) and
// exception shipments (ready orders already late, or held after production).
import { type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { plantDay } from "../core/plant-day.js";
import { orderHeader } from "../orders/get-order.js";
import { headerWithName, nameOrders, openTasksOf, pinnedOrders } from "./board-queries.js";

export async function warehouseBoard(db: Kysely<DB>, now = new Date()) {
  const today = plantDay(now);
  const ready = await db
    .selectFrom("orders")
    .innerJoin("customers", "customers.code", "orders.customer_code")
    .selectAll("orders")
    .select(["customers.region", "customers.name as customer_name"])
    .where("orders.status", "=", "ready")
    .orderBy(sql`coalesce(orders.promised_date, orders.requested_date)`, (ob) => ob.asc().nullsLast())
    .orderBy("orders.order_no")
    .limit(500)
    .execute();
  const waves = new Map<string, { date: string | null; region: string; orders: ReturnType<typeof headerWithName>[] }>();
  for (const row of ready) {
    const date = row.promised_date ?? row.requested_date;
    const key = `${date}|${row.region}`;
    const wave = waves.get(key) ?? { date, region: row.region, orders: [] };
    wave.orders.push(headerWithName(row));
    waves.set(key, wave);
  }
  const held = await db
    .selectFrom("orders")
    .selectAll()
    .where("status", "=", "on_hold")
    .where("held_from", "in", ["ready", "in_production"])
    .limit(50)
    .execute();
  const late = ready.filter((r) => (r.promised_date ?? r.requested_date ?? today) < today);
  return {
    role: "warehouse" as const,
    today,
    waves: await Promise.all([...waves.values()].map(async (w) => ({ ...w, orders: await nameOrders(db, w.orders) }))),
    exceptions: await nameOrders(db, [
      ...late.map((r) => ({ kind: "late" as const, ...headerWithName(r) })),
      ...held.map((r) => ({ kind: "held" as const, ...orderHeader(r) })),
    ]),
    pinned: await pinnedOrders(db, "warehouse"),
    tasks: await openTasksOf(db, "warehouse"),
  };
}
